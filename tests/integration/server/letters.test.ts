import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { freshDatabase, startTestServer, type Backend, type TestServer } from '../../support/test-server';
import { makeOp, push, receivedOp, T0, transitionOp } from '../../support/ops';

// The server's report rows for letters (issue 14): issued and delivered by kind, suggested and
// not issued, and the decree's once-only supplement in the on-time figures, on both databases.

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

async function serverFor(backend: Backend): Promise<TestServer> {
  if (backend === 'pglite') return startTestServer({ db: 'pglite' });
  cluster ??= await startPostgres();
  return startTestServer({ db: 'postgres', pgUrl: await freshDatabase(cluster.url) });
}

const letterOp = (seq: number, letterId: string, data: Record<string, unknown>, hours = 2) =>
  makeOp('letter.issued', { templateId: data.kind, recipientName: 'Lê Thị Mai', body: 'Kính gửi', staffId: 'staff-lan', ...data }, { deviceSeq: seq, entityId: letterId, wall: T0 + hours * 3_600_000 });
const deliveryOp = (seq: number, letterId: string, method = 'in-person', entityId = letterId) =>
  makeOp('letter.delivered', { letterId, staffId: 'staff-lan', deliveredAt: new Date(T0 + 5 * 3_600_000).toISOString(), method }, { deviceSeq: seq, entityId, wall: T0 + 5 * 3_600_000 });

describe.each<Backend>(['pglite', 'postgres'])('letters in the report on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await serverFor(backend);
  }, 180_000); // PGlite can take 20+ s to open on a loaded machine
  afterAll(() => s?.close());

  const report = async (communeId: string) =>
    (await s.admin('GET', `/api/v1/admin/reports?communeId=${communeId}&from=2026-03-01&to=2026-03-31`)).json();

  it('counts letters issued and delivered by kind, and the letters the dossiers called for that were not issued', async () => {
    const commune = await s.createCommune();
    const tablet = await s.newDevice(commune.id, 'counter');
    const death = receivedOp(1, { data: { procedureId: 'khai-tu' } });
    const birth = receivedOp(2, { data: { procedureId: 'khai-sinh' } });
    const condolence = crypto.randomUUID();
    const thanks = crypto.randomUUID();
    const lateDelivered = crypto.randomUUID();
    let seq = 3;
    const ops = [death, birth];
    for (const d of [death, birth]) for (const action of ['start-processing', 'mark-result-ready', 'return-result']) ops.push(transitionOp(seq++, d.entityId, action));
    ops.push(letterOp(seq++, condolence, { kind: 'condolence', templateVersion: 1, dossierId: death.entityId }));
    ops.push(deliveryOp(seq++, condolence, 'at-home'));
    ops.push(letterOp(seq++, thanks, { kind: 'thanks', occasion: 'góp ý xây dựng' }));
    // A delivery pushed before its letter, under an entity id of its own (an outside client).
    ops.push(deliveryOp(seq++, lateDelivered, 'post', crypto.randomUUID()));
    const res = await (await push(s.url, tablet.token, tablet.deviceId, ops)).json();
    expect(res.results.map((r: { status: string }) => r.status)).toEqual(ops.map(() => 'applied'));
    const later = letterOp(seq++, lateDelivered, { kind: 'longevity', occasion: 'mừng thọ 90 tuổi' });
    expect((await (await push(s.url, tablet.token, tablet.deviceId, [later])).json()).results[0].status).toBe('applied');

    expect((await report(commune.id)).letters).toEqual({
      issued: 3,
      delivered: 2,
      suggested: 1,
      deliveredRate: 2 / 3,
      // DESIGN.md's letter settlement rate: the congratulation never issued counts as not delivered.
      settlementRate: 2 / 4,
      byKind: {
        apology: { issued: 0, delivered: 0, suggested: 0 },
        thanks: { issued: 1, delivered: 0, suggested: 0 },
        congratulation: { issued: 0, delivered: 0, suggested: 1 },
        condolence: { issued: 1, delivered: 1, suggested: 0 },
        longevity: { issued: 1, delivered: 1, suggested: 0 },
      },
    });
    // The report rows keep no recipient name or text: the figures do not need them.
    const { rows } = await s.sql.query<Record<string, unknown>>('SELECT * FROM letters WHERE commune_id = $1', [commune.id]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.values(row).map(String).join(' ')).not.toContain('Lê Thị Mai');
  });

  it('counts the first delivery once, and ignores a delivery naming another commune’s letter', async () => {
    const a = await s.createCommune();
    const b = await s.createCommune();
    const ta = await s.newDevice(a.id, 'counter');
    const tb = await s.newDevice(b.id, 'counter');
    const letter = crypto.randomUUID();
    await push(s.url, ta.token, ta.deviceId, [letterOp(1, letter, { kind: 'thanks' }), deliveryOp(2, letter, 'in-person'), deliveryOp(3, letter, 'post', crypto.randomUUID())]);
    await push(s.url, tb.token, tb.deviceId, [deliveryOp(1, letter, 'post', crypto.randomUUID())]);
    expect((await report(a.id)).letters).toMatchObject({ issued: 1, delivered: 1, byKind: { thanks: { issued: 1, delivered: 1 } } });
    expect((await report(b.id)).letters).toMatchObject({ issued: 0, delivered: 0 });
    const { rows } = await s.sql.query<{ delivery_method: string }>('SELECT delivery_method FROM letters WHERE id = $1', [letter]);
    expect(rows).toEqual([{ delivery_method: 'in-person' }]);
  });

  it('counts a dossier settled early but asked twice for a supplement as late, and suggests its apology', async () => {
    const commune = await s.createCommune();
    const tablet = await s.newDevice(commune.id, 'counter');
    const d = receivedOp(1, { data: { procedureId: 'chung-thuc-chu-ky' } });
    const supplement = { missingDocuments: ['Tờ khai'] };
    const ops = [
      d,
      transitionOp(2, d.entityId, 'request-supplement', supplement),
      transitionOp(3, d.entityId, 'receive-supplement'),
      transitionOp(4, d.entityId, 'start-processing'),
      transitionOp(5, d.entityId, 'request-supplement', supplement),
      transitionOp(6, d.entityId, 'receive-supplement'),
      transitionOp(7, d.entityId, 'mark-result-ready'),
    ];
    await push(s.url, tablet.token, tablet.deviceId, ops);
    const r = await report(commune.id);
    expect(r).toMatchObject({ settled: 1, early: 0, onTime: 0, late: 1 });
    expect(r.letters).toMatchObject({ suggested: 1, byKind: { apology: { suggested: 1 } } });
  });
});
