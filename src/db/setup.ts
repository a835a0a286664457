import type { CommuneConfig } from '../domain';
import type { DeviceInfo, FriendlyDeskDB } from './database';
import { DB_NAME } from './name';

/** What decides the tablet's first screen: who it is, its commune's config, whether it was revoked. */
export interface Setup {
  device?: DeviceInfo;
  config?: CommuneConfig;
  revoked: boolean;
}

export async function getSetup(db: FriendlyDeskDB): Promise<Setup> {
  const [device, revoked] = await db.meta.bulkGet(['device', 'revoked']);
  const config = await db.config.get('commune');
  return { device: device?.value as DeviceInfo | undefined, config: config?.value as CommuneConfig | undefined, revoked: Boolean(revoked?.value) };
}

/**
 * The same answer as getSetup, read with the browser's own IndexedDB API before Dexie has loaded,
 * so a kiosk draws its first screen without waiting for the storage library. Read only. Resolves
 * undefined when only Dexie can tell (no IndexedDB here, a read error); the app then waits for it.
 */
export function readSetupWithoutDexie(name = DB_NAME): Promise<Setup | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(undefined);
    }
    request.onupgradeneeded = () => {
      // No database yet: a first run. Abort, so that this read does not leave an empty one behind.
      request.transaction?.abort();
      resolve({ revoked: false });
    };
    request.onerror = () => resolve(undefined); // after the abort above this changes nothing
    request.onsuccess = () => {
      const idb = request.result;
      try {
        const tx = idb.transaction(['meta', 'config'], 'readonly');
        const device = tx.objectStore('meta').get('device');
        const revoked = tx.objectStore('meta').get('revoked');
        const config = tx.objectStore('config').get('commune');
        tx.oncomplete = () => {
          idb.close();
          resolve({ device: device.result?.value, config: config.result?.value, revoked: Boolean(revoked.result?.value) });
        };
        tx.onabort = () => {
          idb.close();
          resolve(undefined);
        };
      } catch {
        // Stores missing: not a database this app wrote. Dexie will set it up.
        idb.close();
        resolve(undefined);
      }
    };
  });
}
