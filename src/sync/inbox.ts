import { hlcReceive, MAX_PULL, type HlcState, type PulledOp, type PullReply, type SnapshotReply } from '../domain';
import { isSent, isUnsent, markSynced, opsInState, projectEntities, putSnapshotDossiers, sentThrough, unsentOps, WRITE_TABLES, type FriendlyDeskDB, type StoredOp } from '../db';
import { ApiError, callApi, type ApiOptions } from './api';

/**
 * Where an unfinished start from the snapshot stands (meta 'snapshot'): which part (the folded
 * dossiers first, then their ops), and the `after` of the next page (null: the part's first page).
 */
interface SnapshotProgress {
  part: 'dossiers' | 'ops';
  at: string;
  next: string | null;
}

/** The ops of a page this tablet does not hold yet, stored as synced; our own pending ones are confirmed. */
async function storePage(db: FriendlyDeskDB, ops: PulledOp[]): Promise<StoredOp[]> {
  const known = await db.ops.bulkGet(ops.map((o) => o.opId));
  const through = await sentThrough(db);
  const fresh: StoredOp[] = [];
  const confirmed: StoredOp[] = [];
  ops.forEach((op, i) => {
    const { cursor: _cursor, ...rest } = op;
    if (!known[i]) fresh.push({ ...rest, ...markSynced(rest), state: 'synced' });
    else if (isUnsent(known[i]!, through)) confirmed.push({ ...known[i]!, ...markSynced(known[i]!) }); // our own op, whose push answer was lost
  });
  if (fresh.length) await db.ops.bulkAdd(fresh);
  if (confirmed.length) await db.ops.bulkPut(confirmed);
  // Keep our clock ahead of everything we have seen, so our next op sorts after it.
  let clock = ((await db.meta.get('hlc'))?.value as HlcState | undefined) ?? { wall: 0, counter: 0 };
  for (const op of fresh) clock = hlcReceive(clock, op.hlc, Date.now());
  await db.meta.put({ key: 'hlc', value: clock });
  return fresh;
}

/** True when every op of the page is stored here as sent: our own ops coming back after a push. */
async function allKnown(db: FriendlyDeskDB, ops: PulledOp[]): Promise<boolean> {
  const known = await db.ops.bulkGet(ops.map((o) => o.opId));
  const through = await sentThrough(db);
  return known.every((op) => op !== undefined && isSent(op, through));
}

/**
 * Store one page of the commune's ops and re-derive what they touch, in one transaction: each
 * touched entity folded once, from every op this tablet holds for it, and written in one bulkPut.
 */
export async function applyPulledOps(db: FriendlyDeskDB, ops: PullReply['ops'], cursor: string | null): Promise<number> {
  // The ops this tablet pushed come back in the next pull (from a 1.0 server, or answered while
  // the push's answer was lost): nothing to store or fold, only the cursor to move (read outside
  // a write transaction, which would wait for and block the app's writes).
  if (ops.length === 0 || (await allKnown(db, ops))) {
    if (cursor) await db.meta.put({ key: 'pullCursor', value: cursor });
    return 0;
  }
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const fresh = await storePage(db, ops);
    const touched = [...new Set(fresh.map((op) => op.entityId))];
    // One equality read per entity, all in flight at once (anyOf walks one cursor: in fake-indexeddb
    // that took the chaos test past its time limit).
    const held = await Promise.all(touched.map((id) => db.ops.where('entityId').equals(id).toArray()));
    if (touched.length) await projectEntities(db, held.flat());
    if (cursor) await db.meta.put({ key: 'pullCursor', value: cursor });
    return fresh.length;
  });
}

/** This tablet's ops the server has not taken (pending, rejected): the only ones a snapshot page lacks. */
async function unsyncedOps(db: FriendlyDeskDB): Promise<StoredOp[]> {
  return [...(await unsentOps(db, await sentThrough(db)).toArray()), ...(await opsInState(db, 'rejected').toArray())];
}

/**
 * Store one snapshot page, in one transaction. `dossiers`: the rows, folded on the server, with
 * this tablet's unsent ops of them folded on. `ops`: every op of its entities up to the snapshot's
 * cursor; a dossier listed by the first part already shows them (and any change made here since),
 * so only entities without a row yet are folded, from the page itself plus our unsent ops.
 */
