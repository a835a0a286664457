import { hlcTick, newId, type HlcState, type OpType } from '../domain';
import type { validateOp as ValidateOp } from '../domain/ops';
import type { DeviceInfo, FriendlyDeskDB, StoredOp } from './database';
import { project, tablesFor } from './projections';
import { sentThrough, unsentOps } from './sent';

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
  return db.transaction('rw', tablesFor(db, [type]), () => recordOpInTransaction(db, validate, type, entityId, data, now));
}

/** recordOp's body, for writes that do more in the same transaction (opened on `tablesFor` the type). */
export async function recordOpInTransaction(
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

/** Ops this tablet made that the server has not yet answered. */
export async function countPending(db: FriendlyDeskDB): Promise<number> {
  return unsentOps(db, await sentThrough(db)).count();
}
