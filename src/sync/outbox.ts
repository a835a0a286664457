import Dexie from 'dexie';
import { MAX_BATCH_OPS, PROTOCOL, type Op, type PushReply, type PushRequest } from '../domain';
import { getDevice, markSynced, type FriendlyDeskDB, type StoredOp } from '../db';
import { callApi, type ApiOptions } from './api';

/** The server takes 1 MiB a request (MAX_BATCH_BYTES); we stay under it with room to spare. */
export const SEND_BATCH_BYTES = 900 * 1024;

export function toWireOp(op: StoredOp): Op {
  const { opId, deviceSeq, type, entityId, at, hlc, data } = op;
  return { opId, deviceSeq, type, entityId, at, hlc, data };
}

const utf8 = new TextEncoder();

/**
 * The next batch of this tablet's unsent ops, oldest first, within both caps. `afterSeq` starts
 * the index range past the batches already answered in this drain: Chromium leaves an updated
 * record's old index entries behind for a while, and reading from the start waded through them
 * (25 ms for the first batch, 130 ms for the twentieth).
 */
export async function nextBatch(db: FriendlyDeskDB, afterSeq?: number): Promise<StoredOp[]> {
  const pending = await db.ops
    .where('[state+deviceSeq]')
    .between(['pending', afterSeq ?? Dexie.minKey], ['pending', Dexie.maxKey], afterSeq === undefined, true)
    .limit(MAX_BATCH_OPS)
    .toArray();
  const batch: StoredOp[] = [];
  let bytes = 64;
  for (const op of pending) {
    bytes += utf8.encode(JSON.stringify(toWireOp(op))).length + 1;
    if (bytes > SEND_BATCH_BYTES && batch.length > 0) break;
    batch.push(op);
  }
  return batch;
}

export interface PushOutcome {
  sent: number;
  rejected: number;
  serverTime?: string;
}

/**
 * Drain the outbox in order, batch after batch. Each batch's results are written back in one
 * transaction, so a crash between batches at worst re-sends ops the server answers as duplicates.
 * The next batch goes out as soon as the previous one is answered (the server still sees them in
 * order); IndexedDB's part — writing back the last answer, reading the next batch — runs while a
 * batch is on the wire, not between requests.
 */
export async function pushOutbox(db: FriendlyDeskDB, api: ApiOptions, onProgress?: (sent: number) => void): Promise<PushOutcome> {
  const device = await getDevice(db);
  if (!device || device.mode !== 'enrolled') return { sent: 0, rejected: 0 };
  const outcome: PushOutcome = { sent: 0, rejected: 0 };
  const writeBack = async (batch: StoredOp[], data: PushReply) => {
    const byId = new Map(data.results.map((r) => [r.opId, r]));
    const changes = batch.flatMap((op): { key: string; changes: Partial<StoredOp> }[] => {
      const result = byId.get(op.opId);
      if (!result) return []; // not answered: stays pending and goes in the next sync round
      if (result.status !== 'rejected') return [{ key: op.opId, changes: markSynced(op) }];
      outcome.rejected++;
      return [{ key: op.opId, changes: { state: 'rejected', error: result.error ?? { code: 'rejected', message: '' } } }];
    });
    await db.ops.bulkUpdate(changes);
    outcome.sent += batch.length;
    outcome.serverTime = data.serverTime;
    onProgress?.(outcome.sent);
  };
  let batch = await nextBatch(db);
  let written: Promise<void> = Promise.resolve();
  while (batch.length > 0) {
    const request: PushRequest = { protocol: PROTOCOL, deviceId: device.deviceId, ops: batch.map(toWireOp) };
    const answer = callApi<PushReply>(api, 'POST', '/api/v1/sync/push', request);
    answer.catch(() => {}); // awaited below, after the local work; a failure must not go unhandled meanwhile
    const [, following] = await Promise.all([written, nextBatch(db, batch[batch.length - 1].deviceSeq)]);
    const { data } = await answer;
    written = writeBack(batch, data);
    written.catch(() => {}); // likewise: its failure is thrown where it is awaited
    if (data.results.length === 0) break; // a server that answers nothing must not loop us forever
    batch = following;
  }
  await written;
  return outcome;
}
