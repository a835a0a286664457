import type { OpType } from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import { tablesFor } from './projections';
import { loadValidator, recordOp } from './writes';

/** Ops the server refused and nobody has dealt with yet: the "needs attention" list. */
export async function listNeedsAttention(db: FriendlyDeskDB): Promise<StoredOp[]> {
  return db.ops.filter((op) => op.state === 'rejected' && !op.resolution).toArray();
}

/** Send the change again as a new op (new id and sequence); the refused one stays, marked as fixed. */
export async function resendAsNew(db: FriendlyDeskDB, op: StoredOp, staffId: string): Promise<StoredOp> {
  await loadValidator(); // before the transaction: it must not wait on a download
  return db.transaction('rw', tablesFor(db, [op.type]), async () => {
    const fresh = await recordOp(db, op.type as OpType, op.entityId, op.data as Record<string, unknown>);
    await db.ops.update(op.opId, { resolution: 'fixed', resolvedAt: new Date().toISOString(), resolvedBy: staffId, fixedBy: fresh.opId });
    return fresh;
  });
}

/** Give up on a refused op. Nothing is deleted: the op stays, with who discarded it and when. */
export async function discardRejected(db: FriendlyDeskDB, op: StoredOp, staffId: string): Promise<void> {
  await db.ops.update(op.opId, { resolution: 'discarded', resolvedAt: new Date().toISOString(), resolvedBy: staffId });
}
