import { describe, expect, it } from 'vitest';
import { dayPlan, foldHomeClient, foldHomeVisit, newId, validateOp, type FoldOp, type HomeClient, type HomeVisit } from '../../../../src/domain';
import { makeOp, T0 } from '../../../support/ops';

const on = (deviceId: string, op: ReturnType<typeof makeOp>): FoldOp => ({ ...op, deviceId });

describe('home client registry fold', () => {
  const id = newId();
  const registered = on('tab-a', makeOp('home.client-registered', { name: 'Bà Nguyễn Thị Tư', address: 'Xóm 2, thôn Đông', village: 'Thôn Đông', phone: '0912345678', reason: 'elderly', consent: true }, { entityId: id, wall: T0 }));
  // Tablet B corrects the phone a minute later, tablet A the address two minutes later, offline both.
  const phoneOnB = on('tab-b', makeOp('home.client-updated', { changes: { phone: '0987654321' } }, { entityId: id, wall: T0 + 60_000 }));
  const addressOnA = on('tab-a', makeOp('home.client-updated', { changes: { address: 'Xóm 3, thôn Đông' } }, { entityId: id, wall: T0 + 120_000, deviceSeq: 2 }));
  // An older phone edit made on A with a clock behind B's: it loses to B's later one.
  const oldPhoneOnA = on('tab-a', makeOp('home.client-updated', { changes: { phone: '0911111111', reason: 'sick' } }, { entityId: id, wall: T0 + 30_000, deviceSeq: 3 }));

  it('keeps both tablets’ edits, last writer per field by HLC, in any order', () => {
    const orders = [
      [registered, phoneOnB, addressOnA, oldPhoneOnA],
      [oldPhoneOnA, addressOnA, phoneOnB, registered],
      [phoneOnB, registered, oldPhoneOnA, addressOnA],
    ];
    const folds = orders.map((ops) => foldHomeClient(id, ops));
    for (const client of folds) {
      expect(client).toMatchObject({ name: 'Bà Nguyễn Thị Tư', phone: '0987654321', address: 'Xóm 3, thôn Đông', reason: 'sick', village: 'Thôn Đông', consent: true });
      expect(client?.updatedAt).toBe(addressOnA.at);
    }
  });

  it('breaks an HLC tie by device id, the same on every tablet', () => {
    const a = on('tab-a', makeOp('home.client-updated', { changes: { village: 'Thôn A' } }, { entityId: id, wall: T0 + 5000 }));
    const b = on('tab-b', makeOp('home.client-updated', { changes: { village: 'Thôn B' } }, { entityId: id, wall: T0 + 5000 }));
    expect(foldHomeClient(id, [registered, b, a])?.village).toBe('Thôn B');
    expect(foldHomeClient(id, [a, registered, b])?.village).toBe('Thôn B');
  });

  it('clears a field as a write of its own: the last writer by HLC wins, other fields and other tablets’ edits stay', () => {
    // Tablet B clears the phone and contact; tablet A, later, sets a new phone; an earlier edit on A loses to the clear.
    const clearOnB = on('tab-b', makeOp('home.client-updated', { changes: {}, clear: ['phone', 'village'] }, { entityId: id, wall: T0 + 90_000, deviceSeq: 4 }));
    const newPhoneOnA = on('tab-a', makeOp('home.client-updated', { changes: { phone: '0977777777' } }, { entityId: id, wall: T0 + 150_000, deviceSeq: 5 }));
    for (const ops of [
      [registered, phoneOnB, clearOnB, addressOnA],
      [addressOnA, clearOnB, registered, phoneOnB],
    ]) {
      const client = foldHomeClient(id, ops)!;
      expect(client).toMatchObject({ name: 'Bà Nguyễn Thị Tư', address: 'Xóm 3, thôn Đông', reason: 'elderly' });
      expect(client).not.toHaveProperty('phone');
      expect(client).not.toHaveProperty('village');
    }
    expect(foldHomeClient(id, [newPhoneOnA, clearOnB, registered])).toMatchObject({ phone: '0977777777' });
    expect(foldHomeClient(id, [newPhoneOnA, clearOnB, registered])).not.toHaveProperty('village');
  });

  it('accepts a clear list (with or without changes), 1.0 updates as before, and refuses a field both set and cleared or an unclearable one', () => {
    expect(validateOp(makeOp('home.client-updated', { changes: {}, clear: ['phone', 'idNumber', 'contact'] })).ok).toBe(true);
    expect(validateOp(makeOp('home.client-updated', { changes: { note: 'Đi lại khó' }, clear: ['phone'] })).ok).toBe(true);
    expect(validateOp(makeOp('home.client-updated', { changes: { phone: '0912345678' } })).ok).toBe(true);
    expect(validateOp(makeOp('home.client-updated', { changes: {} })).ok).toBe(false);
    expect(validateOp(makeOp('home.client-updated', { changes: { phone: '0912345678' }, clear: ['phone'] })).ok).toBe(false);
    expect(validateOp(makeOp('home.client-updated', { changes: {}, clear: ['name'] })).ok).toBe(false);
    expect(validateOp(makeOp('home.client-updated', { changes: {}, clear: [] })).ok).toBe(false);
  });

  it('has no client before the registration arrives', () => {
    expect(foldHomeClient(id, [phoneOnB])).toBeUndefined();
  });
});

