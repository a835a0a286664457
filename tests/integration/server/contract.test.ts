import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { freshDatabase, startTestServer, type Backend, type TestServer } from '../../support/test-server';
import { pull, push, receivedOp, surveyOp, transitionOp } from '../../support/ops';
import { dossierFacts, foldDossier, formatHlc, hashPin, vnDateKey, type CalendarData } from '../../../src/domain';
import { rowToOp, type StoredRow } from '../../../src/server/oplog';
import seed from '../../../src/domain/demo/demo-commune.json';

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

async function serverFor(backend: Backend, now?: () => Date): Promise<TestServer> {
  if (backend === 'pglite') return startTestServer({ db: 'pglite', now });
  cluster ??= await startPostgres();
  return startTestServer({ db: 'postgres', pgUrl: await freshDatabase(cluster.url), now });
}

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe.each<Backend>(['pglite', 'postgres'])('wire contract on %s', (backend) => {
  let s: TestServer;
  let counter: { deviceId: string; token: string; deviceNo: number };
  beforeAll(async () => {
    s = await serverFor(backend);
    counter = await s.newDevice(s.demoCommuneId, 'counter');
  }, 60_000); // PGlite takes half a minute to open on a loaded 2-core machine
  afterAll(() => s?.close());

  describe('POST /api/v1/enroll', () => {
    it('trades a code for a device identity, numbering tablets per commune', async () => {
      const commune = await s.createCommune();
      const code = await s.enrollmentCode(commune.id, 'mobile');
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
      const first = await json(await fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: code.toLowerCase().replace(/-/g, ' ') }) }));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ kind: 'mobile', deviceNo: 1, commune: { id: commune.id, code: commune.code, name: commune.name } });
      expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const second = await s.newDevice(commune.id);
      expect(second.deviceNo).toBe(2);
    });

    it('answers invalid-code and code-used-or-expired', async () => {
      const enroll = (code: unknown) => fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) }).then(json);
      expect(await enroll('short')).toMatchObject({ status: 400, body: { error: { code: 'invalid-code' } } });
      expect(await enroll('ABCD-EFGH-JK')).toMatchObject({ status: 400, body: { error: { code: 'invalid-code' } } });
      const code = await s.enrollmentCode(s.demoCommuneId);
      expect((await enroll(code)).status).toBe(201);
      expect(await enroll(code)).toMatchObject({ status: 410, body: { error: { code: 'code-used-or-expired' } } });
    });
  });

  describe('GET /api/v1/config', () => {
    it('delivers the commune settings (retention, idle lock) to counter and mobile tablets, not to kiosks', async () => {
      const commune = await s.createCommune();
      const mobile = await s.newDevice(commune.id, 'mobile');
      const kiosk = await s.newDevice(commune.id, 'kiosk');
      const config = async (token: string) => (await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${token}` } })).json();
      expect((await config(mobile.token)).settings).toEqual({ retentionDays: 90, idleLockMinutes: 5 });
      expect(await json(await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/settings`, { retentionDays: 30 }))).toMatchObject({ status: 200 });
      expect((await config(mobile.token)).settings).toEqual({ retentionDays: 30, idleLockMinutes: 5 });
      expect(await config(kiosk.token)).not.toHaveProperty('settings');
      for (const bad of [{ retentionDays: 0 }, { retentionDays: 3651 }, { idleLockMinutes: 121 }, { retentionDays: 1.5 }]) {
        const res = await json(await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/settings`, bad));
        expect(res, JSON.stringify(bad)).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      }
    });

    it('gives a counter everything, with an ETag, and 304 when unchanged', async () => {
      const res = await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${counter.token}` } });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(['calendar', 'checklistTemplates', 'commune', 'letterTemplates', 'procedures', 'settings', 'staff', 'survey', 'version']);
      expect(body.procedures.length).toBeGreaterThanOrEqual(15);
      expect(body.staff[0]).not.toHaveProperty('pin');
      const etag = res.headers.get('ETag')!;
      const again = await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${counter.token}`, 'If-None-Match': etag } });
      expect(again.status).toBe(304);

      const put = await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/staff`, [
        ...body.staff,
        { id: 'staff-new', name: 'Lê Văn Mới', title: 'Công chức', pin: '2468' },
      ]);
      expect(put.status).toBe(200);
      const changed = await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${counter.token}`, 'If-None-Match': etag } });
      expect(changed.status).toBe(200);
      const staff = (await changed.json()).staff.find((m: { id: string }) => m.id === 'staff-new');
      expect(staff).toMatchObject({ pinSalt: expect.any(String), pinHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(staff).not.toHaveProperty('pin');
    });

    it('gives a kiosk only the commune name, the survey and the kiosk code hash: no staff PIN hash', async () => {
      const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
      const { status, body } = await json(await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${kiosk.token}` } }));
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['commune', 'kioskCode', 'survey', 'version']);
      expect(Object.keys(body.commune).sort()).toEqual(['code', 'id', 'name']);
      expect(Object.keys(body.kioskCode).sort()).toEqual(['hash', 'salt']);
      expect(await hashPin(seed.kioskCode, body.kioskCode.salt)).toBe(body.kioskCode.hash);
      const counterConfig = await (await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${counter.token}` } })).json();
      const pinHashes = counterConfig.staff.map((m: { pinHash: string }) => m.pinHash);
      expect(pinHashes.length).toBeGreaterThan(0);
      for (const hash of pinHashes) expect(JSON.stringify(body)).not.toContain(hash);
    });

    it('sets a kiosk code centrally, hashed, never kept plain', async () => {
      const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
      const put = (body: unknown) => s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/kioskCode`, body);
      expect(await json(await put({ code: '1234' }))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(await json(await put({ code: 'bad code with spaces' }))).toMatchObject({ status: 400 });
      expect((await put({ code: 'NewKioskCode2027' })).status).toBe(200);
      const body = await (await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${kiosk.token}` } })).json();
      expect(await hashPin('NewKioskCode2027', body.kioskCode.salt)).toBe(body.kioskCode.hash);
      const { rows } = await s.sql.query<{ body: unknown }>("SELECT body FROM commune_config WHERE part = 'kioskCode' AND commune_id = $1", [s.demoCommuneId]);
      expect(JSON.stringify(rows)).not.toContain('NewKioskCode2027');
      expect((await put({ code: seed.kioskCode })).status).toBe(200);
    });

    it('refuses a missing or unknown token', async () => {
      expect(await json(await fetch(`${s.url}/api/v1/config`))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      const res = await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: 'Bearer not-a-real-token-at-all-000000' } });
      expect(await json(res)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    });
  });

  describe('POST /api/v1/sync/push', () => {
    it('applies, answers duplicates, and rejects reused ids and sequences per op', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const a = receivedOp(1);
      const b = receivedOp(2);
      const first = await json(await push(s.url, device.token, device.deviceId, [a, b]));
      expect(first.status).toBe(200);
      expect(first.body.results).toEqual([
        { opId: a.opId, status: 'applied' },
        { opId: b.opId, status: 'applied' },
      ]);
      expect(Date.parse(first.body.serverTime)).not.toBeNaN();

      const reused = { ...b, data: { ...b.data, applicant: { name: 'Khác' } } };
      const seqClash = receivedOp(2);
      const bad = { ...receivedOp(3), data: { ...receivedOp(3).data, applicant: { name: '' } } };
      const unknown = { ...receivedOp(4), type: 'dossier.teleported' };
      const fine = receivedOp(5);
      const second = await json(await push(s.url, device.token, device.deviceId, [a, reused, seqClash, bad, unknown, fine]));
      expect(second.body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
        'duplicate',
        'op-id-reused',
        'device-seq-reused',
        'invalid-op',
        'unknown-op-type',
        'applied',
      ]);
      expect(second.body.results[3].error.message).toMatch(/data\.applicant\.name/);
    });

    it('lets a kiosk send surveys only, and keeps each answer for the reports', async () => {
      const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
      const survey = surveyOp(1, 'satisfied', { criteria: { attitude: 'very-satisfied' }, dossierCode: 'H26-260310-01001', flags: ['burst'] });
      const { body } = await json(await push(s.url, kiosk.token, kiosk.deviceId, [survey, receivedOp(2), surveyOp(3)]));
      expect(body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(body.results[1]).toMatchObject({ status: 'rejected', error: { code: 'forbidden-op' } });
      const { rows } = await s.sql.query<Record<string, unknown>>(
        'SELECT op_id, commune_id, device_id, rating, criteria, dossier_code, flags, at FROM surveys WHERE device_id = $1 ORDER BY at',
        [kiosk.deviceId],
      );
      expect(rows.map((r) => ({ ...r, at: new Date(r.at as string).toISOString() }))).toEqual([
        { op_id: survey.opId, commune_id: s.demoCommuneId, device_id: kiosk.deviceId, rating: 'satisfied', criteria: { attitude: 'very-satisfied' }, dossier_code: 'H26-260310-01001', flags: ['burst'], at: survey.at },
        expect.objectContaining({ rating: 'satisfied', criteria: null, dossier_code: null, flags: null }),
      ]);
      // 1.1: the burst answer is kept but left out of the figures.
      const { rows: left } = await s.sql.query<{ excluded: string | null }>('SELECT excluded FROM surveys WHERE device_id = $1 ORDER BY at', [kiosk.deviceId]);
      expect(left.map((r) => r.excluded)).toEqual(['burst', null]);
    });

    it('refuses to touch another commune’s entity', async () => {
      const other = await s.createCommune();
      const stranger = await s.newDevice(other.id);
      const mine = receivedOp(1);
      await push(s.url, counter.token, counter.deviceId, [mine]);
      const { body } = await json(await push(s.url, stranger.token, stranger.deviceId, [transitionOp(1, mine.entityId, 'start-processing')]));
      expect(body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden-op' } });
    });

    it('applies ops with references it does not know, flagged for review', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const op = receivedOp(1, { data: { procedureId: 'retired-procedure', staffId: 'someone-new' } });
      // The demo commune's own procedure and clerk: nothing to review.
      const known = receivedOp(2, { data: { procedureId: seed.procedures[0].id, staffId: seed.staff[0].id } });
      const { body } = await json(await push(s.url, device.token, device.deviceId, [op, known]));
      expect(body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
      const review = async (opId: string) => (await s.sql.query<{ review: string[] | null }>('SELECT review FROM ops WHERE op_id = $1', [opId])).rows[0].review;
      expect(await review(op.opId)).toEqual(['unknown-procedure', 'unknown-staff']);
      expect(await review(known.opId)).toBeNull();
    });

    it('answers protocol, shape, size and identity problems with the contract’s codes', async () => {
      const t = counter.token;
      const d = counter.deviceId;
      expect(await json(await push(s.url, t, d, [], 0))).toMatchObject({ status: 426, body: { error: { code: 'client-too-old' } } });
      expect(await json(await push(s.url, t, d, [], 2))).toMatchObject({ status: 426, body: { error: { code: 'server-too-old' } } });
      expect(await json(await push(s.url, t, d, [], '1'))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      const notJson = await fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', headers: { Authorization: `Bearer ${t}` }, body: '{"protocol":1,' });
      expect(await json(notJson)).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(await json(await push(s.url, t, d, 'ops' as never))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      const many = Array.from({ length: 501 }, (_, i) => receivedOp(i + 1));
      expect(await json(await push(s.url, t, d, many))).toMatchObject({ status: 413, body: { error: { code: 'batch-too-large' } } });
      const huge = [receivedOp(1, { data: { documents: ['x'.repeat(1024 * 1024)] } })];
      expect(await json(await push(s.url, t, d, huge))).toMatchObject({ status: 413, body: { error: { code: 'batch-too-large' } } });
      expect(await json(await push(s.url, t, crypto.randomUUID(), []))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    });

    it('locks out a revoked tablet with device-revoked, even one that pushed a moment ago', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      // The server has just seen this token (and may remember it for its next pushes).
      expect((await json(await push(s.url, device.token, device.deviceId, [receivedOp(1)]))).body.results[0].status).toBe('applied');
      expect((await s.admin('POST', `/api/v1/admin/devices/${device.deviceId}/revoke`)).status).toBe(200);
      for (const ops of [[receivedOp(2)], []]) {
        expect(await json(await push(s.url, device.token, device.deviceId, ops))).toMatchObject({
          status: 401,
          body: { error: { code: 'device-revoked' } },
        });
      }
      const { rows } = await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM ops WHERE device_id = $1', [device.deviceId]);
      expect(Number(rows[0].n)).toBe(1);
      expect((await pull(s.url, device.token)).status).toBe(401);
    });
  });

  describe('GET /api/v1/sync/pull', () => {
    it('pages through the commune’s ops in server order, with cursors', async () => {
      const commune = await s.createCommune();
      const writer = await s.newDevice(commune.id);
      const reader = await s.newDevice(commune.id);
      const ops = Array.from({ length: 7 }, (_, i) => receivedOp(i + 1));
      await push(s.url, writer.token, writer.deviceId, ops);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const { status, body } = await json(await pull(s.url, reader.token, cursor, 3));
        expect(status).toBe(200);
        seen.push(...body.ops.map((o: { opId: string }) => o.opId));
        expect(body.ops.every((o: { deviceId: string }) => o.deviceId === writer.deviceId)).toBe(true);
        cursor = body.cursor;
        if (!body.hasMore) break;
      }
      expect(seen).toEqual(ops.map((o) => o.opId));
      const after = await json(await pull(s.url, reader.token, cursor));
      expect(after.body).toMatchObject({ ops: [], hasMore: false, cursor });
      // Another commune sees none of it.
      const outsider = await s.newDevice((await s.createCommune()).id);
      expect((await json(await pull(s.url, outsider.token))).body.ops).toEqual([]);
    });

    it('refuses kiosks and bad queries', async () => {
      const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
      expect(await json(await pull(s.url, kiosk.token))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      expect(await json(await pull(s.url, counter.token, 'abc'))).toMatchObject({ status: 400, body: { error: { code: 'invalid-query' } } });
      expect(await json(await pull(s.url, counter.token, undefined, 1001))).toMatchObject({ status: 400, body: { error: { code: 'invalid-query' } } });
    });
  });

  describe('GET /api/v1/sync/snapshot (1.1)', () => {
    const snapshot = async (token: string, query: Record<string, string> = {}) =>
      json(await fetch(`${s.url}/api/v1/sync/snapshot?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${token}` } }));

    it('gives the commune’s ops up to a cursor, whole entities per page, then the pull goes on after that cursor', async () => {
      const commune = await s.createCommune();
      const writer = await s.newDevice(commune.id);
      const reader = await s.newDevice(commune.id);
      expect((await snapshot(reader.token)).body).toMatchObject({ ops: [], cursor: null, next: null });
      // Three dossiers of two ops, pushed interleaved (server order is not entity order), and a survey with a comment.
      const received = [1, 2, 3].map((n) => receivedOp(n));
      const ops = [...received, ...received.map((r, i) => transitionOp(4 + i, r.entityId, 'start-processing')), surveyOp(7, 'satisfied', { comment: 'Cán bộ nhiệt tình' })];
      expect((await push(s.url, writer.token, writer.deviceId, ops)).status).toBe(200);
      const first = await snapshot(reader.token, { limit: '3' });
      expect(first.status).toBe(200);
      const at = first.body.cursor;
      expect(at).toMatch(/^\d+$/);
      // A change after the snapshot began is not in it, whatever page it falls on.
      const late = transitionOp(8, received[0].entityId, 'request-supplement', { missingDocuments: ['Tờ khai'] });
      await push(s.url, writer.token, writer.deviceId, [late]);
      const pages = [first.body];
      while (pages.at(-1).next) pages.push((await snapshot(reader.token, { at, after: pages.at(-1).next, limit: '3' })).body);
      // 4 entities, 3 a page: the fourth, read to know more follow, waits for the next page.
      expect(pages.map((p) => new Set(p.ops.map((o: { entityId: string }) => o.entityId)).size)).toEqual([3, 1]);
      const got = pages.flatMap((p) => p.ops);
      expect(pages.every((p) => p.cursor === at)).toBe(true);
      expect(got.map((o: { opId: string }) => o.opId).sort()).toEqual(ops.map((o) => o.opId).sort());
      // Whole entities, each on one page, ordered by entity, then server order inside it.
      for (const page of pages) for (const o of page.ops) expect(pages.filter((p) => p.ops.some((x: { entityId: string }) => x.entityId === o.entityId))).toEqual([page]);
      const entityOrder = got.map((o: { entityId: string }) => o.entityId);
      expect(entityOrder).toEqual([...entityOrder].sort());
      const first0 = got.filter((o: { entityId: string }) => o.entityId === received[0].entityId);
      expect(first0.map((o: { type: string }) => o.type)).toEqual(['dossier.received', 'dossier.transitioned']);
      // The dossiers fold from the snapshot alone; the kiosk comment stays central, as in a pull.
      expect(foldDossier(received[1].entityId, got).status).toBe('processing');
      expect(got.find((o: { type: string }) => o.type === 'survey.submitted').data).not.toHaveProperty('comment');
      // part=dossiers: the same pages as dossiers folded on the server, the fold a tablet makes.
      const folded = [];
      for (let next: string | null = null, n = 0; n === 0 || next; n++) {
        const { body } = await snapshot(reader.token, { at, part: 'dossiers', limit: '3', ...(next ? { after: next } : {}) });
        expect(body).toMatchObject({ ops: [], cursor: at });
        folded.push(...body.dossiers);
        next = body.next;
      }
      expect(folded).toEqual(received.map((r) => r.entityId).sort().map((id) => foldDossier(id, got)));
      expect(folded.find((d: { id: string }) => d.id === received[0].entityId)).toMatchObject({ status: 'processing', history: [{}, {}] });
      // The pull after the snapshot's cursor brings exactly what came later.
      const after = await json(await pull(s.url, reader.token, at));
      expect(after.body.ops.map((o: { opId: string }) => o.opId)).toEqual([late.opId]);
      // Another commune sees none of it.
      const outsider = await s.newDevice((await s.createCommune()).id);
      expect((await snapshot(outsider.token, { at })).body.ops).toEqual([]);
    });

    it('leaves out the asking device’s own ops with mine=0, in a snapshot and in a pull, the cursor moving past them', async () => {
      const commune = await s.createCommune();
      const writer = await s.newDevice(commune.id);
      const other = await s.newDevice(commune.id);
      const mineOnly = receivedOp(1);
      const shared = receivedOp(2);
      await push(s.url, writer.token, writer.deviceId, [mineOnly, shared]);
      const theirs = transitionOp(1, shared.entityId, 'start-processing');
      await push(s.url, other.token, other.deviceId, [theirs]);
      // The snapshot keeps an entity another device touched whole, and drops one only the asker wrote.
      const snap = await snapshot(writer.token, { mine: '0' });
      expect(snap.body.ops.map((o: { opId: string }) => o.opId).sort()).toEqual([shared.opId, theirs.opId].sort());
      expect((await snapshot(writer.token, { mine: '1' })).body.ops).toHaveLength(3);
      const pulled = await json(await fetch(`${s.url}/api/v1/sync/pull?mine=0`, { headers: { Authorization: `Bearer ${writer.token}` } }));
      expect(pulled.body.ops.map((o: { opId: string }) => o.opId)).toEqual([theirs.opId]);
      expect(pulled.body.cursor).toBe(snap.body.cursor);
      // A page of only its own ops is empty, yet its cursor moves on.
      const own = await json(await fetch(`${s.url}/api/v1/sync/pull?mine=0&limit=2`, { headers: { Authorization: `Bearer ${writer.token}` } }));
      expect(own.body).toMatchObject({ ops: [], hasMore: true });
      const next = await json(await pull(s.url, writer.token, own.body.cursor));
      expect(next.body.ops.map((o: { opId: string }) => o.opId)).toEqual([theirs.opId]);
      expect((await snapshot(writer.token, { mine: 'yes' })).status).toBe(400);
    });

    it('refuses kiosks and bad queries', async () => {
      const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
      expect(await snapshot(kiosk.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      for (const query of [{ at: 'abc' }, { after: 'not-a-uuid' }, { limit: '0' }, { limit: '1001' }, { part: 'rows' }] as Record<string, string>[])
        expect(await snapshot(counter.token, query)).toMatchObject({ status: 400, body: { error: { code: 'invalid-query' } } });
      expect(await json(await fetch(`${s.url}/api/v1/sync/snapshot`))).toMatchObject({ status: 401 });
    });
  });

  describe('admin API', () => {
    it('needs the admin token', async () => {
      expect(await json(await fetch(`${s.url}/api/v1/admin/communes`))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      const wrong = await fetch(`${s.url}/api/v1/admin/communes`, { headers: { Authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
    });

    it('creates communes with the default catalogue and no staff', async () => {
      const res = await json(await s.admin('POST', '/api/v1/admin/communes', { code: `C-${backend}`, name: 'Xã Mới', province: 'Tỉnh A' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), code: `C-${backend}`, name: 'Xã Mới', province: 'Tỉnh A' });
      expect((await s.admin('POST', '/api/v1/admin/communes', { code: `C-${backend}`, name: 'X', province: 'Y' })).status).toBe(409);
      expect((await json(await s.admin('POST', '/api/v1/admin/communes', { name: 'no code' }))).body.error.code).toBe('invalid-body');
      const device = await s.newDevice(res.body.id);
      const config = await (await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${device.token}` } })).json();
      expect(config.staff).toEqual([]);
      expect(config.procedures.length).toBeGreaterThanOrEqual(15);
      expect(config.calendar.holidays.length).toBeGreaterThan(10);
      const list = await json(await s.admin('GET', '/api/v1/admin/communes'));
      expect(list.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
    });

    it('checks enrollment and config requests', async () => {
      expect((await s.admin('POST', '/api/v1/admin/enrollments', { communeId: 'nope', kind: 'counter' })).status).toBe(404);
      expect((await json(await s.admin('POST', '/api/v1/admin/enrollments', { communeId: s.demoCommuneId, kind: 'toaster' }))).body.error.code).toBe('invalid-body');
      expect((await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/weather`, {})).status).toBe(404);
      const bad = await json(await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/calendar`, { holidays: 'none' }));
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect((await s.admin('POST', `/api/v1/admin/devices/${crypto.randomUUID()}/revoke`)).status).toBe(404);
    });

    it('shows each device’s last sync and the deviceSeq gaps', async () => {
      const commune = await s.createCommune();
      const device = await s.newDevice(commune.id);
      await push(s.url, device.token, device.deviceId, [receivedOp(1), receivedOp(2), receivedOp(5), receivedOp(9)]);
      const { body } = await json(await s.admin('GET', `/api/v1/admin/devices?communeId=${commune.id}`));
      expect(body).toHaveLength(1);
      expect(body[0]).toMatchObject({ id: device.deviceId, kind: 'counter', deviceNo: 1, revoked: false, opCount: 4, maxSeq: 9 });
      expect(body[0].seqGaps).toEqual([
        { from: 3, to: 4 },
        { from: 6, to: 8 },
      ]);
      expect(Date.parse(body[0].lastSyncAt)).not.toBeNaN();
    });

    it('reports on-time and satisfaction figures from the ops that arrived', async () => {
      const commune = await s.createCommune();
      const device = await s.newDevice(commune.id);
      const kiosk = await s.newDevice(commune.id, 'kiosk');
      const onTime = receivedOp(1);
      const late = receivedOp(2, { data: { dueAt: '2026-03-10T03:00:00.000Z' } });
      await push(s.url, device.token, device.deviceId, [
        onTime,
        late,
        receivedOp(3, { data: { channel: 'home' } }),
        transitionOp(4, onTime.entityId, 'start-processing'),
        transitionOp(5, onTime.entityId, 'mark-result-ready'),
        transitionOp(6, late.entityId, 'start-processing'),
        transitionOp(7, late.entityId, 'mark-result-ready'),
      ]);
      await push(s.url, kiosk.token, kiosk.deviceId, [surveyOp(1, 'very-satisfied'), surveyOp(2, 'satisfied'), surveyOp(3, 'not-satisfied'), surveyOp(4, 'satisfied')]);
      const { status, body } = await json(await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-03-01&to=2026-03-31`));
      expect(status).toBe(200);
      expect(body).toMatchObject({ received: 3, settled: 2, late: 1, onTimeRate: 0.5 });
      expect(body.openWithinTime + body.openOverdue).toBe(1); // the report's 1.1 names; `open` before the standard table
      expect(body.early + body.onTime).toBe(1);
      expect(body.satisfaction).toMatchObject({ responses: 4, satisfiedRate: 0.75 });
      expect((await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-04-01&to=2026-03-01`)).status).toBe(400);
    });
  });

  describe('more of the contract', () => {
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

    it('answers an opId or deviceSeq repeated inside one batch, and an opId sent by another device', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const a = receivedOp(1);
      const changed = { ...a, data: { ...a.data, documents: ['Khác'] } };
      const sameSeq = receivedOp(1);
      const { body } = await json(await push(s.url, device.token, device.deviceId, [a, a, changed, sameSeq, receivedOp(2)]));
      expect(body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
        'applied',
        'duplicate',
        'op-id-reused',
        'device-seq-reused',
        'applied',
      ]);
      expect(body.results.map((r: { opId: string }) => r.opId)).toEqual([a.opId, a.opId, a.opId, sameSeq.opId, body.results[4].opId]);
      // The same op pushed by another tablet of the commune is not that tablet's op.
      const other = await s.newDevice(s.demoCommuneId);
      const again = await json(await push(s.url, other.token, other.deviceId, [{ ...a, deviceSeq: 1 }]));
      expect(again.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'op-id-reused' } });
      // Nor of a tablet in another commune: op ids are unique on the whole server.
      const stranger = await s.newDevice((await s.createCommune()).id);
      const elsewhere = await json(await push(s.url, stranger.token, stranger.deviceId, [{ ...a, deviceSeq: 1, entityId: crypto.randomUUID() }]));
      expect(elsewhere.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'op-id-reused' } });
      // Ids are uuids in any case: upper case is the same op.
      const upper = await json(await push(s.url, device.token, device.deviceId, [{ ...a, opId: a.opId.toUpperCase(), entityId: a.entityId.toUpperCase() }]));
      expect(upper.body.results[0]).toEqual({ opId: a.opId.toUpperCase(), status: 'duplicate' });
    });

    it('takes landline phones (1.1) and a correction with its reason, and serves the reason back', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const landline = receivedOp(1, { data: { applicant: { name: 'Bà Năm', phone: '02438261234' } } });
      const badPhone = receivedOp(2, { data: { applicant: { name: 'Ông Sáu', phone: '0112345678' } } });
      const correction = {
        ...transitionOp(3, landline.entityId, 'start-processing'),
        type: 'dossier.updated',
        data: { staffId: 'staff-lan', reason: 'Ghi sai tên', changes: { 'applicant.name': 'Bà Năm Lành', 'applicant.phone': '0912345678' } },
      };
      const res = await json(await push(s.url, device.token, device.deviceId, [landline, badPhone, correction]));
      expect(res.body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual(['applied', 'invalid-op', 'applied']);
      expect(res.body.results[1].error.message).toMatch(/data\.applicant\.phone/);
      const pulled = (await (await pull(s.url, device.token)).json()).ops as { opId: string; data: unknown }[];
      expect(pulled.find((op) => op.opId === correction.opId)?.data).toEqual(correction.data);
    });

    it('keeps the report projection current as later ops of a dossier arrive', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const other = await s.newDevice(s.demoCommuneId);
      const received = receivedOp(1);
      await push(s.url, device.token, device.deviceId, [received]);
      const status = async () =>
        (await s.sql.query<{ status: string; processed_at: unknown }>('SELECT status, processed_at FROM dossiers WHERE id = $1', [received.entityId])).rows[0];
      expect((await status()).status).toBe('received');
      await push(s.url, other.token, other.deviceId, [transitionOp(1, received.entityId, 'start-processing')]);
      expect((await status()).status).toBe('processing');
      await push(s.url, device.token, device.deviceId, [transitionOp(2, received.entityId, 'mark-result-ready')]);
      const done = await status();
      expect(done.status).toBe('result-ready');
      expect(done.processed_at).not.toBeNull();
    });

    it('stores a new dossier whose later op another tablet sent first, and refuses one made on another commune’s entity', async () => {
      // Batches of new dossiers go in the fast way on PGlite (COPY); these two must find out that
      // something was there already and answer as the general way does.
      const receiver = await s.newDevice(s.demoCommuneId);
      const other = await s.newDevice(s.demoCommuneId);
      const received = receivedOp(1);
      expect((await json(await push(s.url, other.token, other.deviceId, [transitionOp(1, received.entityId, 'start-processing')]))).body.results[0].status).toBe('applied');
      const { body } = await json(await push(s.url, receiver.token, receiver.deviceId, [received, receivedOp(2)]));
      expect(body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
      const { rows } = await s.sql.query<{ status: string; code: string }>('SELECT status, code FROM dossiers WHERE id = $1', [received.entityId]);
      expect(rows).toEqual([{ status: 'processing', code: (received.data as { code: string }).code }]);

      const stranger = await s.newDevice((await s.createCommune()).id);
      const taken = await json(await push(s.url, stranger.token, stranger.deviceId, [receivedOp(1, { entityId: received.entityId }), receivedOp(2)]));
      expect(taken.body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual(['forbidden-op', 'applied']);
      const { rows: held } = await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM ops WHERE entity_id = $1', [received.entityId]);
      expect(Number(held[0].n)).toBe(2);
    });

    it('keeps report rows equal to a fold of every stored op, whatever the batch held', async () => {
      const device = await s.newDevice(s.demoCommuneId);
      const a = receivedOp(1);
      const b = receivedOp(2);
      await push(s.url, device.token, device.deviceId, [a, b]);
      const c = receivedOp(3);
      const { body } = await json(
        await push(s.url, device.token, device.deviceId, [
          c,
          transitionOp(2, c.entityId, 'start-processing'), // deviceSeq 2 is b's: rejected, c's fold must not count it
          transitionOp(4, a.entityId, 'start-processing'),
          transitionOp(5, a.entityId, 'mark-result-ready'),
          transitionOp(6, c.entityId, 'request-supplement', { missingDocuments: ['Bản sao'] }),
        ]),
      );
      expect(body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'applied', 'applied', 'applied']);
      const { rows } = await s.sql.query<Record<string, unknown> & { id: string; status: string }>(
        'SELECT * FROM dossiers WHERE id = ANY($1::uuid[])',
        [[a.entityId, b.entityId, c.entityId]],
      );
      const stored = await s.sql.query<StoredRow>('SELECT * FROM ops WHERE entity_id = ANY($1::uuid[])', [[a.entityId, b.entityId, c.entityId]]);
      const time = (v: unknown) => (v === null || v === undefined || v === '' ? null : new Date(v as string).toISOString());
      for (const row of rows) {
        const ops = stored.rows.filter((r) => r.entity_id === row.id).map((r) => ({ ...rowToOp(r), deviceId: r.device_id }));
        const state = foldDossier(row.id, ops);
        const facts = dossierFacts(state, seed.calendar as CalendarData);
        const { staff_id, due_effective, waiting_since, settled_at, withdrawn_at, closed_at, timeliness, working_days, ...projection } = row;
        // The report's facts (migration 9): the same fold's dossierFacts, with the commune's calendar.
        expect({ staff_id, due_effective: time(due_effective), waiting_since: time(waiting_since), settled_at: time(settled_at), withdrawn_at: time(withdrawn_at), timeliness, working_days }).toEqual({
          staff_id: facts?.staffId || null,
          due_effective: time(facts?.dueAt),
          waiting_since: time(facts?.waitingSince),
          settled_at: time(facts?.settledAt),
          withdrawn_at: time(facts?.withdrawnAt),
          timeliness: facts?.timeliness ?? null,
          working_days: facts?.workingDays ?? null,
        });
        expect(String(closed_at) === 'Infinity' || String(closed_at) === 'infinity' ? 'infinity' : time(closed_at)).toBe(time(facts?.settledAt) ?? 'infinity');
        const row2 = projection;
        expect({ ...row2, received_at: time(row.received_at), due_at: time(row.due_at), processed_at: time(row.processed_at), returned_at: time(row.returned_at) }).toEqual({
          id: state.id,
          commune_id: s.demoCommuneId,
          code: state.code,
          procedure_id: state.procedureId,
          channel: state.channel,
          status: state.status,
          received_at: time(state.receivedAt),
          due_at: time(state.dueAt),
          processed_at: time(state.processedAt),
          returned_at: time(state.returnedAt),
          extended: state.extended,
          flags: state.flags,
          supplement_periods: state.supplementPeriods,
          supplement_requests: state.supplementRequests,
        });
      }
      expect(rows.find((r) => r.id === c.entityId)!.supplement_periods).toEqual([{ from: expect.any(String) }]);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
        [a.entityId]: 'result-ready',
        [b.entityId]: 'received',
        [c.entityId]: 'supplement-requested',
      });
    });

    it('needs a device token on every device call', async () => {
      for (const headers of [{}, auth(s.adminToken), { Authorization: `Basic ${counter.token}` }]) {
        const res = await fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ protocol: 1, deviceId: counter.deviceId, ops: [] }) });
        expect(await json(res)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
        expect((await fetch(`${s.url}/api/v1/sync/pull`, { headers })).status).toBe(401);
      }
    });

    it('answers a missing protocol with invalid-body, and a body without ops or deviceId too', async () => {
      const send = (body: unknown) =>
        fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', headers: auth(counter.token), body: JSON.stringify(body) }).then(json);
      expect(await send({ deviceId: counter.deviceId, ops: [] })).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(await send({ protocol: 1, deviceId: counter.deviceId })).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(await send({ protocol: 1, ops: [] })).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(await send([1, 2])).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      const ok = await send({ protocol: 1, deviceId: counter.deviceId, ops: [] });
      expect(ok).toMatchObject({ status: 200, body: { results: [] } });
    });

    it('stops reading a body past 1 MiB even without Content-Length', async () => {
      const chunk = new TextEncoder().encode(`{"protocol":1,"deviceId":"${counter.deviceId}","ops":[${'"x",'.repeat(16 * 1024)}`);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 2 MiB in chunks, never declared up front.
          if (sent > 2 * 1024 * 1024) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await fetch(`${s.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { ...auth(counter.token), 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.headers.get('Content-Length')).not.toBe(String(sent));
      expect(await json(res)).toMatchObject({ status: 413, body: { error: { code: 'batch-too-large' } } });
    });

    it('sends security headers and no-store on API answers, errors included', async () => {
      for (const res of [
        await fetch(`${s.url}/api/v1/config`, { headers: auth(counter.token) }),
        await fetch(`${s.url}/api/v1/config`),
        await s.admin('GET', '/api/v1/admin/communes'),
      ]) {
        expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(res.headers.get('X-Frame-Options')).toBeTruthy();
        expect(res.headers.get('Cache-Control')).toBe('no-store');
        expect(res.headers.get('Content-Type')).toMatch(/application\/json/);
      }
    });

    it('pulls ops in the wire shape, with deviceId and cursor, and checks every query value', async () => {
      const commune = await s.createCommune();
      const reader = await s.newDevice(commune.id);
      // No op at all yet: nothing, and no cursor to keep.
      expect((await json(await pull(s.url, reader.token))).body).toMatchObject({ ops: [], cursor: null, hasMore: false, serverTime: expect.any(String) });
      const op = receivedOp(1);
      await push(s.url, reader.token, reader.deviceId, [op]);
      const { body } = await json(await pull(s.url, reader.token));
      expect(Object.keys(body.ops[0]).sort()).toEqual(['at', 'cursor', 'data', 'deviceId', 'deviceSeq', 'entityId', 'hlc', 'opId', 'type']);
      expect(body.ops[0]).toMatchObject({ opId: op.opId, deviceSeq: 1, type: op.type, entityId: op.entityId, at: op.at, hlc: op.hlc, deviceId: reader.deviceId });
      expect(body.ops[0].data).toEqual(op.data);
      expect(body.cursor).toBe(body.ops[0].cursor);
      for (const q of ['limit=0', 'limit=abc', 'limit=-1', 'limit=1.5', 'after=-1', 'after=1e3', 'after=99999999999999999999999']) {
        const res = await fetch(`${s.url}/api/v1/sync/pull?${q}`, { headers: auth(reader.token) });
        expect(await json(res), q).toMatchObject({ status: 400, body: { error: { code: 'invalid-query' } } });
      }
      expect((await json(await pull(s.url, reader.token, undefined, 1000))).status).toBe(200);
    });

    it('answers the ETag for a kiosk too, and a changed survey changes it', async () => {
      const commune = await s.createCommune();
      const kiosk = await s.newDevice(commune.id, 'kiosk');
      const first = await fetch(`${s.url}/api/v1/config`, { headers: auth(kiosk.token) });
      const etag = first.headers.get('ETag')!;
      const survey = (await first.json()).survey;
      expect((await fetch(`${s.url}/api/v1/config`, { headers: { ...auth(kiosk.token), 'If-None-Match': etag } })).status).toBe(304);
      expect((await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/survey`, { ...survey, version: survey.version + 1 })).status).toBe(200);
      const after = await fetch(`${s.url}/api/v1/config`, { headers: { ...auth(kiosk.token), 'If-None-Match': etag } });
      expect(after.status).toBe(200);
      expect((await after.json()).survey.version).toBe(survey.version + 1);
    });

    it('replaces every config part, bumping the version each time', async () => {
      const commune = await s.createCommune();
      const device = await s.newDevice(commune.id);
      const config = await (await fetch(`${s.url}/api/v1/config`, { headers: auth(device.token) })).json();
      let version = config.version;
      for (const part of ['procedures', 'calendar', 'checklistTemplates', 'letterTemplates', 'staff', 'survey', 'settings'] as const) {
        const res = await json(await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/${part}`, config[part]));
        expect(res, part).toMatchObject({ status: 200, body: { version: version + 1 } });
        version = res.body.version;
      }
      const bad = await json(await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/staff`, [{ id: 'x', name: 'Y', pin: '12' }]));
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      expect(bad.body.error.message).toMatch(/^staff\.0/);
      expect((await s.admin('PUT', `/api/v1/admin/communes/${crypto.randomUUID()}/config/staff`, [])).status).toBe(404);
      // Nothing readable: the stored staff list holds no plain PIN.
      await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/staff`, [{ id: 's1', name: 'Lê Thị Một', pin: '97531' }]);
      const { rows } = await s.sql.query<{ body: unknown }>("SELECT body FROM commune_config WHERE commune_id = $1 AND part = 'staff'", [commune.id]);
      expect(JSON.stringify(rows[0].body)).not.toContain('97531');
    });

    it('caps admin and enroll bodies, and answers odd admin queries with the error shape', async () => {
      const big = await fetch(`${s.url}/api/v1/admin/communes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.adminToken}` },
        body: JSON.stringify({ code: 'X', name: 'x'.repeat(1024 * 1024 + 10), province: 'Y' }),
      });
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toMatch(/^[a-z-]+$/);
      const enroll = await fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'x'.repeat(10_000) }) });
      expect(enroll.status).toBe(413);
      expect(await json(await fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: 'code=ABCD' }))).toMatchObject({ status: 400, body: { error: { code: 'invalid-body' } } });
      for (const path of ['/api/v1/admin/devices', '/api/v1/admin/devices?communeId=nope', '/api/v1/admin/reports?from=2026-01-01&to=2026-01-31']) {
        expect(await json(await s.admin('GET', path))).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
      }
      expect(await json(await s.admin('GET', `/api/v1/admin/reports?communeId=${s.demoCommuneId}&from=2026-1-1&to=2026-01-31`))).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid-query' } },
      });
    });

    it('revokes idempotently and lists revoked devices as such', async () => {
      const commune = await s.createCommune();
      const device = await s.newDevice(commune.id, 'mobile');
      for (let i = 0; i < 2; i++) {
        const res = await json(await s.admin('POST', `/api/v1/admin/devices/${device.deviceId}/revoke`));
        expect(res).toMatchObject({ status: 200, body: { id: device.deviceId, revokedAt: expect.any(String) } });
      }
      const { body } = await json(await s.admin('GET', `/api/v1/admin/devices?communeId=${commune.id}`));
      expect(body[0]).toMatchObject({ kind: 'mobile', deviceNo: 1, revoked: true, opCount: 0, maxSeq: 0, seqGaps: [], lastSyncAt: null });
      expect(await json(await fetch(`${s.url}/api/v1/config`, { headers: auth(device.token) }))).toMatchObject({
        status: 401,
        body: { error: { code: 'device-revoked' } },
      });
    });
  });

  describe('contract 1.1', () => {
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const report = async (communeId: string, query = '&from=2026-03-01&to=2026-03-31') =>
      json(await s.admin('GET', `/api/v1/admin/reports?communeId=${communeId}${query}`));

    it('takes the ISO form of an HLC, stores and serves it canonical, and judges repeats after the conversion', async () => {
      const commune = await s.createCommune();
      const device = await s.newDevice(commune.id);
      const other = await s.newDevice(commune.id);
      const op = receivedOp(1, { hlc: '2026-03-10T02:00:01.000Z-001a-9f2c4a1b7d3e5f60' });
      expect((await json(await push(s.url, device.token, device.deviceId, [op]))).body.results[0]).toEqual({ opId: op.opId, status: 'applied' });
      const pulled = (await json(await pull(s.url, other.token))).body.ops;
      expect(pulled[0]).toMatchObject({ opId: op.opId, hlc: `${String(Date.UTC(2026, 2, 10, 2, 0, 1)).padStart(15, '0')}:000026` });
      // The same op again, in either form, is a duplicate; the same id with another instant is a reuse.
      const again = await json(await push(s.url, device.token, device.deviceId, [op, { ...op, hlc: pulled[0].hlc }]));
      expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
      const changed = await json(await push(s.url, device.token, device.deviceId, [{ ...op, hlc: '2026-03-10T02:00:01.001Z-001a-9f2c4a1b7d3e5f60' }]));
      expect(changed.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'op-id-reused' } });
    });

    it('answers any other hlc form invalid-op, showing the canonical form', async () => {
      const garbage = ['2026-03-10T02:00:01.000Z', '2026-02-30T02:00:01.000Z-0001-node', '2026-03-10T02:00:01Z-0001-node', '1773108001000:0', '2026-03-10T02:00:01.000Z-fffffff-node', 42];
      const ops = garbage.map((hlc, i) => receivedOp(i + 1, { hlc: hlc as string }));
      const { body } = await json(await push(s.url, counter.token, counter.deviceId, ops));
      for (const r of body.results) {
        expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid-op' } });
        expect(r.error.message).toContain('001764547200000:000000');
      }
      const { rows } = await s.sql.query('SELECT 1 FROM ops WHERE op_id = ANY($1::uuid[])', [ops.map((o) => o.opId)]);
      expect(rows).toHaveLength(0);
    });

    it('refuses ops whose hlc or at lies more than 24 hours ahead with clock-ahead, storing none', async () => {
      const device = await s.newDevice(s.demoCommuneId, 'kiosk');
      const now = Date.now();
      const ahead = now + 25 * 3_600_000;
      const ops = [
        { ...surveyOp(1), hlc: '999999999999999:999999' },
        { ...surveyOp(2), hlc: formatHlc({ wall: ahead, counter: 0 }) },
        { ...surveyOp(3), at: new Date(ahead).toISOString() },
        { ...surveyOp(4), hlc: `${new Date(ahead).toISOString()}-0000-node`, at: new Date(now).toISOString() },
        { ...surveyOp(5), hlc: formatHlc({ wall: now + 3_600_000, counter: 0 }), at: new Date(now + 3_600_000).toISOString() },
      ];
      const { body } = await json(await push(s.url, device.token, device.deviceId, ops));
      expect(body.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
        'clock-ahead',
        'clock-ahead',
        'clock-ahead',
        'clock-ahead',
        'applied',
      ]);
      const { rows } = await s.sql.query<{ op_id: string }>('SELECT op_id FROM ops WHERE device_id = $1', [device.deviceId]);
      expect(rows.map((r) => r.op_id)).toEqual([ops[4].opId]);
    });

    it('stores surveys past the rate, bursts and back-dated ops, but leaves them out of the figures and says so', async () => {
      const commune = await s.createCommune();
      const kiosk = await s.newDevice(commune.id, 'kiosk');
      const desk = await s.newDevice(commune.id);
      // 100 answers within 100 seconds from one kiosk: the first 60 count, the rest are stuffing.
      const answers = Array.from({ length: 100 }, (_, i) => surveyOp(i + 1, i < 60 ? 'satisfied' : 'not-satisfied'));
      for (const batch of [answers.slice(0, 30), answers.slice(30)]) {
        const { body } = await json(await push(s.url, kiosk.token, kiosk.deviceId, batch));
        expect(body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
      }
      await push(s.url, kiosk.token, kiosk.deviceId, [{ ...surveyOp(101, 'not-satisfied', { flags: ['burst'] }), at: '2026-03-20T04:00:00.000Z', hlc: formatHlc({ wall: Date.UTC(2026, 2, 20, 4), counter: 0 }) }]);
      // A dossier, then one dated three days before it by the same tablet: back-dated.
      const first = receivedOp(1);
      const backdated = receivedOp(2, { at: '2026-03-07T02:00:00.000Z', hlc: formatHlc({ wall: Date.UTC(2026, 2, 7, 2), counter: 0 }), data: { receivedAt: '2026-03-07T02:00:00.000Z' } });
      const later = receivedOp(3, { at: '2026-03-17T02:00:00.000Z', hlc: formatHlc({ wall: Date.UTC(2026, 2, 17, 2), counter: 0 }), data: { receivedAt: '2026-03-17T02:00:00.000Z' } });
      const { body: pushed } = await json(await push(s.url, desk.token, desk.deviceId, [first, backdated, later]));
      expect(pushed.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const { rows } = await s.sql.query<{ excluded: string | null; n: number }>(
        'SELECT excluded, count(*)::int AS n FROM ops WHERE commune_id = $1 GROUP BY excluded ORDER BY excluded',
        [commune.id],
      );
      expect(rows).toEqual([
        { excluded: 'backdated', n: 1 },
        { excluded: 'burst', n: 1 },
        { excluded: 'rate', n: 40 },
        { excluded: null, n: 62 },
      ]);
      const { status, body } = await report(commune.id);
      expect(status).toBe(200);
      expect(body.satisfaction).toMatchObject({ responses: 60, satisfiedRate: 1 });
      expect(body.received).toBe(2);
      expect(body.excluded).toEqual({ rate: 40, burst: 1, backdated: 1, clockAhead: 0 });
      // A tablet back from a week offline is not back-dating: its ops come in deviceSeq order.
      const week = receivedOp(4, { at: '2026-03-24T02:00:00.000Z', hlc: formatHlc({ wall: Date.UTC(2026, 2, 24, 2), counter: 0 }), data: { receivedAt: '2026-03-24T02:00:00.000Z' } });
      await push(s.url, desk.token, desk.deviceId, [week]);
      expect((await report(commune.id)).body).toMatchObject({ received: 3, excluded: { backdated: 1 } });
    });

    it('answers reports without from/to for this month so far, in Vietnam time', async () => {
      const today = vnDateKey(new Date());
      const { status, body } = await report(s.demoCommuneId, '');
      expect(status).toBe(200);
      expect(body).toMatchObject({ communeId: s.demoCommuneId, from: `${today.slice(0, 8)}01`, to: today });
      expect((await report(s.demoCommuneId, '&from=2026-03-01')).body).toMatchObject({ from: '2026-03-01', to: today });
    });

    it('reads a commune’s config back, whole or by part, with staff but never PIN hashes', async () => {
      const commune = await s.createCommune();
      const staff = [{ id: 'staff-a', name: 'Phạm Thị An', title: 'Công chức', pin: '1357' }];
      expect((await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/staff`, staff)).status).toBe(200);
      const whole = await json(await s.admin('GET', `/api/v1/admin/communes/${commune.id}/config`));
      expect(whole.status).toBe(200);
      expect(Object.keys(whole.body)).toEqual(expect.arrayContaining(['version', 'commune', 'procedures', 'calendar', 'staff', 'survey']));
      expect(whole.body.procedures.length).toBeGreaterThanOrEqual(15);
      expect(whole.body.staff).toEqual([expect.objectContaining({ id: 'staff-a', name: 'Phạm Thị An', title: 'Công chức' })]);
      const part = await json(await s.admin('GET', `/api/v1/admin/communes/${commune.id}/config/staff`));
      expect(part).toEqual({ status: 200, body: whole.body.staff });
      expect(JSON.stringify(whole.body)).not.toMatch(/pinHash|pinSalt|1357/);
      expect(await json(await s.admin('GET', `/api/v1/admin/communes/${commune.id}/config/secrets`))).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
      expect((await s.admin('GET', `/api/v1/admin/communes/nope/config`)).status).toBe(404);
    });

    it('answers bad admin input 4xx with a clear code: depth, ids, dates', async () => {
      const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
      const nested = await fetch(`${s.url}/api/v1/admin/communes/${s.demoCommuneId}/config/staff`, { method: 'PUT', headers: auth(s.adminToken), body: deep });
      expect(await json(nested)).toMatchObject({ status: 400, body: { error: { code: 'too-deep' } } });
      for (const id of ['------------------------------------', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '%00']) {
        expect(await json(await s.admin('POST', `/api/v1/admin/devices/${id}/revoke`))).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
      }
      for (const q of ['&from=2026-13-45&to=2026-12-31', '&from=2026-02-30', '&to=2026-1-1', '&from=0000-01-01&to=2026-01-01', '&from=2026-03-01&to=2026-02-01']) {
        expect(await report(s.demoCommuneId, q)).toMatchObject({ status: 400, body: { error: { code: 'invalid-query' } } });
      }
    });

    it('checks the token before reading a push body', async () => {
      // 2 MiB with no token: refused as unauthorized, not read to find out it is too large.
      const res = await fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', headers: { Authorization: 'Bearer nobody' }, body: `{"protocol":1,"ops":["${'x'.repeat(2 * 1024 * 1024)}"]}` });
      expect(await json(res)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      const noToken = await fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', body: '{not json' });
      expect(await json(noToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      const admin = await fetch(`${s.url}/api/v1/admin/communes`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) });
      expect(await json(admin)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    });
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    expect(await json(await fetch(`${s.url}/api/v1/nothing`))).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });

  it('keeps everything across a restart', async () => {
    const device = await s.newDevice(s.demoCommuneId);
    const op = receivedOp(1);
    await push(s.url, device.token, device.deviceId, [op]);
    await s.restart();
    const again = await json(await push(s.url, device.token, device.deviceId, [op]));
    expect(again.body.results[0].status).toBe('duplicate');
    const { body } = await json(await pull(s.url, device.token));
    expect(body.ops.map((o: { opId: string }) => o.opId)).toContain(op.opId);
  });

  it('slows down guessing of enrollment codes (429 after 10 failures)', async () => {
    const enroll = () => fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'ZZZZ-ZZZZ-ZZ' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await enroll()).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(await json(await enroll())).toMatchObject({ status: 429, body: { error: { code: 'too-many-attempts' } } });
  });
});

describe('enrollment codes expire', () => {
  it('answers code-used-or-expired after a day', async () => {
    let clock = new Date('2026-03-10T02:00:00Z');
    const s = await startTestServer({ db: 'pglite', now: () => clock });
    try {
      const code = await s.enrollmentCode(s.demoCommuneId);
      clock = new Date('2026-03-11T02:00:01Z');
      const res = await fetch(`${s.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) });
      expect(res.status).toBe(410);
      expect((await res.json()).error.code).toBe('code-used-or-expired');
    } finally {
      await s.close();
    }
  });
});
