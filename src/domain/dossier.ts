import type { DossierAction, DossierReceivedData, DossierTransitionedData, DossierUpdatedData, Op } from './ops';

export type DossierStatus =
  | 'received'
  | 'processing'
  | 'supplement-requested'
  | 'supplement-received'
  | 'result-ready'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'stopped'
  | 'unknown';

export const OPEN_STATUSES = ['received', 'processing', 'supplement-requested', 'supplement-received', 'result-ready'] as const;
export const FINAL_STATUSES = ['returned', 'refused', 'withdrawn', 'stopped'] as const;

export interface DossierEvent {
  opId: string;
  hlc: string;
  deviceId: string;
  at: string;
  type: string;
  action?: DossierAction;
  staffId?: string;
  reason?: string;
  missingDocuments?: string[];
  newDueAt?: string;
  /** Set when the fold could not apply this op: kept for staff review, never dropped. */
  flagged?: string;
}

export interface DossierState {
  id: string;
  code: string;
  procedureId: string;
  applicant: DossierReceivedData['applicant'];
  channel: DossierReceivedData['channel'];
  receivedAt: string;
  dueAt: string;
  originalDueAt: string;
  documents: string[];
  writtenByStaff: boolean;
  staffId: string;
  status: DossierStatus;
  history: DossierEvent[];
  flags: { opId: string; code: string }[];
  extended: boolean;
  /** End of processing: first of result ready, returned, refused, stopped. */
  processedAt?: string;
  returnedAt?: string;
  /** Time spent waiting for the citizen's supplement, which does not count against the due date. */
  supplementPeriods: { from: string; to?: string }[];
  lastHlc: string;
}

/** Which action moves which status where. apologize-extend keeps the status and moves the due date. */
const TRANSITIONS: Record<DossierAction, { from: DossierStatus[]; to?: DossierStatus }> = {
  'start-processing': { from: ['received', 'supplement-received'], to: 'processing' },
  'request-supplement': { from: ['received', 'processing'], to: 'supplement-requested' },
  'receive-supplement': { from: ['supplement-requested'], to: 'supplement-received' },
  'mark-result-ready': { from: ['processing', 'supplement-received'], to: 'result-ready' },
  'return-result': { from: ['result-ready'], to: 'returned' },
  refuse: { from: ['received', 'processing', 'supplement-requested'], to: 'refused' },
  withdraw: { from: ['received', 'processing', 'supplement-requested', 'supplement-received'], to: 'withdrawn' },
  stop: { from: ['processing', 'supplement-requested', 'supplement-received'], to: 'stopped' },
  'apologize-extend': { from: ['received', 'processing', 'supplement-requested', 'supplement-received'] },
};

export function allowedActions(status: DossierStatus): DossierAction[] {
  return (Object.keys(TRANSITIONS) as DossierAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

type FoldOp = Op & { deviceId: string };

/** Outside clients may send any ISO form ("+07:00", no millis); projections keep one sortable form. */
const iso = (s: string) => new Date(s).toISOString();

/** Canonical order: HLC, then device, then op id — the same on every tablet and the server. */
export function compareOps(a: FoldOp, b: FoldOp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0;
}

function emptyState(id: string): DossierState {
  return {
    id,
    code: '',
    procedureId: '',
    applicant: { name: '' },
    channel: 'counter',
    receivedAt: '',
    dueAt: '',
    originalDueAt: '',
    documents: [],
    writtenByStaff: false,
    staffId: '',
    status: 'unknown',
    history: [],
    flags: [],
    extended: false,
    supplementPeriods: [],
    lastHlc: '',
  };
}

const UPDATABLE = ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.address', 'documents'] as const;

/**
 * A dossier's state is the fold of its ops in canonical order, so every tablet that holds the same
 * ops agrees, whatever order they arrived in. Impossible steps are kept in history and flagged.
 */
export function foldDossier(entityId: string, ops: FoldOp[]): DossierState {
  const state = emptyState(entityId);
  const sorted = [...ops].sort(compareOps);
  for (const op of sorted) {
    const event: DossierEvent = { opId: op.opId, hlc: op.hlc, deviceId: op.deviceId, at: op.at, type: op.type };
    const flag = (code: string) => {
      event.flagged = code;
      state.flags.push({ opId: op.opId, code });
    };
    state.lastHlc = op.hlc;
    if (op.type === 'dossier.received') {
      const d = op.data as DossierReceivedData;
      event.staffId = d.staffId;
      if (state.status !== 'unknown' || state.code) flag('duplicate-received');
      else {
        Object.assign(state, {
          code: d.code,
          procedureId: d.procedureId,
          applicant: { ...d.applicant },
          channel: d.channel,
          receivedAt: iso(d.receivedAt),
          dueAt: iso(d.dueAt),
          originalDueAt: iso(d.dueAt),
          documents: [...d.documents],
          writtenByStaff: d.writtenByStaff,
          staffId: d.staffId,
          status: 'received',
        });
        // A correction that sorts before the receipt loses to it: last writer wins, per field.
      }
    } else if (op.type === 'dossier.transitioned') {
      const d = op.data as DossierTransitionedData;
      Object.assign(event, { action: d.action, staffId: d.staffId, reason: d.reason, missingDocuments: d.missingDocuments, newDueAt: d.newDueAt });
      const rule = TRANSITIONS[d.action];
      if (state.status === 'unknown') flag('missing-received');
      else if (!rule.from.includes(state.status)) flag('impossible-transition');
      else {
        if (d.action === 'apologize-extend') {
          state.dueAt = iso(d.newDueAt!);
          state.extended = true;
        }
        if (d.action === 'request-supplement') state.supplementPeriods.push({ from: iso(op.at) });
        if (d.action === 'receive-supplement') {
          const open = state.supplementPeriods.find((p) => !p.to);
          if (open) open.to = iso(op.at);
        }
        if (rule.to) state.status = rule.to;
        if (['result-ready', 'returned', 'refused', 'stopped'].includes(state.status) && !state.processedAt) state.processedAt = iso(op.at);
        if (state.status === 'returned') state.returnedAt = iso(op.at);
      }
    } else if (op.type === 'dossier.updated') {
      const d = op.data as DossierUpdatedData;
      event.staffId = d.staffId;
      // Ops are applied in HLC order, so the last write of each field wins.
      for (const field of UPDATABLE) {
        const value = d.changes[field];
        if (value === undefined) continue;
        if (field === 'documents') state.documents = [...(value as string[])];
        else state.applicant = { ...state.applicant, [field.slice('applicant.'.length)]: value };
      }
    } else flag('unknown-op');
    state.history.push(event);
  }
  return state;
}

/** Statuses in which the desk still owes the citizen a result (result-ready only waits for pick-up). */
export const IN_PROGRESS_STATUSES = ['received', 'processing', 'supplement-requested', 'supplement-received'] as const;

export function isOverdue(state: Pick<DossierState, 'status' | 'dueAt'>, now: Date): boolean {
  return (IN_PROGRESS_STATUSES as readonly string[]).includes(state.status) && Boolean(state.dueAt) && state.dueAt < now.toISOString();
}
