import { DEFAULT_RETENTION_DAYS, retentionCutoff, stripPersonalData, withoutComment, type CommuneConfig } from '../domain';
import type { DeviceInfo, FriendlyDeskDB, StoredOp } from './database';
import { refreshDossier } from './dossiers';
import { isSent, isUnsent, opsInState, sentPendingOps, sentThrough } from './sent';
import { discardAllDrafts } from './drafts';
import { WRITE_TABLES } from './projections';
import { sweepHomeRetention } from './home';
import { sweepLetterRetention } from './letters';

/** Each chunk is its own short transaction, so the sweep never holds the tablet up for long. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The op with its personal data left out, or undefined when there is none to leave out. */
function stripped(op: StoredOp): StoredOp | undefined {
  const data = stripPersonalData(op.type, op.data as Record<string, unknown>);
  return data ? { ...op, data } : undefined;
}

/**
 * Closed dossiers whose last change is older than the retention period lose the applicant's ID
 * number, phone and address: from their synced ops and, by folding those again, from the
 * projection (search words included). Name, code, dates and status stay, so lists, search by name
 * or code and figures are unchanged. Ops not yet sent keep everything (the server needs it); their
 * dossier is stripped by a later sweep, once they are synced.
 */
export async function sweepRetention(db: FriendlyDeskDB, retentionDays: number, now = new Date()): Promise<number> {
  const ids = await db.dossiers.where('personalClosedAt').below(retentionCutoff(retentionDays, now)).primaryKeys();
  const through = await sentThrough(db);
  let done = 0;
  for (const chunk of chunks(ids)) {
    done += await db.transaction('rw', WRITE_TABLES(db), async () => {
      const ops = await db.ops.where('entityId').anyOf(chunk).toArray();
      const unsent = new Set(ops.filter((op) => isUnsent(op, through)).map((op) => op.entityId));
      const changed = ops.filter((op) => !unsent.has(op.entityId) && isSent(op, through)).flatMap((op) => stripped(op) ?? []);
      await db.ops.bulkPut(changed);
      const ready = chunk.filter((id) => !unsent.has(id));
      for (const id of ready) await refreshDossier(db, id);
      return ready.length;
    });
  }
  return done;
}

/**
 * The changes that make an op synced (pushed and answered, or pulled): a survey's free-text comment
 * leaves the tablet the moment the server has it, on the kiosk and on every tablet that pulls it.
 * `data` only when it changes (the outbox writes back only those ops, see sent.ts).
 */
export function markSynced(op: Pick<StoredOp, 'type' | 'data'>): Partial<StoredOp> {
  const data = withoutComment(op.type, op.data as Record<string, unknown>);
  return data ? { state: 'synced', data } : { state: 'synced' };
}

/**
 * A revoked tablet keeps only what the server does not have: ops still pending and rejected ops
 * nobody has dealt with yet (both go in the export). Everything it sent, everything it pulled and
 * every projection goes; the config stays, so staff PINs (or the kiosk code) can still open the export.
 */
export async function wipeSentData(db: FriendlyDeskDB): Promise<void> {
  // Sent: stored as synced, or left as sent below the outbox's checkpoint (sent.ts).
  const through = await sentThrough(db);
  const sent = [() => opsInState(db, 'synced'), () => sentPendingOps(db, through)];
  for (const range of sent) {
    for (;;) {
      const keys = await range().limit(CHUNK * 2).primaryKeys();
      if (keys.length === 0) break;
      await db.ops.bulkDelete(keys);
    }
  }
  const resolved = await opsInState(db, 'rejected').filter((op) => Boolean(op.resolution)).primaryKeys();
  await db.ops.bulkDelete(resolved);
  await db.transaction('rw', WRITE_TABLES(db), async () => {
    for (const table of WRITE_TABLES(db)) if (table !== db.ops && table !== db.meta) await table.clear();
    await db.meta.bulkDelete(['pullCursor', 'snapshot', 'lastSyncAt']);
    // Half-typed intakes never reached the server, but they are personal data no one can finish now.
    await discardAllDrafts(db);
    const device = (await db.meta.get('device'))?.value as DeviceInfo | undefined;
    // The token is worthless now; it is not kept either.
    if (device?.token) {
      const { token: _token, ...rest } = device;
      await db.meta.put({ key: 'device', value: rest });
    }
  });
}

/**
 * What keeps personal data off the tablet, run at start and after every sync (never inside a
 * fetch or another transaction): a revoked tablet wipes what it sent; others apply the retention
 * period (and forget staff PIN hashes a 1.0 server sent a kiosk).
 */
export async function runPrivacyUpkeep(db: FriendlyDeskDB, now = new Date()): Promise<void> {
  if ((await db.meta.get('revoked'))?.value) return wipeSentData(db);
  const config = (await db.config.get('commune'))?.value as CommuneConfig | undefined;
  if (config?.staffPins) {
    // Staff PIN hashes a 1.0 server sent a kiosk: nothing unlocks with them any more, so they go.
    const { staffPins: _hashes, ...rest } = config;
    await db.config.put({ key: 'commune', value: rest });
  }
  const retentionDays = config?.settings?.retentionDays ?? DEFAULT_RETENTION_DAYS;
  await sweepRetention(db, retentionDays, now);
  await sweepHomeRetention(db, retentionDays, now);
  await sweepLetterRetention(db, retentionDays, now);
}
