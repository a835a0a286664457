import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FriendlyDeskDB, getSetup, readSetupWithoutDexie, setUpDevice } from '../../../src/db';
import { demoConfig, testDevice } from '../../support/fixtures';

const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe('reading the setup before Dexie loads', () => {
  it('says "first run" on a fresh tablet without creating a database Dexie would then trip over', async () => {
    const name = `setup-${crypto.randomUUID()}`;
    expect(await readSetupWithoutDexie(name)).toEqual({ revoked: false });
    expect(await databases()).not.toContain(name);

    const db = new FriendlyDeskDB(name);
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, demoConfig);
    expect(await getSetup(db)).toEqual({ device, config: demoConfig, revoked: false });
    db.close();
  });

  it('gives what Dexie gives once the tablet is set up, and a revocation', async () => {
    const name = `setup-${crypto.randomUUID()}`;
    const db = new FriendlyDeskDB(name);
    const device = testDevice(7);
    await setUpDevice(db, device, demoConfig);
    expect(await readSetupWithoutDexie(name)).toEqual(await getSetup(db));
    expect(await readSetupWithoutDexie(name)).toEqual({ device, config: demoConfig, revoked: false });

    await db.meta.put({ key: 'revoked', value: true });
    expect(await readSetupWithoutDexie(name)).toMatchObject({ device, revoked: true });
    db.close();
  });

  it('leaves the answer to Dexie when the database is not one this app wrote', async () => {
    const name = `setup-${crypto.randomUUID()}`;
    await new Promise<void>((done) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('something-else');
      open.onsuccess = () => {
        open.result.close();
        done();
      };
    });
    expect(await readSetupWithoutDexie(name)).toBeUndefined();
  });
});
