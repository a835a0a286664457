import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, recordOp, searchHomeClients } from '../../../src/db';
import { enrollDevice, syncOnce } from '../../../src/sync';
import { startTestServer, type TestServer } from '../../support/test-server';
import { newId } from '../../../src/domain';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ db: 'pglite' });
}, 120_000);
afterAll(() => s?.close());

async function tablet(communeId: string, kind: 'counter' | 'mobile' | 'kiosk' = 'mobile') {
  const db = new FriendlyDeskDB(`tablet-${crypto.randomUUID()}`);
  await enrollDevice(db, await s.enrollmentCode(communeId, kind), s.url);
  return db;
}

describe('home service between two tablets and the real server', () => {
  it('merges offline edits of one person from a mobile and a counter tablet the same way everywhere, and never reaches the kiosk', async () => {
    const commune = await s.createCommune();
    const mobile = await tablet(commune.id);
    const counter = await tablet(commune.id, 'counter');
    const kiosk = await tablet(commune.id, 'kiosk');
    const id = newId();
    const t0 = Date.now() - 3_600_000;
    await recordOp(counter, 'home.client-registered', id, { name: 'Bà Nguyễn Thị Tư', address: 'Xóm 2', village: 'Thôn Đông', phone: '0912345678', reason: 'elderly', consent: true }, new Date(t0));
    await syncOnce(counter, s.url);
    await syncOnce(mobile, s.url);
    expect((await searchHomeClients(mobile, 'nguyen thi tu')).map((c) => c.id)).toEqual([id]);

    // Both offline: the counter corrects the phone, the mobile tablet (a minute later) the address and reason.
    await recordOp(counter, 'home.client-updated', id, { changes: { phone: '0987654321' } }, new Date(t0 + 60_000));
    await recordOp(mobile, 'home.client-updated', id, { changes: { address: 'Xóm 3', reason: 'sick' } }, new Date(t0 + 120_000));
    await recordOp(counter, 'home.client-updated', id, { changes: { reason: 'disabled' } }, new Date(t0 + 90_000));
    for (const db of [mobile, counter, mobile]) await syncOnce(db, s.url);

    const expected = { name: 'Bà Nguyễn Thị Tư', phone: '0987654321', address: 'Xóm 3', reason: 'sick', village: 'Thôn Đông' };
    expect(await mobile.homeClients.get(id)).toMatchObject(expected);
    expect(await counter.homeClients.get(id)).toMatchObject(expected);
    const { rows } = await s.sql.query<{ reason: string }>('SELECT reason FROM home_clients WHERE id = $1', [id]);
    expect(rows).toEqual([{ reason: 'sick' }]);

    await syncOnce(kiosk, s.url);
    expect(await kiosk.homeClients.count()).toBe(0);
    expect(await kiosk.ops.where('type').startsWith('home.').count()).toBe(0);
  });
});
