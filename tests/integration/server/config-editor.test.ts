import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { freshDatabase, startTestServer, type Backend, type TestServer } from '../../support/test-server';
import { verifyPin } from '../../../src/domain';

// What the dashboard's config editor relies on (issue 17 part 3), on both databases: a commune
// user's save bumps the config version, so the commune's tablets get a new ETag; staff read back
// without hashes and sent back keep their PINs; a PIN reset and a role change take effect.

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

describe.each<Backend>(['pglite', 'postgres'])('config editor saves on %s', (backend) => {
  let s: TestServer;
  let communeId: string;
  let userToken: string;
  let tablet: { token: string };
  const as = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const tabletConfig = (etag?: string) => fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${tablet.token}`, ...(etag ? { 'If-None-Match': etag } : {}) } });

  beforeAll(async () => {
    if (backend === 'pglite') s = await startTestServer({ db: 'pglite' });
    else {
      cluster ??= await startPostgres();
      s = await startTestServer({ db: 'postgres', pgUrl: await freshDatabase(cluster.url) });
    }
    communeId = (await s.createCommune()).id;
    const password = 'mật-khẩu-của-xã-2027';
    expect((await s.admin('POST', '/api/v1/admin/users', { username: `xa.${backend}`, password, role: 'commune', communeId })).status).toBe(201);
    const login = await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: `xa.${backend}`, password }) });
    userToken = (await login.json()).token;
    tablet = await s.newDevice(communeId);
  }, 120_000);
  afterAll(() => s?.close());

  it("bumps the version on a commune user's save; the tablet's GET /config answers 200 with a new ETag", async () => {
    const first = await tabletConfig();
    const etag = first.headers.get('ETag')!;
    const before = await first.json();
    expect((await tabletConfig(etag)).status).toBe(304);

    const calendar = await (await as(userToken, 'GET', `/api/v1/admin/communes/${communeId}/config/calendar`)).json();
    const holiday = { date: '2027-03-03', name: 'Ngày nghỉ của xã' };
    const saved = await as(userToken, 'PUT', `/api/v1/admin/communes/${communeId}/config/calendar`, { ...calendar, holidays: [...calendar.holidays, holiday] });
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(before.version + 1);

    const after = await tabletConfig(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    const config = await after.json();
    expect(config.version).toBe(before.version + 1);
    expect(config.calendar.holidays).toContainEqual(holiday);
  });

  it('adds staff with a role, keeps the PINs of members sent back without hashes, resets a PIN', async () => {
    const path = `/api/v1/admin/communes/${communeId}/config/staff`;
    expect((await as(userToken, 'PUT', path, [{ id: 'a', name: 'Lê Thị An', pin: '111111' }, { id: 'b', name: 'Phạm Văn Bình', pin: '222222', role: 'leader' }])).status).toBe(200);
    const readBack = await (await as(userToken, 'GET', path)).json();
    expect(readBack).toEqual([
      { id: 'a', name: 'Lê Thị An', title: '', active: true },
      { id: 'b', name: 'Phạm Văn Bình', title: '', active: true, role: 'leader' },
    ]);
    // The dashboard sends the list back: An deactivated, Bình with a new PIN, a newcomer without one is refused.
    const refused = await as(userToken, 'PUT', path, [...readBack, { id: 'c', name: 'Mới', title: '' }]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe('invalid-body');
    expect((await as(userToken, 'PUT', path, [{ ...readBack[0], active: false }, { ...readBack[1], pin: '333333' }])).status).toBe(200);
    const staff = (await (await tabletConfig()).json()).staff as { id: string; pinSalt: string; pinHash: string; active: boolean; role?: string }[];
    const [an, binh] = staff;
    expect(an.active).toBe(false);
    expect(await verifyPin('111111', an.pinSalt, an.pinHash)).toBe(true);
    expect(binh.role).toBe('leader');
    expect(await verifyPin('333333', binh.pinSalt, binh.pinHash)).toBe(true);
    expect(await verifyPin('222222', binh.pinSalt, binh.pinHash)).toBe(false);
  });

  it('refuses a save outside the user\'s commune and a body the shared schema refuses', async () => {
    const other = await s.createCommune();
    expect((await as(userToken, 'PUT', `/api/v1/admin/communes/${other.id}/config/settings`, { retentionDays: 30 })).status).toBe(403);
    const bad = await as(userToken, 'PUT', `/api/v1/admin/communes/${communeId}/config/survey`, {
      ...(await (await as(userToken, 'GET', `/api/v1/admin/communes/${communeId}/config/survey`)).json()),
      questions: [{ id: 'q1', label: { vi: 'a', en: 'a' }, checklistItem: 'no slash' }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^survey\.questions\.0\.checklistItem/);
  });
});
