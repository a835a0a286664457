// Types only, and no Dexie: storage.ts imports this, and the first screen loads storage.ts without Dexie (src/app/main.tsx).
import type { FriendlyDeskDB, StoredOp } from './database';

/**
 * The outbox's checkpoint (meta 'sentThrough'), as PouchDB's replication keeps one: the server has
 * answered every op this tablet made up to that deviceSeq. An op answered `applied` or `duplicate`
 * keeps the record it was sent as (state 'pending') unless being synced changes its data
 * (markSynced): at or below the checkpoint, 'pending' means sent. Only rejected ops and ops whose
 * data changes are written back. Rewriting all 10,000 records of a drained outbox cost the tablet
 * more than the server spent storing them, and on a 2-core tablet-and-server bench it slowed the
 * server down by a third (README, "Benchmarks").
 *
 * The checkpoint only grows, so a value read earlier makes an op look unsent, never sent: a sweep
 * may read it before its transaction and at worst leaves an op for its next run.
 */
export async function sentThrough(db: FriendlyDeskDB): Promise<number> {
  return ((await db.meta.get('sentThrough'))?.value as number | undefined) ?? 0;
}

type OpState = Pick<StoredOp, 'state' | 'deviceSeq'>;

/** Made here and not yet answered by the server. */
export const isUnsent = (op: OpState, through: number): boolean => op.state === 'pending' && op.deviceSeq > through;

/** The server has it: pulled, or pushed and answered applied or duplicate. */
export const isSent = (op: OpState, through: number): boolean => op.state === 'synced' || (op.state === 'pending' && op.deviceSeq <= through);

/** The ops stored in `state` whose deviceSeq is after `after` and at most `upTo`, in deviceSeq order (the [state+deviceSeq] index). */
function stored(db: FriendlyDeskDB, state: StoredOp['state'], after = -Infinity, upTo = Infinity) {
  return db.ops.where('[state+deviceSeq]').between([state, after], [state, upTo], false, true);
}

/** Every op stored in `state` (for 'pending', sent or not: see unsentOps and sentPendingOps). */
export const opsInState = (db: FriendlyDeskDB, state: StoredOp['state']) => stored(db, state);

/** This tablet's unsent ops in deviceSeq order, those after `afterSeq` only when it is given. */
export const unsentOps = (db: FriendlyDeskDB, through: number, afterSeq = 0) => stored(db, 'pending', Math.max(through, afterSeq));

/** The sent ops still stored as 'pending' (at or below the checkpoint). */
export const sentPendingOps = (db: FriendlyDeskDB, through: number) => stored(db, 'pending', -Infinity, through);
