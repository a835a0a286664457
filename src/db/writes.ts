import {
  foldDossier,
  formatDossierCode,
  hlcTick,
  nameWordPairs,
  newId,
  OPEN_STATUSES,
  personalClosedAt,
  searchTokens,
  vnDateKey,
  type DossierState,
  type HlcState,
  type OpType,
} from '../domain';
import type { validateOp as ValidateOp } from '../domain/ops';
import type { DeviceInfo, DossierRow, FriendlyDeskDB, StoredOp } from './database';

type Validate = typeof ValidateOp;
let validator: Validate | undefined;

/**
 * The op schemas (zod) load with the first write, not before the first screen. Called before a
 * transaction opens: awaiting anything but IndexedDB inside one would end it.
 */
export async function loadValidator(): Promise<Validate> {
  validator ??= (await import('../domain/ops')).validateOp;
  return validator;
}

/** Thrown when a write would produce an op the server would reject: the UI shows `code`, nothing is stored. */
export class InvalidOpError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getDevice(db: FriendlyDeskDB): Promise<DeviceInfo | undefined> {
  return (await db.meta.get('device'))?.value as DeviceInfo | undefined;
}

export function toDossierRow(state: DossierState): DossierRow {
  const closedAt = personalClosedAt(state);
  return {
    ...(closedAt ? { personalClosedAt: closedAt } : {}),
    ...state,
    open: (OPEN_STATUSES as readonly string[]).includes(state.status) ? 1 : 0,
    words: searchTokens(state.applicant?.name, state.code, state.applicant?.idNumber, state.applicant?.phone),
    namePairs: nameWordPairs(state.applicant?.name),
  };
}

/** Re-derive a dossier's projection from all ops this tablet holds for it. */
export async function refreshDossier(db: FriendlyDeskDB, entityId: string): Promise<void> {
  const ops = await db.ops.where('entityId').equals(entityId).toArray();
  await db.dossiers.put(toDossierRow(foldDossier(entityId, ops)));
}

/** Keep the projection of an op's entity up to date; called inside the op's transaction. */
export async function project(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  if (op.type.startsWith('dossier.')) await refreshDossier(db, op.entityId);
  else if (op.type === 'survey.submitted') {
    // Only what the kiosk rules need (one per dossier, no repeats): no comment, nothing personal.
    const { rating, dossierCode } = op.data as { rating: string; dossierCode?: string };
    await db.surveys.put({ id: op.opId, at: op.at, rating, ...(dossierCode ? { dossierCode } : {}) });
  }
}

export const WRITE_TABLES = (db: FriendlyDeskDB) => [
  db.ops,
  db.meta,
  db.dossiers,
  db.surveys,
  db.checklistResults,
  db.letters,
  db.homeClients,
  db.homeVisits,
];

/**
 * The one way this tablet records a change: op and projection in one transaction,
 * so a crash or reload can never leave one without the other.
 */
export async function recordOp(
  db: FriendlyDeskDB,
  type: OpType,
  entityId: string,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<StoredOp> {
  const validate = await loadValidator();
  return db.transaction('rw', WRITE_TABLES(db), () => recordOpInTransaction(db, validate, type, entityId, data, now));
}

async function recordOpInTransaction(
  db: FriendlyDeskDB,
  validateOp: Validate,
  type: OpType,
  entityId: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<StoredOp> {
  const device = await getDevice(db);
  if (!device) throw new InvalidOpError('no-device', 'This tablet is not set up yet');
  const deviceSeq = (((await db.meta.get('deviceSeq'))?.value as number | undefined) ?? 0) + 1;
  const clock = ((await db.meta.get('hlc'))?.value as HlcState | undefined) ?? { wall: 0, counter: 0 };
  const tick = hlcTick(clock, now.getTime());
  const candidate = { opId: newId(), deviceSeq, type, entityId, at: now.toISOString(), hlc: tick.hlc, data };
  const checked = validateOp(candidate);
  if (!checked.ok) throw new InvalidOpError(checked.code, checked.message);
  const op: StoredOp = { ...checked.op, deviceId: device.deviceId, state: 'pending' };
  await db.ops.add(op);
  await db.meta.bulkPut([
    { key: 'deviceSeq', value: deviceSeq },
    { key: 'hlc', value: tick.state },
  ]);
  await project(db, op);
  return op;
}

export interface NewDossierInput {
  procedureId: string;
  applicant: { name: string; idNumber?: string; phone?: string; address?: string };
  channel: 'counter' | 'home' | 'online';
  documents: string[];
  writtenByStaff: boolean;
  staffId: string;
  dueAt: string;
}

/** Receive a dossier: issue its code (unique per tablet per day) and record `dossier.received`. */
export async function receiveDossier(db: FriendlyDeskDB, input: NewDossierInput, now = new Date()): Promise<DossierRow> {
  const validate = await loadValidator();
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const device = await getDevice(db);
    if (!device) throw new InvalidOpError('no-device', 'This tablet is not set up yet');
    const today = vnDateKey(now);
    const counter = (await db.meta.get('codeCounter'))?.value as { dateKey: string; n: number } | undefined;
    const n = counter?.dateKey === today ? counter.n + 1 : 1;
    const code = formatDossierCode(device.commune.code, now, device.deviceNo, n);
    const id = newId();
    const applicant = Object.fromEntries(Object.entries(input.applicant).filter(([, v]) => v !== undefined && v !== ''));
    await recordOpInTransaction(
      db,
      validate,
      'dossier.received',
      id,
      { ...input, applicant, code, receivedAt: now.toISOString() },
      now,
    );
    await db.meta.put({ key: 'codeCounter', value: { dateKey: today, n } });
    return (await db.dossiers.get(id))!;
  });
}
