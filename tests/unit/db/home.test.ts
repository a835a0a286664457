import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, recordOp, runPrivacyUpkeep, searchHomeClients } from '../../../src/db';
import { applyPulledOps } from '../../../src/sync';
import { newId, vnDateKey } from '../../../src/domain';
import { makeOp } from '../../support/ops';
import { demoConfig, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const DAY = 86_400_000;
const staffId = demoConfig.staff[0].id;
const start = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await setUpDemoTablet(db);
});

async function client(name: string, at = start) {
  const id = newId();
  await recordOp(db, 'home.client-registered', id, { name, address: 'Xóm 2', village: 'Thôn Đông', phone: '0912345678', idNumber: '001085123456', contact: 'Con gái: 0987654321', reason: 'elderly', consent: true }, at);
  return id;
}

async function visit(clientId: string, date: string, outcome?: string) {
  const id = newId();
  await recordOp(db, 'home.visit-planned', id, { clientId, date, purpose: 'receive', staffId }, start);
  if (outcome) await recordOp(db, 'home.visit-completed', id, { visitId: id, outcome, staffId }, start);
  return id;
}

const markAllSynced = () => db.ops.toCollection().modify({ state: 'synced' });

describe('home tables on the tablet', () => {
  it('projects a pulled edit from another tablet into the registry, last writer per field', async () => {
    const id = await client('Nguyễn Thị Hòa');
    const later = makeOp('home.client-updated', { changes: { phone: '0399999999' } }, { entityId: id, wall: start.getTime() + DAY });
    const earlier = makeOp('home.client-updated', { changes: { phone: '0388888888', village: 'Thôn Tây' } }, { entityId: id, wall: start.getTime() + 1000 });
    await applyPulledOps(db, [{ ...later, deviceId: 'other', cursor: '1' }, { ...earlier, deviceId: 'other', cursor: '2' }] as never, '2');
    expect(await db.homeClients.get(id)).toMatchObject({ phone: '0399999999', village: 'Thôn Tây' });
    expect((await searchHomeClients(db, 'hoa tay')).map((c) => c.id)).toEqual([id]);
  });

  it('takes phone, ID number and contact of people nobody visits any more off the tablet once synced; keeps the list', async () => {
    const gone = await client('Nguyễn Thị Hòa');
    await visit(gone, vnDateKey(new Date(start.getTime() + DAY)), 'done');
    const comingUp = await client('Lê Văn An');
    const now = new Date(start.getTime() + 120 * DAY);
    await visit(comingUp, vnDateKey(new Date(now.getTime() + DAY)));
    const unsent = await client('Trần Bình');

    await db.ops.where('entityId').anyOf([gone, comingUp]).modify({ state: 'synced' });
    await db.ops.where('type').startsWith('home.visit').modify({ state: 'synced' });
    await runPrivacyUpkeep(db, now);

    const stripped = (await db.homeClients.get(gone))!;
    expect(stripped).toMatchObject({ name: 'Nguyễn Thị Hòa', address: 'Xóm 2', village: 'Thôn Đông', reason: 'elderly' });
    expect(stripped.phone).toBeUndefined();
    expect(stripped.idNumber).toBeUndefined();
    expect(stripped.contact).toBeUndefined();
    expect(JSON.stringify(await db.ops.where('entityId').equals(gone).toArray())).not.toMatch(/0912345678|001085123456|0987654321/);
    expect((await searchHomeClients(db, 'nguyen thi hoa')).map((c) => c.id)).toEqual([gone]);
    // A visit to come, or ops not yet sent, keep the record whole.
    expect((await db.homeClients.get(comingUp))?.phone).toBe('0912345678');
    expect((await db.homeClients.get(unsent))?.phone).toBe('0912345678');
    await markAllSynced();
    await runPrivacyUpkeep(db, now);
    expect((await db.homeClients.get(unsent))?.phone).toBeUndefined();
  });
});
