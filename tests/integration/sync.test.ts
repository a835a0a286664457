import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, discardRejected, isSent, isUnsent, sentThrough, countPending, getCommuneConfig, listDossiers, listNeedsAttention, receiveDossier, recordOp, resendAsNew } from '../../src/db';
import { enrollDevice, nextBatch, syncOnce, syncStatus } from '../../src/sync';
import { startTestServer, type TestServer } from '../support/test-server';
import { formatHlc, newId, parseHlc, type PushReply } from '../../src/domain';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ db: 'pglite' });
});
afterAll(() => s?.close());

async function tablet(communeId: string, kind: 'counter' | 'kiosk' | 'mobile' = 'counter') {
  const db = new FriendlyDeskDB(`tablet-${crypto.randomUUID()}`);
  const device = await enrollDevice(db, await s.enrollmentCode(communeId, kind), s.url);
  return { db, device };
}

async function receive(db: FriendlyDeskDB, name: string) {
  const config = (await getCommuneConfig(db))!;
  return receiveDossier(db, {
    procedureId: config.procedures[0].id,
    applicant: { name },
    channel: 'counter',
    documents: [],
    writtenByStaff: false,
    staffId: config.staff[0]?.id ?? 'staff-lan',
    dueAt: '2026-12-01T10:00:00.000Z',
  });
}

const states = async (db: FriendlyDeskDB) =>
  (await db.dossiers.orderBy('id').toArray()).map(({ id, code, status, applicant, dueAt, flags }) => ({ id, code, status, applicant, dueAt, flags }));

