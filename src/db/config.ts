import type { CommuneConfig } from '../domain';
import type { DeviceInfo, FriendlyDeskDB } from './database';

export async function getCommuneConfig(db: FriendlyDeskDB): Promise<CommuneConfig | undefined> {
  return (await db.config.get('commune'))?.value as CommuneConfig | undefined;
}

export async function saveCommuneConfig(db: FriendlyDeskDB, config: CommuneConfig, etag?: string): Promise<void> {
  await db.config.bulkPut([
    { key: 'commune', value: config },
    { key: 'etag', value: etag ?? null },
  ]);
}

/** Set the tablet up: who it is and everything it needs to work offline, in one transaction. */
export async function setUpDevice(db: FriendlyDeskDB, device: DeviceInfo, config: CommuneConfig, etag?: string): Promise<void> {
  await db.transaction('rw', db.meta, db.config, async () => {
    await db.meta.put({ key: 'device', value: device });
    await saveCommuneConfig(db, config, etag);
  });
}
