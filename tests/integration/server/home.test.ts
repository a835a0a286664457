import { describe, expect, it } from 'vitest';
import { useServerOn } from '../../support/server-per-backend';
import type { Backend } from '../../support/test-server';
import { makeOp, pull, push, receivedOp, T0, transitionOp } from '../../support/ops';
import { newId } from '../../../src/domain';

const signature = { kind: 'signature', svg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1L20 20"/></svg>', signedAt: new Date(T0).toISOString(), signerName: 'Bà Tư' };
const statuses = async (res: Response) => ((await res.json()) as { results: { status: string; error?: { code: string; message: string } }[] }).results;

describe.each<Backend>(['pglite', 'postgres'])('home service on the server (%s)', (backend) => {
  const s = useServerOn(backend);

  it('folds client edits from two tablets and counts clients, visits and dossiers at home in the report', async () => {
    const commune = await s.createCommune();
    const a = await s.newDevice(commune.id, 'mobile');
    const b = await s.newDevice(commune.id, 'mobile');
    const counter = await s.newDevice(commune.id, 'counter');
    const tu = newId();
    const hoa = newId();
    const [visitDone, visitLater, visitNotHome] = [newId(), newId(), newId()];
    // A dossier received at the counter earlier, whose result is taken to Bà Tư's home.
    const atCounter = receivedOp(1);
    expect((await statuses(await push(s.url, counter.token, counter.deviceId, [atCounter, transitionOp(2, atCounter.entityId, 'start-processing'), transitionOp(3, atCounter.entityId, 'mark-result-ready')]))).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const atHome = receivedOp(4, { data: { channel: 'home', signature: { kind: 'fingerprint', signedAt: new Date(T0).toISOString(), signerName: 'Bà Tư' } } });
    const opsA = [
      makeOp('home.client-registered', { name: 'Bà Tư', address: 'Xóm 2', village: 'Thôn Đông', reason: 'elderly', consent: true }, { entityId: tu, deviceSeq: 1, wall: T0 }),
      makeOp('home.client-registered', { name: 'Ông Hòa', address: 'Xóm 5', reason: 'disabled', consent: true }, { entityId: hoa, deviceSeq: 2, wall: T0 }),
      makeOp('home.visit-planned', { clientId: tu, date: '2026-03-10', purpose: 'return', dossierId: atCounter.entityId, staffId: 'staff-lan' }, { entityId: visitDone, deviceSeq: 3, wall: T0 }),
      makeOp('home.visit-planned', { clientId: hoa, date: '2026-03-10', purpose: 'receive', staffId: 'staff-lan' }, { entityId: visitNotHome, deviceSeq: 4, wall: T0 }),
      makeOp('home.visit-planned', { clientId: hoa, date: '2026-04-02', purpose: 'receive', staffId: 'staff-lan' }, { entityId: visitLater, deviceSeq: 5, wall: T0 }),
      { ...atHome, deviceSeq: 6 },
      transitionOp(7, atCounter.entityId, 'return-result', { signature, place: 'Xóm 2, Thôn Đông' }),
      makeOp('home.visit-completed', { visitId: visitDone, outcome: 'done', arrivedAt: new Date(T0 + 3_000_000).toISOString(), leftAt: new Date(T0 + 4_000_000).toISOString(), dossierIds: [atHome.entityId, atCounter.entityId], staffId: 'staff-lan' }, { entityId: visitDone, deviceSeq: 8, wall: T0 + 4_000_000 }),
      makeOp('home.visit-completed', { visitId: visitNotHome, outcome: 'not-home', staffId: 'staff-lan' }, { entityId: visitNotHome, deviceSeq: 9, wall: T0 + 5_000_000 }),
      // A moves Bà Tư to the sick list; B, later, corrects her phone; an older edit of B loses the reason.
      makeOp('home.client-updated', { changes: { reason: 'sick' } }, { entityId: tu, deviceSeq: 10, wall: T0 + 60_000 }),
    ];
    expect((await statuses(await push(s.url, a.token, a.deviceId, opsA))).every((r) => r.status === 'applied')).toBe(true);
    const opsB = [
      makeOp('home.client-updated', { changes: { reason: 'other' } }, { entityId: tu, deviceSeq: 1, wall: T0 + 30_000 }),
      makeOp('home.client-updated', { changes: { phone: '0912345678' } }, { entityId: tu, deviceSeq: 2, wall: T0 + 90_000 }),
    ];
    expect((await statuses(await push(s.url, b.token, b.deviceId, opsB))).every((r) => r.status === 'applied')).toBe(true);

    const { rows } = await s.sql.query<{ reason: string }>('SELECT reason FROM home_clients WHERE id = $1', [tu]);
    expect(rows).toEqual([{ reason: 'sick' }]);
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-03-01&to=2026-03-31`)).json();
    expect(report.home).toEqual({
      clients: 2,
      visitsPlanned: 2,
      visitsDone: 1,
      dossiersAtHome: 2,
      dossiersReceivedAtHome: 1,
      dossiersReturnedAtHome: 1,
      byReason: { sick: { clients: 1, visitsPlanned: 1, visitsDone: 1 }, disabled: { clients: 1, visitsPlanned: 1, visitsDone: 0 } },
    });
    // The report rows hold no name, address or phone.
    const columns = await s.sql.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('home_clients', 'home_visits')`);
    expect(columns.rows.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['name']));
    // The signature came through as sent.
    const pulled = await (await pull(s.url, a.token)).json();
    expect(pulled.ops.find((o: { opId: string }) => o.opId === atHome.opId).data.signature).toMatchObject({ kind: 'fingerprint', signerName: 'Bà Tư' });
  });

  it('keeps the registry from kiosks: they may not send home ops nor pull', async () => {
    const commune = await s.createCommune();
    const kiosk = await s.newDevice(commune.id, 'kiosk');
    const [result] = await statuses(await push(s.url, kiosk.token, kiosk.deviceId, [makeOp('home.client-registered', { name: 'Bà Tư', address: 'Xóm 2', reason: 'elderly' })]));
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'forbidden-op' } });
    expect((await pull(s.url, kiosk.token)).status).toBe(403);
  });

  it('refuses a signature over 16 KB, naming the field', async () => {
    const commune = await s.createCommune();
    const mobile = await s.newDevice(commune.id, 'mobile');
    const big = { ...signature, svg: `<svg xmlns="http://www.w3.org/2000/svg"><path d="${'M1 1'.repeat(5000)}"/></svg>` };
    const [result] = await statuses(await push(s.url, mobile.token, mobile.deviceId, [receivedOp(1, { data: { channel: 'home', signature: big } })]));
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'invalid-op', message: expect.stringContaining('data.signature.svg') } });
  });
});