const clients = new Map<string, HomeClient>();
function client(name: string, village: string | undefined, address = 'Xóm 1'): HomeClient {
  const c: HomeClient = { id: newId(), name, address, ...(village ? { village } : {}), reason: 'elderly', registeredAt: '', updatedAt: '' };
  clients.set(c.id, c);
  return c;
}
let planned = 0;
function visit(c: HomeClient, date: string, over: Partial<HomeVisit> = {}): HomeVisit {
  planned++;
  return { id: newId(), clientId: c.id, date, purpose: 'receive', staffId: 'staff-lan', plannedAt: new Date(T0 + planned * 1000).toISOString(), dossierIds: [], letterIds: [], ...over };
}

describe('day plan', () => {
  const hoa = client('Nguyễn Thị Hòa', 'Thôn Đồng Tâm');
  const an = client('Lê Văn An', 'Thôn Bắc');
  const binh = client('Trần Bình', 'thôn Bắc', 'Xóm 0');
  const nowhere = client('Vũ Dũng', undefined);
  const tu = client('Bà Tư', 'Thôn Nam');

  it('orders the day by village (diacritics folded), then address, those with no village last', () => {
    const visits = [visit(nowhere, '2026-03-12'), visit(hoa, '2026-03-12'), visit(an, '2026-03-12'), visit(binh, '2026-03-12'), visit(tu, '2026-03-13')];
    const plan = dayPlan(visits, clients, '2026-03-12', '2026-03-12');
    expect(plan.day.map((p) => p.client?.name)).toEqual(['Trần Bình', 'Lê Văn An', 'Nguyễn Thị Hòa', 'Vũ Dũng']);
  });

  it('shows earlier visits nobody recorded as overdue, and only those', () => {
    const old = visit(hoa, '2026-03-09');
    const older = visit(an, '2026-03-05');
    const done = visit(tu, '2026-03-10', { outcome: 'done' });
    const plan = dayPlan([old, done, older, visit(binh, '2026-03-12')], clients, '2026-03-12', '2026-03-12');
    expect(plan.overdue.map((p) => p.visit.id)).toEqual([older.id, old.id]);
  });

  it('shows a visit that found nobody home as missed until another is planned for that person', () => {
    const notHome = visit(hoa, '2026-03-10', { outcome: 'not-home' });
    const postponed = visit(an, '2026-03-11', { outcome: 'postponed' });
    expect(dayPlan([notHome, postponed], clients, '2026-03-12', '2026-03-12').missed.map((p) => p.client?.name)).toEqual(['Nguyễn Thị Hòa', 'Lê Văn An']);
    const again = visit(hoa, '2026-03-14');
    expect(dayPlan([notHome, postponed, again], clients, '2026-03-12', '2026-03-12').missed.map((p) => p.client?.name)).toEqual(['Lê Văn An']);
  });

  it('narrows to one officer', () => {
    const mine = visit(hoa, '2026-03-12');
    const theirs = visit(an, '2026-03-12', { staffId: 'staff-minh' });
    expect(dayPlan([mine, theirs], clients, '2026-03-12', '2026-03-12', 'staff-minh').day.map((p) => p.visit.id)).toEqual([theirs.id]);
  });
});

