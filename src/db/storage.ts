import type { FriendlyDeskDB } from './database';
import { isSent, sentThrough } from './sent';

type PersistableStorage = StorageManager & { persist?: () => Promise<boolean> };
/** One question per page (the start asks, the status bar reads the answer); Firefox would ask the user twice. */
const asked = new WeakMap<PersistableStorage, Promise<boolean | undefined>>();

/**
 * Ask the browser not to evict our data under storage pressure, once per page; resolves whether it
 * agreed, or undefined where the browser cannot say (no Storage API here).
 */
export function requestPersistence(): Promise<boolean | undefined> {
  // Not in every TypeScript DOM lib version, nor in every browser.
  const storage = navigator.storage as PersistableStorage | undefined;
  if (!storage?.persist) return Promise.resolve(undefined);
  let answer = asked.get(storage);
  if (!answer) {
    answer = (async () => (await storage.persisted?.()) || storage.persist!())().catch(() => undefined);
    asked.set(storage, answer);
  }
  return answer;
}

export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

/** Everything not yet accepted by the server, as a file staff can carry to the central office. */
export async function exportUnsyncedOps(db: FriendlyDeskDB): Promise<Blob> {
  const device = (await db.meta.get('device'))?.value;
  const through = await sentThrough(db);
  const ops = await db.ops.filter((op) => !isSent(op, through)).toArray();
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), device, ops }, null, 2);
  return new Blob([body], { type: 'application/json' });
}
