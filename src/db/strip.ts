import type { FriendlyDeskDB, StoredOp } from './database';

/**
 * Inside a retention sweep's transaction: an entity's synced ops with `strip` applied (it returns
 * an op's data without the personal fields, or undefined when there are none), written back; the
 * entity's ops as they now are, to fold again. Null when an op of it is still pending: the server
 * needs everything, so a later sweep takes it once sent.
 */
export async function stripSyncedOps(
  db: FriendlyDeskDB,
  entityId: string,
  strip: (type: string, data: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<StoredOp[] | null> {
  const ops = await db.ops.where('entityId').equals(entityId).toArray();
  if (ops.some((op) => op.state === 'pending')) return null;
  const changed = ops.flatMap((op) => {
    const data = op.state === 'synced' ? strip(op.type, op.data) : undefined;
    return data ? [{ ...op, data }] : [];
  });
  if (changed.length === 0) return ops;
  await db.ops.bulkPut(changed);
  return db.ops.where('entityId').equals(entityId).toArray();
}