describe('home visit fold and schemas', () => {
  it('takes the last outcome and adds up the dossiers of every completion', () => {
    const id = newId();
    const [d1, d2] = [newId(), newId()];
    const plan = on('a', makeOp('home.visit-planned', { clientId: newId(), date: '2026-03-12', purpose: 'receive', staffId: 'staff-lan' }, { entityId: id }));
    const first = on('a', makeOp('home.visit-completed', { visitId: id, outcome: 'not-home', staffId: 'staff-lan' }, { entityId: id, deviceSeq: 2 }));
    const second = on('b', makeOp('home.visit-completed', { visitId: id, outcome: 'done', arrivedAt: '2026-03-12T02:05:00.000Z', leftAt: '2026-03-12T02:40:00.000Z', dossierIds: [d1], staffId: 'staff-lan' }, { entityId: id, deviceSeq: 3 }));
    const legacy = on('c', makeOp('home.visit-completed', { visitId: id, dossierId: d2, outcome: 'Đã nhận hồ sơ', staffId: 'staff-lan' }, { entityId: id, deviceSeq: 4 }));
    expect(foldHomeVisit(id, [second, plan, first])).toMatchObject({ outcome: 'done', arrivedAt: '2026-03-12T02:05:00.000Z', dossierIds: [d1] });
    // A 1.0 client's free text is a visit done, the text kept as its note.
    expect(foldHomeVisit(id, [legacy, second, plan, first])).toMatchObject({ outcome: 'done', note: 'Đã nhận hồ sơ', dossierIds: [d1, d2] });
  });

  it('accepts a signature up to 16 KB and a fingerprint without one', () => {
    const base = { code: 'H29-260312-01001', procedureId: 'chung-thuc', applicant: { name: 'Bà Tư' }, channel: 'home', receivedAt: '2026-03-12T02:10:00.000Z', dueAt: '2026-03-12T10:00:00.000Z', documents: [], writtenByStaff: true, staffId: 'staff-lan' };
    const signed = (signature: unknown) => validateOp(makeOp('dossier.received', { ...base, signature }));
    const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><path d="${'M1 1'.repeat(n)}"/></svg>`;
    expect(signed({ kind: 'signature', svg: svg(100), signedAt: '2026-03-12T02:10:00.000Z', signerName: 'Bà Tư' }).ok).toBe(true);
    expect(signed({ kind: 'signature', svg: svg(5000), signedAt: '2026-03-12T02:10:00.000Z', signerName: 'Bà Tư' })).toMatchObject({ ok: false, message: expect.stringContaining('16 KB') });
    expect(signed({ kind: 'fingerprint', signedAt: '2026-03-12T02:10:00.000Z', signerName: 'Bà Tư' }).ok).toBe(true);
    expect(signed({ kind: 'signature', signedAt: '2026-03-12T02:10:00.000Z', signerName: 'Bà Tư' }).ok).toBe(false);
    const checked = signed({ kind: 'fingerprint', signedAt: '2026-03-12T02:10:00.000Z', signerName: 'Bà Tư' });
    expect(checked.ok && checked.op.data.signature).toMatchObject({ kind: 'fingerprint' });
  });
});
