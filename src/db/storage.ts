import type { FriendlyDeskDB } from './database';

/** Ask the browser not to evict our data under storage pressure; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  // Not in every TypeScript DOM lib version, nor in every browser.
  const storage = navigator.storage as StorageManager & { persist?: () => Promise<boolean> };
  if (!storage?.persist) return false;
  if (await storage.persisted?.()) return true;
  return storage.persist();
}

export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

/** Everything not yet accepted by the server, as a file staff can carry to the central office. */
export async function exportUnsyncedOps(db: FriendlyDeskDB): Promise<Blob> {
  const device = (await db.meta.get('device'))?.value;
  const ops = await db.ops.filter((op) => op.state !== 'synced').toArray();
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), device, ops }, null, 2);
  return new Blob([body], { type: 'application/json' });
}
