import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { freshDatabase, startTestServer, type Backend, type TestServer } from '../../support/test-server';
import seed from '../../../src/domain/demo/demo-commune.json';
import { LOGIN_LIMIT_PER_CLIENT, LOGIN_LIMIT_PER_USER } from '../../../src/server/users';

// Central accounts, roles and the audit log (DESIGN.md "Central users (1.1)"), on both databases.

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

const HOUR = 3_600_000;
const json = async (res: Response) => ({ status: res.status, body: res.status === 204 ? null : await res.json() });

describe.each<Backend>(['pglite', 'postgres'])('central accounts on %s', (backend) => {
  let s: TestServer;
  // The server's clock: tests move it to expire sessions and let the login window pass.
  let clock = Date.now();
  const logLines: string[] = [];
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const loginAs = (username: string, password: string) =>
    fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

  // Three communes: A and B in province P, C in province Q. One user per role.
  const communes: Record<'A' | 'B' | 'C', { id: string; code: string }> = {} as never;
  const tokens: Record<string, string> = {};
  const PASSWORD = 'mật-khẩu-đủ-dài-42';

  beforeAll(async () => {
    const now = () => new Date(clock);
    const log = (line: string) => logLines.push(line);
    if (backend === 'pglite') s = await startTestServer({ db: 'pglite', now, log });
    else {
      cluster ??= await startPostgres();
      s = await startTestServer({ db: 'postgres', pgUrl: await freshDatabase(cluster.url), now, log });
    }
    for (const [key, province] of [['A', 'Tỉnh P'], ['B', 'Tỉnh P'], ['C', 'Tỉnh Q']] as const) {
      const code = `${key}-${backend}`;
      const res = await s.admin('POST', '/api/v1/admin/communes', { code, name: `Xã ${key}`, province });
      communes[key] = await res.json();
    }
    const users = [
      { username: 'root.user', role: 'admin' },
      { username: 'tinh.p', role: 'province', province: 'Tỉnh P' },
      { username: 'xa.a', role: 'commune', communeId: communes.A.id },
    ];
    for (const u of users) {
      const created = await json(await s.admin('POST', '/api/v1/admin/users', { ...u, password: PASSWORD }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.any(String), username: u.username, role: u.role });
      const login = await json(await loginAs(u.username, PASSWORD));
      expect(login.status).toBe(200);
      tokens[u.role] = login.body.token;
    }
    tokens['admin-token'] = s.adminToken;
  }, 120_000);
  afterAll(() => s?.close());

  it('creates users with a scope that fits their role, and only an admin may', async () => {
    const bad = [
      { username: 'short', password: 'kurz', role: 'admin' },
      { username: 'no scope', password: PASSWORD, role: 'admin' },
      { username: 'tinh.x', password: PASSWORD, role: 'province' },
      { username: 'xa.x', password: PASSWORD, role: 'commune', communeId: 'nope' },
      { username: 'xa.y', password: PASSWORD, role: 'commune', communeId: communes.A.id, province: 'Tỉnh P' },
      { username: 'boss', password: PASSWORD, role: 'emperor' },
    ];
    for (const body of bad) expect(await json(await s.admin('POST', '/api/v1/admin/users', body))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
    expect(await json(await s.admin('POST', '/api/v1/admin/users', { username: 'XA.A', password: PASSWORD, role: 'admin' }))).toMatchObject({
      status: 409,
      body: { error: { code: 'username-taken' } },
    });
  });

  it('signs in with the username in any case and says who and what scope', async () => {
    const { status, body } = await json(await loginAs('  Tinh.P ', PASSWORD));
    expect(status).toBe(200);
    expect(body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/), expiresAt: new Date(clock + 12 * HOUR).toISOString(), username: 'tinh.p', role: 'province', province: 'Tỉnh P' });
    expect(await json(await call(body.token, 'GET', '/api/v1/auth/me'))).toEqual({ status: 200, body: { username: 'tinh.p', role: 'province', province: 'Tỉnh P', expiresAt: body.expiresAt } });
    expect(await json(await call(s.adminToken, 'GET', '/api/v1/auth/me'))).toEqual({ status: 200, body: { username: 'admin-token', role: 'admin' } });
    expect(await json(await loginAs('tinh.p', 'wrong password'))).toMatchObject({ status: 401, body: { error: { code: 'bad-credentials' } } });
    expect(await json(await loginAs('nobody.here', PASSWORD))).toMatchObject({ status: 401, body: { error: { code: 'bad-credentials' } } });
    expect(await json(await loginAs('x', ''))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
    // Sessions are kept as hashes only.
    const { rows } = await s.sql.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(body.token);
  });

  // route × role → status. `in(key)` is true when commune `key` is in the role's scope.
  type Role = 'admin-token' | 'admin' | 'province' | 'commune';
  const ROLES: Role[] = ['admin-token', 'admin', 'province', 'commune'];
  const SCOPE: Record<Role, string[]> = { 'admin-token': ['A', 'B', 'C'], admin: ['A', 'B', 'C'], province: ['A', 'B'], commune: ['A'] };
  const isAdmin = (role: Role) => role === 'admin-token' || role === 'admin';
  let n = 0;
  const ROUTES: { name: string; ok: number; allowed: (role: Role) => boolean; send: (token: string) => Promise<Response> }[] = [
    { name: 'POST /admin/communes', ok: 201, allowed: isAdmin, send: (t) => call(t, 'POST', '/api/v1/admin/communes', { code: `N${++n}-${backend}`, name: 'Xã Mới', province: 'Tỉnh P' }) },
    { name: 'POST /admin/users', ok: 201, allowed: isAdmin, send: (t) => call(t, 'POST', '/api/v1/admin/users', { username: `user.${++n}`, password: PASSWORD, role: 'province', province: 'Tỉnh P' }) },
    { name: 'GET /admin/audit', ok: 200, allowed: () => true, send: (t) => call(t, 'GET', '/api/v1/admin/audit') },
    { name: 'GET /admin/communes', ok: 200, allowed: () => true, send: (t) => call(t, 'GET', '/api/v1/admin/communes') },
    // Province reports: a province user sees its own province, a commune user none.
    { name: 'GET /admin/reports?province (P)', ok: 200, allowed: (r) => r !== 'commune', send: (t) => call(t, 'GET', `/api/v1/admin/reports?province=${encodeURIComponent('Tỉnh P')}`) },
    { name: 'GET /admin/reports?province (Q)', ok: 200, allowed: isAdmin, send: (t) => call(t, 'GET', `/api/v1/admin/reports?province=${encodeURIComponent('Tỉnh Q')}`) },
    { name: 'GET /admin/reports/monthly?province (P)', ok: 200, allowed: (r) => r !== 'commune', send: (t) => call(t, 'GET', `/api/v1/admin/reports/monthly?province=${encodeURIComponent('Tỉnh P')}&from=2026-01&to=2026-03`) },
    ...(['A', 'B', 'C'] as const).flatMap((key) => [
      { name: `POST /admin/enrollments (${key})`, ok: 201, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'POST', '/api/v1/admin/enrollments', { communeId: communes[key].id, kind: 'counter' }) },
      { name: `GET /admin/devices (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'GET', `/api/v1/admin/devices?communeId=${communes[key].id}`) },
      { name: `GET /admin/reports (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'GET', `/api/v1/admin/reports?communeId=${communes[key].id}&from=2026-01-01&to=2026-01-31`) },
      { name: `GET /admin/reports/monthly (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'GET', `/api/v1/admin/reports/monthly?communeId=${communes[key].id}&from=2026-01&to=2026-02`) },
      { name: `GET /admin/reports/comments (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'GET', `/api/v1/admin/reports/comments?communeId=${communes[key].id}&from=2026-01-01&to=2026-01-31`) },
      { name: `PUT /admin/communes/:id/config/staff (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'PUT', `/api/v1/admin/communes/${communes[key].id}/config/staff`, [{ id: 's1', name: 'Lê Thị Một', pin: '97531' }]) },
      { name: `GET /admin/audit?communeId (${key})`, ok: 200, allowed: (r: Role) => SCOPE[r].includes(key), send: (t: string) => call(t, 'GET', `/api/v1/admin/audit?communeId=${communes[key].id}`) },
      {
        name: `POST /admin/devices/:id/revoke (${key})`,
        ok: 200,
        allowed: (r: Role) => SCOPE[r].includes(key),
        send: async (t: string) => call(t, 'POST', `/api/v1/admin/devices/${(await s.newDevice(communes[key].id)).deviceId}/revoke`),
      },
    ]),
  ];
  const CASES = ROUTES.flatMap((route) => ROLES.map((role) => ({ route: route.name, role, expected: route.allowed(role) ? route.ok : 403, send: route.send })));

  it.each(CASES)('$route as $role → $expected', async ({ role, expected, send }) => {
    const res = await json(await send(tokens[role]));
    expect(res.status).toBe(expected);
    if (expected === 403) expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('lists only the communes in scope, and refuses unknown communes to scoped users as out of scope', async () => {
    const codes = async (role: Role) => ((await (await call(tokens[role], 'GET', '/api/v1/admin/communes')).json()) as { code: string }[]).map((c) => c.code);
    expect(await codes('commune')).toEqual([communes.A.code]);
    const province = await codes('province');
    expect(province).toEqual(expect.arrayContaining([communes.A.code, communes.B.code]));
    expect(province).not.toContain(communes.C.code);
    expect(await codes('admin')).toEqual(expect.arrayContaining([communes.A.code, communes.B.code, communes.C.code, seed.commune.code]));
    expect((await call(tokens.province, 'GET', '/api/v1/admin/devices?communeId=nope')).status).toBe(403);
    expect((await call(tokens.admin, 'GET', '/api/v1/admin/devices?communeId=nope')).status).toBe(404);
    expect((await call(tokens.province, 'POST', `/api/v1/admin/devices/${crypto.randomUUID()}/revoke`)).status).toBe(403);
    expect((await call(tokens.admin, 'POST', `/api/v1/admin/devices/${crypto.randomUUID()}/revoke`)).status).toBe(404);
  });

  it('keeps every change in the audit log with who, filterable, each user seeing its scope only', async () => {
    const device = await s.newDevice(communes.B.id);
    expect((await call(tokens.province, 'POST', `/api/v1/admin/devices/${device.deviceId}/revoke`)).status).toBe(200);
    const entries = (await json(await call(tokens.admin, 'GET', `/api/v1/admin/audit?actor=tinh.p&communeId=${communes.B.id}`))).body;
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: new Date(clock).toISOString(),
      actor: 'tinh.p',
      route: 'POST /api/v1/admin/devices/:id/revoke',
      communeId: communes.B.id,
      target: device.deviceId,
      summary: `revoked tablet no. ${device.deviceNo}`,
      details: { deviceNo: device.deviceNo },
    });
    const all = (await json(await call(tokens['admin-token'], 'GET', '/api/v1/admin/audit'))).body as { actor: string; route: string; summary: string; communeId?: string }[];
    const routes = (actor: string) => new Set(all.filter((e) => e.actor === actor).map((e) => e.route));
    // The setup's changes by the ADMIN_TOKEN, and the table's by each role.
    expect(routes('admin-token')).toEqual(
      new Set([
        'POST /api/v1/admin/communes',
        'POST /api/v1/admin/users',
        'POST /api/v1/admin/enrollments',
        'POST /api/v1/admin/devices/:id/revoke',
        'PUT /api/v1/admin/communes/:id/config/:part',
      ]),
    );
    expect(routes('xa.a')).toEqual(new Set(['POST /api/v1/admin/enrollments', 'POST /api/v1/admin/devices/:id/revoke', 'PUT /api/v1/admin/communes/:id/config/:part']));
    expect(all.find((e) => e.actor === 'xa.a' && e.route.startsWith('PUT'))).toMatchObject({
      communeId: communes.A.id,
      target: 'staff',
      summary: expect.stringMatching(/^saved config staff, version \d+$/),
      details: { part: 'staff', version: expect.any(Number) },
    });
    expect(all.find((e) => e.actor === 'xa.a' && e.route === 'POST /api/v1/admin/enrollments')).toMatchObject({ details: { kind: 'counter' } });
    expect(all.find((e) => e.route === 'POST /api/v1/admin/users')?.summary).toMatch(/^created (admin|province|commune) user /);
    // Never a PIN, a password or an enrollment code.
    const text = JSON.stringify(all);
    expect(text).not.toContain('97531');
    expect(text).not.toContain(PASSWORD);
    // An enrollment code stands alone (ABCD-EFGH-JK); inside a UUID, digit runs can look like one.
    expect(text).not.toMatch(/(?<![0-9A-Za-z])[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}(?![0-9A-Za-z])/);

    // A commune user sees its commune's entries only; a province user its province's.
    const own = (await json(await call(tokens.commune, 'GET', '/api/v1/admin/audit'))).body as { communeId?: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((e) => e.communeId))).toEqual(new Set([communes.A.id]));
    const province = (await json(await call(tokens.province, 'GET', '/api/v1/admin/audit'))).body as { communeId?: string }[];
    expect(province.some((e) => e.communeId === communes.B.id)).toBe(true);
    expect(province.some((e) => e.communeId === communes.C.id || e.communeId === undefined)).toBe(false);
    // Dates are Vietnam days.
    const today = new Date(clock + 7 * HOUR).toISOString().slice(0, 10);
    const tomorrow = new Date(clock + 31 * HOUR).toISOString().slice(0, 10);
    expect((await json(await call(tokens.admin, 'GET', `/api/v1/admin/audit?from=${today}&to=${today}`))).body.length).toBe(all.length);
    expect((await json(await call(tokens.admin, 'GET', `/api/v1/admin/audit?from=${tomorrow}`))).body).toEqual([]);
    expect((await call(tokens.admin, 'GET', '/api/v1/admin/audit?from=2026-1-1')).status).toBe(400);
  });

  it('never returns, stores or logs a password', async () => {
    const password = 'một-mật-khẩu-rất-riêng-9';
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    try {
      const created = await s.admin('POST', '/api/v1/admin/users', { username: 'rieng.tu', password, role: 'admin' });
      const createdText = await created.text();
      const login = await (await loginAs('rieng.tu', password)).text();
      await loginAs('rieng.tu', `${password}x`);
      for (const text of [createdText, login, JSON.stringify(logLines), JSON.stringify(spies.map((s) => s.mock.calls))]) expect(text).not.toContain(password);
      expect(createdText).not.toMatch(/password|hash/i);
      const { rows } = await s.sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['rieng.tu']);
      expect(rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
      expect(rows[0].password_hash).not.toContain(password);
      expect(logLines.some((l) => l.startsWith('POST /api/v1/auth/login 401'))).toBe(true);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('ends a session on logout', async () => {
    const { token } = await (await loginAs('xa.a', PASSWORD)).json();
    expect((await call(token, 'GET', '/api/v1/admin/communes')).status).toBe(200);
    expect((await call(token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(await json(await call(token, 'GET', '/api/v1/admin/communes'))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect((await call(token, 'POST', '/api/v1/auth/logout')).status).toBe(401);
  });

  it('expires sessions after 12 hours, or SESSION_HOURS', async () => {
    const { token } = await (await loginAs('xa.a', PASSWORD)).json();
    process.env.SESSION_HOURS = '1';
    const short = await (await loginAs('xa.a', PASSWORD)).json();
    delete process.env.SESSION_HOURS;
    expect(short.expiresAt).toBe(new Date(clock + HOUR).toISOString());
    clock += HOUR + 1000;
    expect((await call(short.token, 'GET', '/api/v1/admin/communes')).status).toBe(401);
    expect((await call(token, 'GET', '/api/v1/admin/communes')).status).toBe(200);
    clock += 11 * HOUR;
    expect((await call(token, 'GET', '/api/v1/admin/communes')).status).toBe(401);
    // The ADMIN_TOKEN never expires.
    expect((await call(s.adminToken, 'GET', '/api/v1/admin/communes')).status).toBe(200);
    for (const role of ['admin', 'province', 'commune']) tokens[role] = (await (await loginAs(role === 'admin' ? 'root.user' : role === 'province' ? 'tinh.p' : 'xa.a', PASSWORD)).json()).token;
  });

  it('limits failed logins per username, then per client address, for 15 minutes', async () => {
    clock += HOUR; // earlier tests' failures are out of the window
    for (let i = 0; i < LOGIN_LIMIT_PER_USER; i++) expect((await loginAs('tinh.p', 'not the password')).status).toBe(401);
    // Past the limit even the right password waits: guessing gains nothing.
    expect(await json(await loginAs('tinh.p', PASSWORD))).toMatchObject({ status: 429, body: { error: { code: 'too-many-attempts' } } });
    expect((await loginAs('xa.a', PASSWORD)).status).toBe(200); // another username is not locked
    clock += 15 * 60_000 + 1000;
    expect((await loginAs('tinh.p', PASSWORD)).status).toBe(200);

    // One address trying many usernames.
    for (let i = 0; i < LOGIN_LIMIT_PER_CLIENT; i++) expect((await loginAs(`guess.${i}`, 'not the password')).status).toBe(401);
    expect((await loginAs('root.user', PASSWORD)).status).toBe(429);
    clock += 15 * 60_000 + 1000;
    expect((await loginAs('root.user', PASSWORD)).status).toBe(200);
  });
});
