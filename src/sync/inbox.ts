import { hlcReceive, MAX_PULL, type HlcState, type PullReply } from '../domain';
import { markSynced, project, WRITE_TABLES, type FriendlyDeskDB, type StoredOp } from '../db';
import { callApi, type ApiOptions } from './api';


/** Store one page of the commune's ops and re-derive what they touch, in one transaction. */
export async function applyPulledOps(db: FriendlyDeskDB, ops: PullReply['ops'], cursor: string | null): Promise<number> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const known = await db.ops.bulkGet(ops.map((o) => o.opId));
    const fresh: StoredOp[] = [];
    const confirmed: StoredOp[] = [];
    ops.forEach((op, i) => {
      const { cursor: _cursor, ...rest } = op;
      if (!known[i]) fresh.push({ ...rest, ...markSynced(rest), state: 'synced' });
      else if (known[i]!.state === 'pending') confirmed.push(known[i]!); // our own op, whose push answer was lost
    });
    if (fresh.length) await db.ops.bulkAdd(fresh);
    for (const op of confirmed) await db.ops.update(op.opId, markSynced(op));
    // Keep our clock ahead of everything we have seen, so our next op sorts after it.
    let clock = ((await db.meta.get('hlc'))?.value as HlcState | undefined) ?? { wall: 0, counter: 0 };
    for (const op of fresh) clock = hlcReceive(clock, op.hlc, Date.now());
    const touched = new Map<string, StoredOp>();
    for (const op of fresh) touched.set(op.entityId, op);
    for (const op of touched.values()) await project(db, op);
    await db.meta.bulkPut([
      { key: 'hlc', value: clock },
      ...(cursor ? [{ key: 'pullCursor', value: cursor }] : []),
    ]);
    return fresh.length;
  });
}

/** Pull everything the commune has that this tablet has not seen, page after page. */
export async function pullAll(db: FriendlyDeskDB, api: ApiOptions): Promise<{ received: number; serverTime?: string }> {
  let received = 0;
  let serverTime: string | undefined;
  for (;;) {
    const after = (await db.meta.get('pullCursor'))?.value as string | undefined;
    const query = new URLSearchParams({ limit: String(MAX_PULL), ...(after ? { after } : {}) });
    const { data } = await callApi<PullReply>(api, 'GET', `/api/v1/sync/pull?${query}`);
    received += await applyPulledOps(db, data.ops, data.cursor);
    serverTime = data.serverTime;
    if (!data.hasMore || data.ops.length === 0) return { received, serverTime };
  }
}
