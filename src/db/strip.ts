import type { FriendlyDeskDB, StoredOp } from './database';
import { isSent, isUnsent } from './sent';

/**
 * Inside a retention sweep's transaction: an entity's synced ops with `strip` applied (it returns
 * an op's data without the personal fields, or undefined when there are none), written back; the
 * entity's ops as they now are, to fold again. Null when an op of it is still unsent: the server
 * needs everything, so a later sweep takes it once sent. `through`: the outbox's checkpoint (sent.ts).
 */
export async function stripSyncedOps(
  db: FriendlyDeskDB,
  entityId: string,
  strip: (type: string, data: Record<string, unknown>) => Record<string, unknown> | undefined,
  through: number,
): Promise<StoredOp[] | null> {
  const ops = await db.ops.where('entityId').equals(entityId).toArray();
  if (ops.some((op) => isUnsent(op, through))) return null;
  const changed = ops.flatMap((op) => {
    const data = isSent(op, through) ? strip(op.type, op.data) : undefined;
    return data ? [{ ...op, data }] : [];
  });
  if (changed.length === 0) return ops;
  await db.ops.bulkPut(changed);
  return db.ops.where('entityId').equals(entityId).toArray();
}