export async function applySnapshotPage(db: FriendlyDeskDB, page: SnapshotReply, part: SnapshotProgress['part']): Promise<number> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    let fresh: StoredOp[] = [];
    if (part === 'dossiers') {
      const states = page.dossiers ?? [];
      const ids = new Set(states.map((d) => d.id));
      await putSnapshotDossiers(db, states, states.length ? (await unsyncedOps(db)).filter((op) => ids.has(op.entityId)) : []);
      // Our next op must sort after everything these rows were folded from.
      let clock = ((await db.meta.get('hlc'))?.value as HlcState | undefined) ?? { wall: 0, counter: 0 };
      for (const d of states) if (d.lastHlc) clock = hlcReceive(clock, d.lastHlc, Date.now());
      await db.meta.put({ key: 'hlc', value: clock });
    } else {
      fresh = await storePage(db, page.ops);
      const entities = [...new Set(fresh.map((op) => op.entityId))];
      const listed = new Set((await db.dossiers.bulkGet(entities)).flatMap((row) => (row ? [row.id] : [])));
      const unlisted = new Set(entities.filter((id) => !listed.has(id)));
      const ofPage = page.ops.filter((op) => unlisted.has(op.entityId)).map(({ cursor: _cursor, ...op }): StoredOp => ({ ...op, ...markSynced(op), state: 'synced' }));
      const local = unlisted.size ? (await unsyncedOps(db)).filter((op) => unlisted.has(op.entityId)) : [];
      await projectEntities(db, [...ofPage, ...local]);
    }
    if (page.cursor && (page.next || part === 'dossiers')) {
      const progress: SnapshotProgress = page.next ? { part, at: page.cursor, next: page.next } : { part: 'ops', at: page.cursor, next: null };
      await db.meta.put({ key: 'snapshot', value: progress });
    } else {
      // Done: from now on the tablet pulls after the snapshot's cursor, as any tablet does.
      await db.meta.delete('snapshot');
      if (page.cursor) await db.meta.put({ key: 'pullCursor', value: page.cursor });
    }
    return fresh.length;
  });
}

/**
 * A tablet that never pulled starts from the commune's snapshot (1.1): first every dossier folded
 * on the server (the list and search work as soon as they are in), then their ops, page after
 * page; a server without the route (404) leaves it to the pull from the start. Each next page is
 * asked for while the one before is being stored.
 */
async function bootstrap(db: FriendlyDeskDB, api: ApiOptions): Promise<{ received: number; serverTime?: string }> {
  const ask = (progress: SnapshotProgress | undefined) => {
    const query = new URLSearchParams({
      mine: '0',
      part: progress?.part ?? 'dossiers',
      ...(progress ? { at: progress.at, ...(progress.next ? { after: progress.next } : {}) } : {}),
    });
    const answer = callApi<SnapshotReply>(api, 'GET', `/api/v1/sync/snapshot?${query}`).then((res) => res.data);
    answer.catch(() => {}); // awaited in turn below; a failure must not go unhandled meanwhile
    return answer;
  };
  let received = 0;
  let progress = (await db.meta.get('snapshot'))?.value as SnapshotProgress | undefined;
  let coming = ask(progress);
  for (;;) {
    let page: SnapshotReply;
    try {
      page = await coming;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { received };
      throw err;
    }
    const part = progress?.part ?? 'dossiers';
    if (!page.cursor) return { received, serverTime: page.serverTime }; // the commune has no op yet
    progress = page.next ? { part, at: page.cursor, next: page.next } : part === 'dossiers' ? { part: 'ops', at: page.cursor, next: null } : undefined;
    if (progress) coming = ask(progress);
    received += await applySnapshotPage(db, page, part);
    if (!progress) return { received, serverTime: page.serverTime };
  }
}

/** Pull everything the commune has that this tablet has not seen, page after page. */
export async function pullAll(db: FriendlyDeskDB, api: ApiOptions): Promise<{ received: number; serverTime?: string }> {
  let received = 0;
  let serverTime: string | undefined;
  if (!(await db.meta.get('pullCursor'))) ({ received, serverTime } = await bootstrap(db, api));
  for (;;) {
    const after = (await db.meta.get('pullCursor'))?.value as string | undefined;
    // mine=0: our own ops stay out of the page (we hold them); a 1.0 server sends them anyway.
    const query = new URLSearchParams({ limit: String(MAX_PULL), mine: '0', ...(after ? { after } : {}) });
    const { data } = await callApi<PullReply>(api, 'GET', `/api/v1/sync/pull?${query}`);
    received += await applyPulledOps(db, data.ops, data.cursor);
    serverTime = data.serverTime;
    // A page of only our own ops is empty but moves the cursor; one that does not move it ends the round.
    if (!data.hasMore || !data.cursor || data.cursor === after) return { received, serverTime };
  }
}
