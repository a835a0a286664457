import { describe, expect, it } from 'vitest';
import { useServerOn } from '../../support/server-per-backend';
import type { Backend } from '../../support/test-server';
import { makeOp, push, receivedOp, T0, transitionOp } from '../../support/ops';
import { longevitySuggested } from '../../../src/server/projections/letters';

// The server's report rows for letters (issue 14): issued and delivered by kind, suggested and
// not issued, and the decree's once-only supplement in the on-time figures, on both databases.

const letterOp = (seq: number, letterId: string, data: Record<string, unknown>, hours = 2) =>
  makeOp('letter.issued', { templateId: data.kind, recipientName: 'Lê Thị Mai', body: 'Kính gửi', staffId: 'staff-lan', ...data }, { deviceSeq: seq, entityId: letterId, wall: T0 + hours * 3_600_000 });
const deliveryOp = (seq: number, letterId: string, method = 'in-person', entityId = letterId) =>
  makeOp('letter.delivered', { letterId, staffId: 'staff-lan', deliveredAt: new Date(T0 + 5 * 3_600_000).toISOString(), method }, { deviceSeq: seq, entityId, wall: T0 + 5 * 3_600_000 });

describe.each<Backend>(['pglite', 'postgres'])('letters in the report on %s', (backend) => {
  const s = useServerOn(backend);

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

  it('counts the longevity letters due this year and not issued the way the tablets suggest them: clients’ birth years (cleared ones too) and letters naming the client', async () => {
    const commune = await s.createCommune();
    const tablet = await s.newDevice(commune.id, 'mobile');
    const [tho, tu, cuong, nam] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const client = (seq: number, id: string, birthYear: number) =>
      makeOp('home.client-registered', { name: `Cụ ${seq}`, address: 'Thôn Đông', birthYear, reason: 'elderly', consent: true }, { deviceSeq: seq, entityId: id });
    const ops = [
      client(1, tho, 1946), // 80 in 2026
      client(2, tu, 1945), // 81: none due
      client(3, cuong, 1926), // 100
      client(4, nam, 1956), // 70, but the birth year is cleared below
      makeOp('home.client-updated', { changes: {}, clear: ['birthYear'] }, { deviceSeq: 5, entityId: nam }),
    ];
    await push(s.url, tablet.token, tablet.deviceId, ops);
    expect((await longevitySuggested(s.sql, commune.id, '2026-03-31')).length).toBe(2);
    // The report's letters block counts them as suggested and not issued.
    expect((await report(commune.id)).letters.byKind.longevity).toMatchObject({ issued: 0, suggested: 2 });
    const { rows } = await s.sql.query<{ id: string; birth_year: number | null }>('SELECT id, birth_year FROM home_clients WHERE commune_id = $1', [commune.id]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.birth_year === null ? null : Number(r.birth_year)]))).toEqual({ [tho]: 1946, [tu]: 1945, [cuong]: 1926, [nam]: null });

    // A longevity letter for the 80-year-old: the 100-year-old is left.
    await push(s.url, tablet.token, tablet.deviceId, [letterOp(6, crypto.randomUUID(), { kind: 'longevity', clientId: tho, occasion: 'mừng thọ 80 tuổi' })]);
    expect(await longevitySuggested(s.sql, commune.id, '2026-03-31')).toEqual(['longevity']);
    expect((await report(commune.id)).letters.byKind.longevity).toMatchObject({ issued: 1, suggested: 1 });
    // A report of 2025 counts nobody: they joined the list in 2026 (Bà Tư turned 80 in 2025).
    expect(await longevitySuggested(s.sql, commune.id, '2025-12-31')).toEqual([]);
    expect(await longevitySuggested(s.sql, commune.id, '2027-03-31')).toEqual(['longevity']); // 2027: only the one turning 101
  });
});
