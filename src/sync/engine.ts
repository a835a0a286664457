import { getDevice, getCommuneConfig, runPrivacyUpkeep, saveCommuneConfig, wipeSentData, type FriendlyDeskDB } from '../db';
import { ApiError, callApi, NetworkError, type ApiOptions } from './api';
import { pullAll } from './inbox';
import { pushOutbox } from './outbox';
import { syncStatus } from './status';
import type { CommuneConfig } from '../domain';

const LOCK_NAME = 'friendly-desk-sync';

export interface SyncResult {
  ok: boolean;
  pushed: number;
  pulled: number;
  /** Set when another tab holds the sync lock and does the work. */
  skipped?: boolean;
}

/** Refresh the offline copy of the commune's config when the server has a newer one (ETag). */
export async function refreshConfig(db: FriendlyDeskDB, api: ApiOptions): Promise<boolean> {
  const etag = (await db.config.get('etag'))?.value as string | null | undefined;
  const res = await callApi<CommuneConfig>(api, 'GET', '/api/v1/config', undefined, etag ? { 'If-None-Match': etag } : {});
  if (res.status === 304) return false;
  const current = await getCommuneConfig(db);
  await saveCommuneConfig(db, { ...current, ...res.data } as CommuneConfig, res.headers.get('ETag') ?? undefined);
  return true;
}

/**
 * One full round: push the outbox, pull what others did, refresh config. Only one tab at a time
 * (Web Locks); the others skip, since the work is shared through IndexedDB.
 */
export async function syncOnce(db: FriendlyDeskDB, baseUrl = '', fetchImpl?: typeof fetch): Promise<SyncResult> {
  const run = async (): Promise<SyncResult> => {
    const device = await getDevice(db);
    if (!device?.token || device.mode !== 'enrolled') return { ok: false, pushed: 0, pulled: 0 };
    const api: ApiOptions = { baseUrl, token: device.token, fetch: fetchImpl };
    syncStatus.setState({ phase: 'syncing', progress: 0 });
    try {
      const pushed = await pushOutbox(db, api, (sent) => syncStatus.setState({ progress: sent }));
      const pulled = device.kind === 'kiosk' ? { received: 0, serverTime: pushed.serverTime } : await pullAll(db, api);
      await refreshConfig(db, api);
      const serverTime = pulled.serverTime ?? pushed.serverTime;
      const lastSuccessAt = new Date().toISOString();
      await db.meta.put({ key: 'lastSyncAt', value: lastSuccessAt });
      syncStatus.setState({
        phase: 'idle',
        lastSuccessAt,
        lastError: undefined,
        progress: undefined,
        ...(serverTime ? { clockSkewMs: Date.parse(serverTime) - Date.now() } : {}),
      });
      if (serverTime) await db.meta.put({ key: 'clockSkewMs', value: Date.parse(serverTime) - Date.now() });
      // What was just pulled or sent may now fall under the retention rules.
      await runPrivacyUpkeep(db);
      return { ok: true, pushed: pushed.sent, pulled: pulled.received };
    } catch (err) {
      await handleFailure(db, err);
      return { ok: false, pushed: 0, pulled: 0 };
    }
  };
  if (typeof navigator !== 'undefined' && navigator.locks) {
    const result = await navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
      lock ? run() : Promise.resolve<SyncResult>({ ok: true, pushed: 0, pulled: 0, skipped: true }),
    );
    return result;
  }
  return run();
}

async function handleFailure(db: FriendlyDeskDB, err: unknown) {
  if (err instanceof ApiError) {
    if (err.code === 'device-revoked') {
      // Marked first: a wipe cut short by a reload resumes at the next start (runPrivacyUpkeep).
      await db.meta.put({ key: 'revoked', value: new Date().toISOString() });
      await wipeSentData(db);
    }
    if (err.status === 426) await db.meta.put({ key: 'protocolMismatch', value: err.code });
    syncStatus.setState({ phase: 'error', lastError: { code: err.code, message: err.message }, progress: undefined });
  } else if (err instanceof NetworkError) {
    syncStatus.setState({ phase: 'offline', progress: undefined });
  } else {
    syncStatus.setState({ phase: 'error', lastError: { code: 'local-error', message: (err as Error).message }, progress: undefined });
  }
}
