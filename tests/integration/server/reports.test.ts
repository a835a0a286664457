import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommuneReport, ProvinceReport, TrendPoint } from '../../../src/domain';
import { startPostgres } from '../../support/postgres';
import { freshDatabase, startTestServer, type Backend, type TestServer } from '../../support/test-server';
import { makeOp, push, receivedOp, surveyOp, T0, transitionOp } from '../../support/ops';
import { countMissingMonths, keepMonthsCounted } from '../../../src/server/reports';

// The reports of issue 18 on both databases: the standard table by SQL, a province side by side
// with its total, the drill-down, the monthly trend, citizens' comments and marking them handled.

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

const DAY = 86_400_000;
const PASSWORD = 'mật-khẩu-đủ-dài-42';

describe.each<Backend>(['pglite', 'postgres'])('reports on %s', (backend) => {
  let s: TestServer;
  const province = `Tỉnh R-${backend}`;
  const communes: { id: string; code: string }[] = [];
  let other: { id: string };
  const tokens: Record<string, string> = {};

  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get = async <T>(path: string, token = s.adminToken): Promise<T> => {
    const res = await call(token, 'GET', path);
    expect(res.status, path).toBe(200);
    return res.json() as Promise<T>;
  };

  // Commune 0: three dossiers of March (one early, one late by another officer, one open and
  // overdue), one carried over from February and settled in March, two answers (one with a
  // comment), a second answer for the same dossier. Commune 1: one dossier on time, one answer.
  const ops0 = () => {
    const early = receivedOp(1);
    const late = receivedOp(2, { data: { procedureId: 'khai-tu', staffId: 'staff-minh', dueAt: new Date(T0 + 3_600_000).toISOString() } });
    const open = receivedOp(3, { data: { dueAt: new Date(T0 + 2 * DAY).toISOString() } });
    // From another tablet, in its own order (its February op first: not back-dated).
    const feb = makeOp(
      'dossier.received',
      { ...(receivedOp(4).data as Record<string, unknown>), code: 'FEB-1', receivedAt: new Date(T0 - 14 * DAY).toISOString(), dueAt: new Date(T0 + DAY).toISOString() },
      { deviceSeq: 1, wall: T0 - 14 * DAY },
    );
    return {
      dossier: [
        early,
        late,
        open,
        transitionOp(5, early.entityId, 'start-processing'),
        transitionOp(6, early.entityId, 'mark-result-ready'),
        transitionOp(7, late.entityId, 'start-processing'),
        transitionOp(8, late.entityId, 'mark-result-ready'),
      ],
      february: [feb, transitionOp(2, feb.entityId, 'start-processing'), transitionOp(3, feb.entityId, 'mark-result-ready')],
      code: (early.data as { code: string }).code,
    };
  };

  beforeAll(async () => {
    if (backend === 'pglite') s = await startTestServer({ db: 'pglite' });
    else {
      cluster ??= await startPostgres();
      s = await startTestServer({ db: 'postgres', pgUrl: await freshDatabase(cluster.url) });
    }
    for (const i of [0, 1]) communes.push(await (await s.admin('POST', '/api/v1/admin/communes', { code: `R${i}-${backend}`, name: `Xã R${i}`, province })).json());
    other = await (await s.admin('POST', '/api/v1/admin/communes', { code: `S-${backend}`, name: 'Xã S', province: 'Tỉnh khác' })).json();

    const { dossier, february, code } = ops0();
    const counter0 = await s.newDevice(communes[0].id);
    const other0 = await s.newDevice(communes[0].id);
    expect((await (await push(s.url, other0.token, other0.deviceId, february)).json()).results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    const kiosk0 = await s.newDevice(communes[0].id, 'kiosk');
    expect((await (await push(s.url, counter0.token, counter0.deviceId, dossier)).json()).results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    await push(s.url, kiosk0.token, kiosk0.deviceId, [
      surveyOp(1, 'not-satisfied', { dossierCode: code, comment: 'Phải chờ lâu', criteria: { officer: 'satisfied' } }),
      surveyOp(2, 'very-satisfied', { dossierCode: code }), // the same dossier again: not counted
      surveyOp(3, 'satisfied', { comment: 'Cán bộ nhiệt tình' }),
    ]);
    const counter1 = await s.newDevice(communes[1].id);
    const kiosk1 = await s.newDevice(communes[1].id, 'kiosk');
    const d = receivedOp(1, { data: { dueAt: new Date(T0 + 5 * 3_600_000).toISOString() } });
    await push(s.url, counter1.token, counter1.deviceId, [d, transitionOp(2, d.entityId, 'start-processing'), transitionOp(3, d.entityId, 'mark-result-ready')]);
    await push(s.url, kiosk1.token, kiosk1.deviceId, [surveyOp(1, 'very-satisfied')]);

    for (const u of [
      { username: `tinh.r.${backend}`, role: 'province', province },
      { username: `xa.r1.${backend}`, role: 'commune', communeId: communes[1].id },
    ]) {
      expect((await s.admin('POST', '/api/v1/admin/users', { ...u, password: PASSWORD })).status).toBe(201);
      const login = await (await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u.username, password: PASSWORD }) })).json();
      tokens[u.role] = login.token;
    }
  }, 180_000);
  afterAll(() => s?.close());

  const march = 'from=2026-03-01&to=2026-03-31';

  it("gives a commune's standard table, with carried-over dossiers, rates, procedures and officers", async () => {
    const r = await get<CommuneReport>(`/api/v1/admin/reports?communeId=${communes[0].id}&${march}`);
    expect(r).toMatchObject({ communeId: communes[0].id, carriedOver: 1, received: 3, toHandle: 4, settled: 3, late: 1, openWithinTime: 0, openOverdue: 1, withdrawn: 0 });
    expect(r.early + r.onTime).toBe(2);
    expect(r.progressRate).toBeCloseTo(2 / 4);
    expect(r.onTimeRate).toBeCloseTo(2 / 3);
    expect(r.receivedByChannel).toEqual({ counter: 3, home: 0, online: 0 });
    expect(r.procedures.map((p) => [p.procedureId, p.toHandle, p.late])).toEqual([
      ['khai-sinh', 3, 0],
      ['khai-tu', 1, 1],
    ]);
    expect(r.officers.map((o) => [o.staffId, o.toHandle, o.satisfaction.responses])).toEqual([
      ['staff-lan', 3, 1], // the answer about the early dossier, received by Lan
      ['staff-minh', 1, 0],
    ]);
    // One answer per dossier code: the first; the other answer has no code and counts.
    expect(r.satisfaction).toMatchObject({ responses: 2, byRating: { 'not-satisfied': 1, satisfied: 1 }, satisfiedRate: 0.5, comments: 2 });
    expect(r.satisfaction.byCriterion.officer).toMatchObject({ responses: 1, satisfiedRate: 1 });
    expect(r.satisfaction.byHour).toEqual([{ weekday: 2, hour: 11, responses: 2, satisfied: 1 }]); // Tuesday 10/03, 11:00 in Vietnam
    // February alone: the carried-over dossier was received then and is open at its end.
    const feb = await get<CommuneReport>(`/api/v1/admin/reports?communeId=${communes[0].id}&from=2026-02-01&to=2026-02-28`);
    expect(feb).toMatchObject({ carriedOver: 0, received: 1, openWithinTime: 1, settled: 0 });
  });

  it('narrows to one procedure or one officer (the drill-down)', async () => {
    const minh = await get<CommuneReport>(`/api/v1/admin/reports?communeId=${communes[0].id}&${march}&staffId=staff-minh`);
    expect(minh).toMatchObject({ staffId: 'staff-minh', toHandle: 1, late: 1, onTimeRate: 0 });
    expect(minh.officers.map((o) => o.staffId)).toEqual(['staff-minh']);
    const birth = await get<CommuneReport>(`/api/v1/admin/reports?communeId=${communes[0].id}&${march}&procedureId=khai-sinh`);
    expect(birth).toMatchObject({ procedureId: 'khai-sinh', toHandle: 3, late: 0, openOverdue: 1 });
    // The satisfaction block stays the commune's.
    expect(birth.satisfaction.responses).toBe(2);
  });

  it("puts a province's communes side by side, and its total with rates from the sums", async () => {
    const p = await get<ProvinceReport>(`/api/v1/admin/reports?province=${encodeURIComponent(province)}&${march}`, tokens.province);
    expect(p.communes.map((c) => c.code)).toEqual([`R0-${backend}`, `R1-${backend}`]);
    const [a, b] = p.communes;
    expect(b).toMatchObject({ toHandle: 1, settled: 1, late: 0 });
    expect(p.total).toMatchObject({ communeId: null, toHandle: a.toHandle + b.toHandle, settled: a.settled + b.settled, late: 1 });
    // Rates worked out again from the sums, not averaged.
    expect(p.total.onTimeRate).toBeCloseTo((a.early + a.onTime + b.early + b.onTime) / (a.settled + b.settled));
    expect(p.total.satisfaction).toMatchObject({ responses: 3, satisfiedRate: 2 / 3 });
    expect(p.total.procedures.find((x) => x.procedureId === 'khai-sinh')?.toHandle).toBe(4);
    // A commune user gets no province; a province user not another province.
    expect((await call(tokens.commune, 'GET', `/api/v1/admin/reports?province=${encodeURIComponent(province)}`)).status).toBe(403);
    expect((await call(tokens.province, 'GET', `/api/v1/admin/reports?province=${encodeURIComponent('Tỉnh khác')}`)).status).toBe(403);
    expect((await call(tokens.province, 'GET', `/api/v1/admin/reports?communeId=${other.id}`)).status).toBe(403);
  });

  it('gives the monthly trend, each month equal to its own report', async () => {
    const { months } = await get<{ months: TrendPoint[] }>(`/api/v1/admin/reports/monthly?communeId=${communes[0].id}&from=2026-01&to=2026-04`);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const m3 = await get<CommuneReport>(`/api/v1/admin/reports?communeId=${communes[0].id}&${march}`);
    expect(months[2]).toEqual({
      month: '2026-03',
      toHandle: m3.toHandle,
      received: m3.received,
      settled: m3.settled,
      early: m3.early,
      onTime: m3.onTime,
      late: m3.late,
      openWithinTime: m3.openWithinTime,
      openOverdue: m3.openOverdue,
      progressRate: m3.progressRate,
      onTimeRate: m3.onTimeRate,
      responses: m3.satisfaction.responses,
      satisfiedRate: m3.satisfaction.satisfiedRate,
    });
    expect(months[0]).toMatchObject({ toHandle: 0, progressRate: null, responses: 0 });
    expect(months[3]).toMatchObject({ toHandle: 1, received: 0, openOverdue: 1 }); // the open dossier goes on
    const province3 = await get<{ months: TrendPoint[] }>(`/api/v1/admin/reports/monthly?province=${encodeURIComponent(province)}&from=2026-03&to=2026-03`);
    expect(province3.months[0]).toMatchObject({ toHandle: 5, responses: 3 });
  });

  it('lists comments newest first, and a leader marks one handled (audited, in scope only)', async () => {
    const { comments } = await get<{ comments: { opId: string; comment: string; at: string; handled: unknown; dossierCode?: string }[] }>(
      `/api/v1/admin/reports/comments?communeId=${communes[0].id}&${march}`,
    );
    expect(comments.map((c) => c.comment)).toEqual(['Cán bộ nhiệt tình', 'Phải chờ lâu']);
    expect(comments[1]).toMatchObject({ rating: 'not-satisfied', dossierCode: expect.any(String), handled: null });
    const target = comments[1].opId;
    // Out of scope: a commune user of another commune; an unknown comment is 403 for them too.
    expect((await call(tokens.commune, 'POST', `/api/v1/admin/comments/${target}/handled`, {})).status).toBe(403);
    expect((await call(tokens.commune, 'POST', `/api/v1/admin/comments/${crypto.randomUUID()}/handled`, {})).status).toBe(403);
    expect((await call(s.adminToken, 'POST', `/api/v1/admin/comments/${crypto.randomUUID()}/handled`, {})).status).toBe(404);
    expect((await call(tokens.province, 'POST', `/api/v1/admin/comments/${target}/handled`, { note: 42 })).status).toBe(400);
    const res = await call(tokens.province, 'POST', `/api/v1/admin/comments/${target}/handled`, { note: 'Đã xin lỗi công dân' });
    expect(res.status).toBe(200);
    const after = await get<{ comments: { opId: string; handled: { by: string; at: string; note?: string } | null }[] }>(
      `/api/v1/admin/reports/comments?communeId=${communes[0].id}&${march}`,
    );
    expect(after.comments.find((c) => c.opId === target)?.handled).toEqual({ by: `tinh.r.${backend}`, at: expect.any(String), note: 'Đã xin lỗi công dân' });
    const audit = await get<{ route: string; target: string; summary: string }[]>(`/api/v1/admin/audit?communeId=${communes[0].id}`);
    const entry = audit.find((e) => e.route === 'POST /api/v1/admin/comments/:opId/handled');
    expect(entry).toMatchObject({ target, summary: 'marked a citizen comment handled' });
    expect(JSON.stringify(entry)).not.toContain('Phải chờ lâu'); // no citizen's words in the log
  });

  it('keeps a finished month, and a push that changes it empties it from its month on', async () => {
    const kept = async () =>
      (await s.sql.query<{ month: string }>("SELECT to_char(month, 'YYYY-MM') AS month FROM report_months WHERE commune_id = $1 ORDER BY month", [communes[1].id])).rows.map((r) => r.month);
    const period = `/api/v1/admin/reports?communeId=${communes[1].id}&from=2026-02-01&to=2026-03-31`;
    expect(await get<CommuneReport>(period)).toMatchObject({ toHandle: 1, settled: 1, satisfaction: { responses: 1 } });
    expect(await kept()).toEqual(['2026-02', '2026-03']);
    // A tablet that was offline sends a dossier of 10 March: March on is counted again, February stays.
    const tablet = await s.newDevice(communes[1].id);
    const late = receivedOp(1, { data: { code: 'OFFLINE-1' } });
    expect((await (await push(s.url, tablet.token, tablet.deviceId, [late])).json()).results[0].status).toBe('applied');
    expect(await kept()).toEqual(['2026-02']);
    expect(await get<CommuneReport>(period)).toMatchObject({ toHandle: 2, received: 2, settled: 1 });
    expect(await kept()).toEqual(['2026-02', '2026-03']);
    // So does an answer given in March.
    const kiosk = await s.newDevice(communes[1].id, 'kiosk');
    await push(s.url, kiosk.token, kiosk.deviceId, [surveyOp(1, 'not-satisfied', { dossierCode: 'OFFLINE-1' })]);
    expect(await kept()).toEqual(['2026-02']);
    const after = await get<CommuneReport>(period);
    expect(after.satisfaction).toMatchObject({ responses: 2, satisfiedRate: 0.5 });
    expect(after.officers.find((o) => o.staffId === 'staff-lan')?.satisfaction.responses).toBe(1);
    // In the background the server counts the emptied months again, and every commune's year, before anyone asks.
    await push(s.url, kiosk.token, kiosk.deviceId, [surveyOp(2, 'satisfied')]);
    expect(await kept()).toEqual(['2026-02']);
    const background = keepMonthsCounted(s.sql, () => new Date(), 20);
    await expect.poll(kept, { timeout: 30_000, interval: 100 }).toContain('2026-03');
    await background.idle();
    expect(await countMissingMonths(s.sql, new Date())).toBe(0);
    expect(await get<CommuneReport>(period)).toMatchObject({ satisfaction: { responses: 3 } });
  });

  it('answers bad report parameters with a clear 400', async () => {
    const bad = [
      `/api/v1/admin/reports?communeId=${communes[0].id}&province=${encodeURIComponent(province)}`,
      `/api/v1/admin/reports?communeId=${communes[0].id}&from=2026-03-31&to=2026-03-01`,
      `/api/v1/admin/reports?communeId=${communes[0].id}&staffId=${'x'.repeat(101)}`,
      `/api/v1/admin/reports?communeId=${communes[0].id}&procedureId=`,
      `/api/v1/admin/reports/monthly?communeId=${communes[0].id}&from=2026-13&to=2026-14`,
      `/api/v1/admin/reports/monthly?communeId=${communes[0].id}&from=2023-01&to=2026-01`, // 37 months
      `/api/v1/admin/reports/monthly?communeId=${communes[0].id}&from=2026-03&to=2026-01`,
      `/api/v1/admin/reports/monthly?communeId=${communes[0].id}`,
      `/api/v1/admin/reports/comments?communeId=${communes[0].id}&from=2026-02-30`,
    ];
    for (const path of bad) {
      const res = await call(s.adminToken, 'GET', path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid-query', message: expect.any(String) });
    }
    expect((await call(s.adminToken, 'GET', `/api/v1/admin/reports/monthly?communeId=${communes[0].id}&from=2023-02&to=2026-01`)).status).toBe(200); // 36 months
  });
});