describe('the app’s sync module against the real server', () => {
  it('enrolls with a code and keeps the commune’s config offline', async () => {
    const { db, device } = await tablet(s.demoCommuneId);
    expect(device).toMatchObject({ kind: 'counter', mode: 'enrolled', deviceNo: expect.any(Number) });
    const config = await getCommuneConfig(db);
    expect(config?.procedures.length).toBeGreaterThanOrEqual(15);
    expect((await db.config.get('etag'))?.value).toMatch(/^"/);
  });

  it('pushes what a tablet recorded offline, and the commune’s other tablets pull it — not another commune’s', async () => {
    const commune = await s.createCommune();
    const a = await tablet(commune.id);
    const b = await tablet(commune.id);
    const stranger = await tablet((await s.createCommune()).id);
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) await receive(a.db, name);
    expect((await syncOnce(a.db, s.url)).pushed).toBe(3);
    const through = await sentThrough(a.db);
    expect(await a.db.ops.filter((op) => isUnsent(op, through)).count()).toBe(0);

    const pulled = await syncOnce(b.db, s.url);
    expect(pulled).toMatchObject({ ok: true, pulled: 3 });
    expect(await states(b.db)).toEqual(await states(a.db));
    await syncOnce(stranger.db, s.url);
    expect(await stranger.db.dossiers.count()).toBe(0);

    // A change on B comes back to A, folded the same way.
    const first = (await b.db.dossiers.toArray())[0];
    await recordOp(b.db, 'dossier.transitioned', first.id, { action: 'start-processing', staffId: 'staff-lan' });
    await syncOnce(b.db, s.url);
    await syncOnce(a.db, s.url);
    expect((await a.db.dossiers.get(first.id))?.status).toBe('processing');
    expect(await states(b.db)).toEqual(await states(a.db));
  });

  it('starts a new tablet from the commune’s snapshot, then pulls after it: list, search and detail right', async () => {
    const commune = await s.createCommune();
    const a = await tablet(commune.id);
    const names = ['Nguyễn Thị Hòa', 'Võ Đức Yên', 'Trần Văn Bảy'];
    const made = [];
    for (const name of names) made.push(await receive(a.db, name));
    await recordOp(a.db, 'dossier.transitioned', made[0].id, { action: 'start-processing', staffId: 'staff-lan' });
    await recordOp(a.db, 'dossier.transitioned', made[0].id, { action: 'request-supplement', staffId: 'staff-lan', missingDocuments: ['Tờ khai'] });
    // Its own ops come back in its pull: nothing stored again, the cursor moved past them.
    expect(await syncOnce(a.db, s.url)).toMatchObject({ ok: true, pushed: 5, pulled: 0 });
    const { rows } = await s.sql.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM ops WHERE commune_id = $1', [commune.id]);
    expect((await a.db.meta.get('pullCursor'))?.value).toBe(rows[0].seq);

    // The new tablet has a change of its own before it ever pulled: the snapshot fold keeps it.
    const c = await tablet(commune.id);
    const own = await receive(c.db, 'Lê Thị Tám');
    const urls: string[] = [];
    const spy: typeof fetch = (input, init) => (urls.push(String(input)), fetch(input, init));
    expect(await syncOnce(c.db, s.url, spy)).toMatchObject({ ok: true, pulled: 5 });
    expect(urls.some((u) => u.includes('/api/v1/sync/snapshot'))).toBe(true);
    expect((await c.db.meta.get('snapshot'))?.value).toBeUndefined();
    await syncOnce(a.db, s.url);
    expect(await states(c.db)).toEqual(await states(a.db));
    expect((await c.db.dossiers.get(own.id))?.status).toBe('received');
    // The list, search (diacritics off) and the detail's timeline, from the snapshot.
    expect((await listDossiers(c.db, { filter: 'all' })).map((d) => d.applicant.name).sort()).toEqual([...names, 'Lê Thị Tám'].sort());
    expect((await listDossiers(c.db, { filter: 'all', search: 'vo duc yen' })).map((d) => d.id)).toEqual([made[1].id]);
    const detail = (await c.db.dossiers.get(made[0].id))!;
    expect(detail.status).toBe('supplement-requested');
    expect(detail.history.map((e) => e.action ?? e.type)).toEqual((await a.db.dossiers.get(made[0].id))!.history.map((e) => e.action ?? e.type));
    expect(detail.history).toHaveLength(3);

    // After the snapshot, the usual pull: a later change on A folds over the whole history on C.
    await recordOp(a.db, 'dossier.transitioned', made[0].id, { action: 'receive-supplement', staffId: 'staff-lan' });
    await syncOnce(a.db, s.url);
    urls.length = 0;
    expect(await syncOnce(c.db, s.url, spy)).toMatchObject({ ok: true, pulled: 1 });
    expect(urls.some((u) => u.includes('/snapshot'))).toBe(false);
    expect(await states(c.db)).toEqual(await states(a.db));
    expect((await c.db.dossiers.get(made[0].id))!.history).toHaveLength(4);
    // And C's own later change reaches A over the same history.
    await recordOp(c.db, 'dossier.transitioned', made[0].id, { action: 'start-processing', staffId: 'staff-lan' });
    expect(await syncOnce(c.db, s.url)).toMatchObject({ ok: true, pushed: 1, pulled: 0 });
    const last = await s.sql.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM ops WHERE commune_id = $1', [commune.id]);
    expect((await c.db.meta.get('pullCursor'))?.value).toBe(last.rows[0].seq);
    await syncOnce(a.db, s.url);
    expect((await a.db.dossiers.get(made[0].id))?.status).toBe('processing');
    expect(await states(c.db)).toEqual(await states(a.db));
  });

  it('lists a new tablet’s dossiers before their ops arrive, and a change made meanwhile folds on the snapshot row', async () => {
    const commune = await s.createCommune();
    const a = await tablet(commune.id);
    const made = [await receive(a.db, 'Đặng Thị Thu'), await receive(a.db, 'Bùi Văn Sáu')];
    await recordOp(a.db, 'dossier.transitioned', made[0].id, { action: 'start-processing', staffId: 'staff-lan' });
    await syncOnce(a.db, s.url);

    // The connection drops once the dossiers are in, before the first page of ops.
    const c = await tablet(commune.id);
    let cut = true;
    const flaky: typeof fetch = (input, init) =>
      cut && String(input).includes('part=ops') ? Promise.reject(new TypeError('network down')) : fetch(input, init);
    expect((await syncOnce(c.db, s.url, flaky)).ok).toBe(false);
    expect(await c.db.ops.count()).toBe(0);
    expect((await c.db.meta.get('snapshot'))?.value).toMatchObject({ part: 'ops', next: null });
    expect((await listDossiers(c.db, { filter: 'all', search: 'dang thi thu' })).map((d) => d.id)).toEqual([made[0].id]);
    expect(await states(c.db)).toEqual(await states(a.db));
    expect((await c.db.dossiers.get(made[0].id))!.history).toEqual((await a.db.dossiers.get(made[0].id))!.history);

    // Staff act on a listed dossier whose history is not stored yet: the row goes on from the snapshot.
    await recordOp(c.db, 'dossier.transitioned', made[0].id, { action: 'mark-result-ready', staffId: 'staff-lan' });
    const row = (await c.db.dossiers.get(made[0].id))!;
    expect(row).toMatchObject({ status: 'result-ready', code: made[0].code, applicant: { name: 'Đặng Thị Thu' } });
    expect(row.history.map((e) => e.action ?? e.type)).toEqual(['dossier.received', 'start-processing', 'mark-result-ready']);

    // Back online: the change goes out, the ops come in, and both tablets agree.
    cut = false;
    expect(await syncOnce(c.db, s.url, flaky)).toMatchObject({ ok: true, pushed: 1, pulled: 3 });
    expect((await c.db.meta.get('snapshot'))?.value).toBeUndefined();
    expect(await c.db.ops.count()).toBe(4);
    await syncOnce(a.db, s.url);
    expect(await states(c.db)).toEqual(await states(a.db));
    expect((await a.db.dossiers.get(made[0].id))?.status).toBe('result-ready');
  });

  it('drains a long outbox batch after batch within the caps', async () => {
    const { db, device } = await tablet(s.demoCommuneId);
    for (let i = 0; i < 1100; i++) await receive(db, `Công dân ${i}`);
    const result = await syncOnce(db, s.url);
    expect(result).toMatchObject({ ok: true, pushed: 1100 });
    const { rows } = await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM ops WHERE device_id = $1', [device.deviceId]);
    expect(Number(rows[0].n)).toBe(1100);

    // Each next batch starts past the last one answered; from the start it finds only what is new.
    await receive(db, 'Sau đồng bộ 1');
    await receive(db, 'Sau đồng bộ 2');
    const fresh = await nextBatch(db);
    expect(fresh.map((op) => op.deviceSeq)).toEqual([1101, 1102]);
    expect((await nextBatch(db, 1101)).map((op) => op.deviceSeq)).toEqual([1102]);
  });

  it('keeps every answer it got when the connection drops mid-drain, and sends only the rest next time', async () => {
    const { db, device } = await tablet(s.demoCommuneId);
    for (let i = 0; i < 1100; i++) await receive(db, `Công dân ${i}`);
    // The third push (ops 1001–1100) never reaches the server; the answers to the first two are
    // written back behind the sending, and must all be in before the round reports its failure.
    let pushes = 0;
    const dropsThirdPush: typeof fetch = (input, init) =>
      String(input).includes('/sync/push') && ++pushes === 3 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    expect((await syncOnce(db, s.url, dropsThirdPush)).ok).toBe(false);
    // Sent ops stay as they were sent, below the outbox's checkpoint (db/sent.ts).
    const states = async () => {
      const through = await sentThrough(db);
      return (await db.ops.toArray()).filter((op) => op.deviceId === device.deviceId).map((op) => [op.deviceSeq, isSent(op, through) ? 'synced' : op.state]);
    };
    const expected = (syncedUpTo: number) => Array.from({ length: 1100 }, (_, i) => [i + 1, i < syncedUpTo ? 'synced' : 'pending']);
    expect((await states()).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expected(1000));
    expect(await sentThrough(db)).toBe(1000);

    const sent: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).includes('/sync/push')) sent.push(JSON.parse(String(init?.body)).ops.length);
      return fetch(input, init);
    };
    expect(await syncOnce(db, s.url, counting)).toMatchObject({ ok: true, pushed: 100 });
    expect(sent).toEqual([100]);
    expect((await states()).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expected(1100));
    const { rows } = await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM ops WHERE device_id = $1', [device.deviceId]);
    expect(Number(rows[0].n)).toBe(1100);
  });

  it('writes back only what an answer changes: answered ops stay as sent below the checkpoint; an op left unanswered holds it', async () => {
    const { db, device } = await tablet(s.demoCommuneId);
    for (const name of ['Một', 'Hai', 'Ba']) await receive(db, name);
    const bySeq = async () => (await db.ops.filter((op) => op.deviceId === device.deviceId).toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq);
    const [, second] = await bySeq();
    // The answer comes back without the second op's result (a proxy cut it short, say).
    const losesSecond: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/sync/push')) return res;
      const reply = (await res.json()) as PushReply;
      return Response.json({ ...reply, results: reply.results.filter((r) => r.opId !== second.opId) }, { status: res.status });
    };
    await syncOnce(db, s.url, losesSecond);
    // The checkpoint cannot pass an op without an answer: the answered ones are written as synced.
    expect(await sentThrough(db)).toBe(0);
    expect((await bySeq()).map((op) => op.state)).toEqual(['synced', 'pending', 'synced']);
    expect(await countPending(db)).toBe(1);

    await receive(db, 'Bốn');
    const [, , , fourth] = await bySeq();
    expect(await syncOnce(db, s.url)).toMatchObject({ ok: true, pushed: 2 });
    // Every answer in: the checkpoint passes them, and their records stay exactly as they were sent.
    expect(await sentThrough(db)).toBe(4);
    expect(await countPending(db)).toBe(0);
    const after = await bySeq();
    expect(after.map((op) => op.state)).toEqual(['synced', 'pending', 'synced', 'pending']);
    expect([after[1], after[3]]).toEqual([second, fourth]);
  });

  it('puts refused ops on the needs-attention list; staff resend or discard, nothing deleted', async () => {
    const home = await tablet(s.demoCommuneId);
    const dossier = await receive(home.db, 'Phạm Văn Dũng');
    await syncOnce(home.db, s.url);
    // A tablet of another commune acts on that dossier: the server refuses it.
    const other = await tablet((await s.createCommune()).id);
    await recordOp(other.db, 'dossier.transitioned', dossier.id, { action: 'start-processing', staffId: 'x' });
    await recordOp(other.db, 'dossier.transitioned', dossier.id, { action: 'refuse', staffId: 'x', reason: 'thử' });
    expect((await syncOnce(other.db, s.url)).ok).toBe(true);
    const attention = await listNeedsAttention(other.db);
    expect(attention.map((op) => op.error?.code)).toEqual(['forbidden-op', 'forbidden-op']);

    await discardRejected(other.db, attention[0], 'staff-x');
    const resent = await resendAsNew(other.db, attention[1], 'staff-x');
    expect(resent.opId).not.toBe(attention[1].opId);
    await syncOnce(other.db, s.url);
    expect(await listNeedsAttention(other.db)).toHaveLength(1); // the resent one was refused again
    const kept = await other.db.ops.bulkGet(attention.map((op) => op.opId));
    expect(kept.map((op) => op?.resolution)).toEqual(['discarded', 'fixed']);
    expect(kept[0]).toMatchObject({ resolvedBy: 'staff-x', resolvedAt: expect.any(String) });
  });

  it('refreshes config when the admin changes it, using the ETag otherwise', async () => {
    const { db } = await tablet(s.demoCommuneId);
    const before = (await getCommuneConfig(db))!;
    const res = await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/staff`, [
      ...before.staff,
      { id: `staff-${Date.now()}`, name: 'Đỗ Thị Mai', title: 'Công chức', pin: '1357' },
    ]);
    expect(res.status).toBe(200);
    await syncOnce(db, s.url);
    const after = (await getCommuneConfig(db))!;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.staff.map((m) => m.name)).toContain('Đỗ Thị Mai');
  });

  it('locks a revoked tablet, keeping only what it has not sent', async () => {
    const { db, device } = await tablet(s.demoCommuneId);
    await receive(db, 'Lý Văn Đã Gửi');
    expect((await syncOnce(db, s.url)).ok).toBe(true);
    expect(await db.dossiers.count()).toBeGreaterThan(1); // its own and the commune's, pulled
    await receive(db, 'Hồ Thị Em');
    await s.admin('POST', `/api/v1/admin/devices/${device.deviceId}/revoke`);
    expect((await syncOnce(db, s.url)).ok).toBe(false);
    expect((await db.meta.get('revoked'))?.value).toEqual(expect.any(String));
    expect(syncStatus.getState().lastError?.code).toBe('device-revoked');
    expect(await db.ops.count()).toBe(1);
    expect((await db.ops.toArray())[0]).toMatchObject({ state: 'pending', data: { applicant: { name: 'Hồ Thị Em' } } });
    expect(await db.dossiers.count()).toBe(0);
  });

  it('lets a kiosk push surveys but never pull, and keeps no comment once sent', async () => {
    const { db } = await tablet(s.demoCommuneId, 'kiosk');
    expect((await getCommuneConfig(db))?.procedures).toEqual([]);
    const op = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'very-satisfied', comment: 'Chị Hoa rất tận tình' });
    const result = await syncOnce(db, s.url);
    expect(result).toMatchObject({ ok: true, pushed: 1, pulled: 0 });
    expect(await db.dossiers.count()).toBe(0);
    // The comment is on the server now; the kiosk keeps none (issue 12 part 4).
    expect((await db.ops.get(op.opId))?.data).toEqual({ rating: 'very-satisfied' });
    const counter = await tablet(s.demoCommuneId);
    await syncOnce(counter.db, s.url);
    expect((await counter.db.ops.get(op.opId))?.data).toEqual({ rating: 'very-satisfied' });
  });

  it('records the tablet’s clock skew from the server’s time', async () => {
    const skewed = await startTestServer({ db: 'pglite', now: () => new Date(Date.now() + 7 * 60_000) });
    try {
      const db = new FriendlyDeskDB(`tablet-${crypto.randomUUID()}`);
      await enrollDevice(db, await skewed.enrollmentCode(skewed.demoCommuneId), skewed.url);
      await syncOnce(db, skewed.url);
      expect(syncStatus.getState().clockSkewMs).toBeGreaterThan(6 * 60_000);
      expect((await db.meta.get('clockSkewMs'))?.value).toBeGreaterThan(6 * 60_000);
    } finally {
      await skewed.close();
    }
  });
});

describe('one wrong clock cannot stop a commune’s tablets (contract 1.1)', () => {
  const YEAR = 365 * 86_400_000;

  it('a tablet that pulls ops from a device a year ahead keeps saving, with its own time', async () => {
    const commune = await s.createCommune();
    const a = await tablet(commune.id);
    // Ops already in the log from before the server refused such clocks: they stay, flagged.
    const ahead = Date.now() + YEAR;
    const poisoned = [
      { hlc: formatHlc({ wall: ahead, counter: 0 }), at: new Date(ahead).toISOString() },
      { hlc: '999999999999999:999999', at: new Date(ahead).toISOString() },
    ];
    for (const [i, { hlc, at }] of poisoned.entries()) {
      await s.sql.query(
        `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data, excluded)
         VALUES ($1, $2, $3, $4, 'survey.submitted', $5, $6, $7, $8, 'clock-ahead')`,
        [commune.id, crypto.randomUUID(), newId(), i + 1, newId(), at, hlc, JSON.stringify({ rating: 'not-satisfied' })],
      );
    }
    expect(await syncOnce(a.db, s.url)).toMatchObject({ ok: true, pulled: 2 });
    const before = Date.now();
    const dossier = await receive(a.db, 'Nguyễn Văn Đúng');
    const op = (await a.db.ops.where('entityId').equals(dossier.id).first())!;
    expect(parseHlc(op.hlc).wall).toBeGreaterThanOrEqual(before);
    expect(parseHlc(op.hlc).wall).toBeLessThan(Date.now() + 60_000);
    expect(await syncOnce(a.db, s.url)).toMatchObject({ ok: true, pushed: 1 });
    expect(await a.db.ops.filter((o) => o.state === 'rejected').count()).toBe(0);
    // The figures leave those ops out and say so.
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}`)).json();
    expect(report.excluded.clockAhead).toBe(2);
    expect(report.satisfaction.responses).toBe(0);
  });

  it('a tablet whose stored clock is already a year ahead repairs itself and saves', async () => {
    const commune = await s.createCommune();
    const b = await tablet(commune.id);
    await b.db.meta.put({ key: 'hlc', value: { wall: 999_999_999_999_999, counter: 999_999 } });
    const dossier = await receive(b.db, 'Trần Thị Sửa');
    const op = (await b.db.ops.where('entityId').equals(dossier.id).first())!;
    expect(parseHlc(op.hlc).wall).toBeLessThan(Date.now() + 60_000);
    expect(((await b.db.meta.get('hlc'))!.value as { wall: number }).wall).toBeLessThan(Date.now() + 60_000);
    expect(await syncOnce(b.db, s.url)).toMatchObject({ ok: true, pushed: 1 });
    expect(await b.db.ops.filter((o) => o.state === 'rejected').count()).toBe(0);
  });
});
