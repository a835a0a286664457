import type { CalendarData } from '../calendar';
import type { Op } from '../ops';
import { currentDueAt, type DueDossier } from './due';
import type { DossierReceivedData, DossierTransitionedData, DossierUpdatedData } from './ops';

// What staff can do to a dossier and what each action asks for; no zod here: the detail form
// reads these tables on the counter's screens, and the op schema (ops.ts) enforces the same ones.
export const DOSSIER_ACTIONS = [
  'start-processing',
  'request-supplement',
  'receive-supplement',
  'mark-result-ready',
  'return-result',
  'refuse',
  'withdraw',
  'stop',
  'apologize-extend',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];
/**
 * 1.1: handing the dossier to another officer or agency (a row of form 06) is recorded like an
 * action but moves no status, so it is not one of the lifecycle's DOSSIER_ACTIONS.
 */
export const HAND_OVER = 'hand-over' as const;
export const TRANSITION_ACTIONS = [...DOSSIER_ACTIONS, HAND_OVER] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export const CHANNELS = ['counter', 'home', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Fields of `dossier.transitioned` that some actions require. */
export type ActionField = 'reason' | 'missingDocuments' | 'newDueAt';

/** Which fields each action needs (DESIGN.md › dossier.transitioned): validation, the detail form and the tests read this. */
export const ACTION_REQUIREMENTS: Readonly<Record<DossierAction, readonly ActionField[]>> = {
  'start-processing': [],
  'request-supplement': ['missingDocuments'],
  'receive-supplement': [],
  'mark-result-ready': [],
  'return-result': [],
  refuse: ['reason'],
  withdraw: ['reason'],
  stop: ['reason'],
  'apologize-extend': ['reason', 'newDueAt'],
};

export const actionNeeds = (action: DossierAction, field: ActionField): boolean => ACTION_REQUIREMENTS[action].includes(field);

export const OPEN_STATUSES = ['received', 'processing', 'supplement-requested', 'supplement-received', 'result-ready'] as const;
export const FINAL_STATUSES = ['returned', 'refused', 'withdrawn', 'stopped'] as const;
/** Every status a dossier reaches through its lifecycle, in that order (lists and filters show them so). */
export const DOSSIER_STATUSES = [...OPEN_STATUSES, ...FINAL_STATUSES] as const;
/** 'unknown': the fold met ops of a dossier whose `dossier.received` it has not seen yet. */
export type DossierStatus = (typeof DOSSIER_STATUSES)[number] | 'unknown';
/** Statuses in which the desk still owes the citizen a result (result-ready only waits for pick-up). */
export const IN_PROGRESS_STATUSES = ['received', 'processing', 'supplement-requested', 'supplement-received'] as const;

/** Why the fold could not apply an op. The op stays in history for staff review. */
export type DossierFlagCode =
  | 'impossible-transition'
  | 'duplicate-received'
  | 'missing-received'
  | 'invalid-op'
  | 'unknown-op'
  // The decree allows one supplement request and one extension per dossier (decree.ts); a second
  // one made anyway (on another tablet) is applied, since it happened, and flagged for review.
  | 'second-supplement'
  | 'second-extension';

export interface DossierEvent {
  opId: string;
  hlc: string;
  deviceId: string;
  at: string;
  type: string;
  action?: TransitionAction;
  staffId?: string;
  /** hand-over: to whom (a staff id) or to which agency. */
  toStaffId?: string;
  toAgency?: string;
  /** return-result before the appointment: the citizen was told first. */
  citizenInformed?: boolean;
  reason?: string;
  missingDocuments?: string[];
  newDueAt?: string;
  /** 1.1: where it happened, for work done outside the office (a certification at the home). */
  place?: string;
  /** 1.1: how the person signed for it (a receipt or a result handed over). */
  signedBy?: 'signature' | 'fingerprint';
  /** Fields a dossier.updated op set (who corrected what, for the timeline). */
  changes?: DossierUpdatedData['changes'];
  /** Set when the fold could not apply this op: kept for staff review, never dropped. */
  flagged?: DossierFlagCode;
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
  flags: { opId: string; code: DossierFlagCode }[];
  extended: boolean;
  /** How many supplement requests were made: more than one counts the dossier late (Decision 766). */
  supplementRequests: number;
  /** End of processing: first (in HLC order) of result ready, returned, refused, stopped. */
  processedAt?: string;
  returnedAt?: string;
  /**
   * Waiting for the citizen's supplement, which does not count against the due date: from the
   * request to the receipt of the supplement (or to whatever ended the wait: refusal, withdrawal,
   * stop). The calendar turns these into working days (see metrics).
   */
  supplementPeriods: { from: string; to?: string }[];
  lastHlc: string;
}

/** Which action moves which status where. apologize-extend keeps the status and moves the due date. */
const TRANSITIONS: Record<DossierAction, { from: readonly DossierStatus[]; to?: DossierStatus }> = {
  'start-processing': { from: ['received', 'supplement-received'], to: 'processing' },
  'request-supplement': { from: ['received', 'processing'], to: 'supplement-requested' },
  'receive-supplement': { from: ['supplement-requested'], to: 'supplement-received' },
  'mark-result-ready': { from: ['processing', 'supplement-received'], to: 'result-ready' },
  'return-result': { from: ['result-ready'], to: 'returned' },
  // Refusal is possible at intake too (the dossier is not accepted).
  refuse: { from: ['received', 'processing', 'supplement-requested'], to: 'refused' },
  withdraw: { from: ['received', 'processing', 'supplement-requested', 'supplement-received'], to: 'withdrawn' },
  stop: { from: ['processing', 'supplement-requested', 'supplement-received'], to: 'stopped' },
  'apologize-extend': { from: IN_PROGRESS_STATUSES },
};

const isOpen = (status: DossierStatus) => (OPEN_STATUSES as readonly string[]).includes(status);

/** A hand-over moves no status: the dossier travels between officers while it is open. */
const HAND_OVER_RULE: { from: readonly DossierStatus[]; to?: DossierStatus } = { from: OPEN_STATUSES };

/** Statuses that end processing, for the on-time figures. */
const END_OF_PROCESSING: readonly DossierStatus[] = ['result-ready', 'returned', 'refused', 'stopped'];

export function allowedActions(status: DossierStatus): DossierAction[] {
  return (Object.keys(TRANSITIONS) as DossierAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** What `action` does from `status`, or null when the lifecycle does not allow it. */
export function nextStatus(status: DossierStatus, action: DossierAction): DossierStatus | null {
  const rule = Object.hasOwn(TRANSITIONS, action) ? TRANSITIONS[action] : undefined;
  if (!rule || !rule.from.includes(status)) return null;
  return rule.to ?? status;
}

export type FoldOp = Op & { deviceId: string };

const CANONICAL_ISO = /^\d{4}-\d{2}-(\d{2})T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Outside clients may send any ISO form ("+07:00", no millis); projections keep one sortable form. */
function iso(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const ms = Date.parse(s);
  if (!Number.isFinite(ms)) return undefined;
  // Tablets send the canonical form already: keep it (the fold runs for every op the server
  // stores), unless Date.parse rolled it over (30 February is 2 March, 24:00 the next day).
  const day = CANONICAL_ISO.exec(s)?.[1];
  const date = new Date(ms);
  return day !== undefined && date.getUTCDate() === Number(day) ? s : date.toISOString();
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical order: HLC, then device, then op id — the same on every tablet and the server. */
export function compareOps(a: FoldOp, b: FoldOp): number {
  return (
    cmp(a.hlc, b.hlc) ||
    cmp(a.deviceId, b.deviceId) ||
    cmp(a.opId, b.opId) ||
    // Only for one op id seen with two contents (the server refuses that): still one answer.
    cmp(JSON.stringify(a.data) ?? '', JSON.stringify(b.data) ?? '')
  );
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
    supplementRequests: 0,
    supplementPeriods: [],
    lastHlc: '',
  };
}

const UPDATABLE = ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.address', 'documents'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Event fields, leaving out what the op did not say (stored projections stay small and comparable). */
function eventOf(op: FoldOp): DossierEvent {
  const event: DossierEvent = { opId: op.opId, hlc: op.hlc, deviceId: op.deviceId, at: op.at, type: op.type };
  const d = isObject(op.data) ? op.data : {};
  if (typeof d.staffId === 'string') event.staffId = d.staffId;
  if (op.type === 'dossier.transitioned') {
    if (typeof d.action === 'string') event.action = d.action as TransitionAction;
    if (typeof d.toStaffId === 'string') event.toStaffId = d.toStaffId;
    if (typeof d.toAgency === 'string') event.toAgency = d.toAgency;
    if (d.citizenInformed === true) event.citizenInformed = true;
    if (typeof d.reason === 'string') event.reason = d.reason;
    if (isStringArray(d.missingDocuments)) event.missingDocuments = [...d.missingDocuments];
    if (typeof d.newDueAt === 'string') event.newDueAt = d.newDueAt;
    if (typeof d.place === 'string') event.place = d.place;
  }
  const signature = isObject(d.signature) ? d.signature.kind : undefined;
  if (signature === 'signature' || signature === 'fingerprint') event.signedBy = signature;
  if (op.type === 'dossier.updated' && typeof d.reason === 'string') event.reason = d.reason;
  if (op.type === 'dossier.updated' && isObject(d.changes)) {
    const changes: Record<string, unknown> = {};
    for (const f of UPDATABLE) if (d.changes[f] !== undefined) changes[f] = f === 'documents' && isStringArray(d.changes[f]) ? [...d.changes[f]] : d.changes[f];
    event.changes = changes as DossierUpdatedData['changes'];
  }
  return event;
}

/**
 * A dossier's state is the fold of its ops in canonical order (HLC, device, op id), so every
 * tablet and the server, holding the same ops, agree whatever order they arrived in.
 * - An op the lifecycle does not allow (returned twice, returned after refused, anything before
 *   the receipt, a second receipt) is kept in history, flagged, and changes nothing.
 * - Field corrections (dossier.updated) are last-writer-wins per field: applied in HLC order, the
 *   latest write of each field stays, and fields it did not touch keep their values.
 * - The same op twice (pulled back after pushing) counts once; ops of other entities are ignored.
 * - Ops are validated before they are stored, but the fold never throws on a malformed one: it flags it.
 */
export function foldDossier(entityId: string, ops: FoldOp[], from?: DossierState): DossierState {
  // `from`: a state already folded from ops that all sort before these (a tablet started from a
  // snapshot, its history not stored yet): the fold goes on from it as if it had those ops.
  const state = from ? structuredClone(from) : emptyState(entityId);
  const seen = new Set<string>();
  const sorted = ops.filter((op) => op.entityId === entityId).sort(compareOps);
  for (const op of sorted) {
    if (seen.has(op.opId)) continue;
    seen.add(op.opId);
    const event = eventOf(op);
    const flag = (code: DossierFlagCode) => {
      event.flagged = code;
      state.flags.push({ opId: op.opId, code });
    };
    state.lastHlc = op.hlc;
    const at = iso(op.at) ?? op.at;
    if (op.type === 'dossier.received') {
      const d = op.data as DossierReceivedData;
      const receivedAt = iso(d?.receivedAt);
      const dueAt = iso(d?.dueAt);
      if (state.status !== 'unknown') flag('duplicate-received');
      else if (!isObject(d) || !isObject(d.applicant) || !receivedAt || !dueAt || !isStringArray(d.documents)) flag('invalid-op');
      else {
        Object.assign(state, {
          code: d.code,
          procedureId: d.procedureId,
          applicant: { ...d.applicant },
          channel: d.channel,
          receivedAt,
          dueAt,
          originalDueAt: dueAt,
          documents: [...d.documents],
          writtenByStaff: d.writtenByStaff,
          staffId: d.staffId,
          status: 'received',
        });
      }
    } else if (op.type === 'dossier.transitioned') {
      const d = op.data as DossierTransitionedData;
      const handOver = isObject(d) && d.action === HAND_OVER;
      const rule = handOver ? HAND_OVER_RULE : isObject(d) && Object.hasOwn(TRANSITIONS, d.action) ? TRANSITIONS[d.action as DossierAction] : undefined;
      const newDueAt = iso(d?.newDueAt);
      const secondSupplement = d?.action === 'request-supplement' && state.supplementRequests >= 1;
      if (!rule || (d.action === 'apologize-extend' && !newDueAt)) flag('invalid-op');
      else if (state.status === 'unknown') flag('missing-received');
      else if (!rule.from.includes(state.status)) {
        flag('impossible-transition');
        // A second request racing the first from another tablet finds the dossier already
        // waiting: impossible for the lifecycle, but it was made, so it counts the dossier late.
        if (secondSupplement && isOpen(state.status)) state.supplementRequests++;
      } else {
        const before = state.status;
        if (d.action === 'apologize-extend') {
          if (state.extended) flag('second-extension');
          state.dueAt = newDueAt!;
          state.extended = true;
        }
        if (d.action === 'request-supplement') {
          if (secondSupplement) flag('second-supplement');
          state.supplementRequests++;
        }
        if (rule.to) state.status = rule.to;
        if (d.action === 'request-supplement') state.supplementPeriods.push({ from: at });
        // The wait ends when the supplement arrives or the dossier ends while waiting.
        if (before === 'supplement-requested' && state.status !== before) {
          const open = state.supplementPeriods.find((p) => p.to === undefined);
          if (open) open.to = at;
        }
        if (END_OF_PROCESSING.includes(state.status) && !state.processedAt) state.processedAt = at;
        if (state.status === 'returned') state.returnedAt = at;
      }
    } else if (op.type === 'dossier.updated') {
      const d = op.data as DossierUpdatedData;
      if (!isObject(d) || !isObject(d.changes)) flag('invalid-op');
      // A correction that sorts before the receipt has nothing to correct.
      else if (state.status === 'unknown') flag('missing-received');
      else {
        // Ops come in HLC order, so the last write of each field wins.
        for (const field of UPDATABLE) {
          const value = d.changes[field];
          if (value === undefined) continue;
          if (field === 'documents') {
            if (isStringArray(value)) state.documents = [...value];
          } else state.applicant = { ...state.applicant, [field.slice('applicant.'.length)]: value };
        }
      }
    } else flag('unknown-op');
    state.history.push(event);
  }
  return state;
}

/**
 * Still owed to the citizen and past the due date it has now (currentDueAt: extended, and moved
 * back by supplement waits when the commune calendar is given).
 */
export function isOverdue(state: Pick<DossierState, 'status'> & DueDossier, now: Date, calendar?: CalendarData): boolean {
  if (!(IN_PROGRESS_STATUSES as readonly string[]).includes(state.status) || !state.dueAt) return false;
  const due = Date.parse(calendar ? currentDueAt(state, calendar, now) : state.dueAt);
  return Number.isFinite(due) && due < now.getTime();
}
