import { MAX_BATCH_OPS, PROTOCOL, type Op, type PushReply, type PushRequest } from '../domain';
import { getDevice, markSynced, sentThrough, unsentOps, type FriendlyDeskDB, type StoredOp } from '../db';
import { callApi, type ApiOptions } from './api';

/** The server takes 1 MiB a request (MAX_BATCH_BYTES); we stay under it with room to spare. */
export const SEND_BATCH_BYTES = 900 * 1024;

export function toWireOp(op: StoredOp): Op {
  const { opId, deviceSeq, type, entityId, at, hlc, data } = op;
  return { opId, deviceSeq, type, entityId, at, hlc, data };
}

const utf8 = new TextEncoder();

/** How many batches one read of the outbox prepares: the next read runs while these are sent. */
const READ_AHEAD = 4;

/**
 * This tablet's next unsent ops, oldest first, cut into batches within both caps (up to
 * `batches` batches' worth of ops in one read). `afterSeq` starts the index range past the
 * batches already sent in this drain, whose answers may not be written yet.
 */
export async function nextBatches(db: FriendlyDeskDB, afterSeq?: number, batches = READ_AHEAD): Promise<StoredOp[][]> {
  const pending = await unsentOps(db, await sentThrough(db), afterSeq)
    .limit(MAX_BATCH_OPS * batches)
    .toArray();
  const out: StoredOp[][] = [];
  let batch: StoredOp[] = [];
  let bytes = 64;
  for (const op of pending) {
    const size = utf8.encode(JSON.stringify(toWireOp(op))).length + 1;
    if (batch.length > 0 && (batch.length === MAX_BATCH_OPS || bytes + size > SEND_BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 64;
    }
    batch.push(op);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** The next batch alone (see nextBatches). */
export async function nextBatch(db: FriendlyDeskDB, afterSeq?: number): Promise<StoredOp[]> {
  return (await nextBatches(db, afterSeq, 1))[0] ?? [];
}

export interface PushOutcome {
  sent: number;
  rejected: number;
  serverTime?: string;
}

/**
 * What a batch's answers change on this tablet. Rejected ops, and sent ops whose data changes
 * (markSynced), are written back; the other sent ops stay as they are, covered by the checkpoint
 * (sent.ts) once it may pass the batch: every op of it answered, and every batch before it too. An
 * op the server did not answer stays unsent (next round), so from there on each answered op is
 * written back as synced and the checkpoint stays where it is.
 */
function answered(batch: StoredOp[], reply: PushReply, outcome: PushOutcome, checkpointHeld: boolean): { writes: StoredOp[]; complete: boolean } {
  const byId = new Map(reply.results.map((r) => [r.opId, r]));
  const complete = !checkpointHeld && batch.every((op) => byId.has(op.opId));
  const writes = batch.flatMap((op): StoredOp[] => {
    const result = byId.get(op.opId);
    if (!result) return [];
    if (result.status === 'rejected') {
      outcome.rejected++;
      return [{ ...op, state: 'rejected', error: result.error ?? { code: 'rejected', message: '' } }];
    }
    const synced = markSynced(op);
    return complete && !synced.data ? [] : [{ ...op, ...synced }];
  });
  return { writes, complete };
}

/**
 * Writes the answers back behind the sending: each write takes every answer that came in since the
 * previous write began, in one transaction (so each batch's results land together, and a slow
 * IndexedDB writes several batches at once instead of holding up the next request). A pending op
 * never changes while it waits (edits are new ops; only sent or rejected ops are ever rewritten),
 * so the ops read for sending are written back as they are, without reading them again.
 */
function writeBehind(db: FriendlyDeskDB, outcome: PushOutcome, onProgress?: (sent: number) => void) {
  let waiting: { batch: StoredOp[]; reply: PushReply }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  let checkpointHeld = false;
  const write = async () => {
    const answers = waiting;
    waiting = [];
    const writes: StoredOp[] = [];
    let through: number | undefined;
    for (const { batch, reply } of answers) {
      const result = answered(batch, reply, outcome, checkpointHeld);
      writes.push(...result.writes);
      if (result.complete) through = batch[batch.length - 1].deviceSeq;
      else checkpointHeld = true;
    }
    await db.transaction('rw', db.ops, db.meta, async () => {
      await db.ops.bulkPut(writes);
      if (through !== undefined && through > (await sentThrough(db))) await db.meta.put({ key: 'sentThrough', value: through });
    });
    for (const { batch, reply } of answers) {
      outcome.sent += batch.length;
      outcome.serverTime = reply.serverTime;
    }
    onProgress?.(outcome.sent);
  };
  return {
    add(batch: StoredOp[], reply: PushReply) {
      if (failure) throw failure.error;
      waiting.push({ batch, reply });
      if (waiting.length > 1) return; // a write is already queued and will take this answer too
      chain = chain.then(write);
      chain.catch((error) => (failure ??= { error })); // thrown at the next add or at the end
    },
    /** Answers not yet written: the sender waits when too many pile up (memory, and what a crash re-sends). */
    behind: () => waiting.length,
    settled: () => chain,
  };
}

/**
 * Drain the outbox in order, batch after batch: the next batch goes out as soon as the previous one
 * is answered, so the server sees them in deviceSeq order. IndexedDB's part runs beside the
 * requests: the next batches are read while these are on the wire, and answers are written back
 * behind them (writeBehind). A crash before an answer is written at worst re-sends ops the server
 * answers as duplicates.
 */
export async function pushOutbox(db: FriendlyDeskDB, api: ApiOptions, onProgress?: (sent: number) => void): Promise<PushOutcome> {
  const device = await getDevice(db);
  if (!device || device.mode !== 'enrolled') return { sent: 0, rejected: 0 };
  const outcome: PushOutcome = { sent: 0, rejected: 0 };
  const writes = writeBehind(db, outcome, onProgress);
  try {
    let batches = await nextBatches(db);
    drain: while (batches.length > 0) {
      const last = batches[batches.length - 1];
      const following = nextBatches(db, last[last.length - 1].deviceSeq);
      following.catch(() => {}); // awaited after these batches; a failure must not go unhandled meanwhile
      for (const batch of batches) {
        if (writes.behind() >= READ_AHEAD) await writes.settled();
        const request: PushRequest = { protocol: PROTOCOL, deviceId: device.deviceId, ops: batch.map(toWireOp) };
        const { data } = await callApi<PushReply>(api, 'POST', '/api/v1/sync/push', request);
        writes.add(batch, data);
        if (data.results.length === 0) break drain; // a server that answers nothing must not loop us forever
      }
      batches = await following;
    }
  } catch (err) {
    // The answers already in are written before the caller deals with the failure (a revoked
    // tablet's wipe must come after them).
    await writes.settled().catch(() => {});
    throw err;
  }
  await writes.settled();
  return outcome;
}
