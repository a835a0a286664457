import { describe, expect, it } from 'vitest';
import { allowedActions, foldDossier, formatHlc, isOverdue, type Op } from '../../../src/domain';

type FoldOp = Op & { deviceId: string };
const ID = '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
let n = 0;
function mk(deviceId: string, wall: number, type: string, data: Record<string, unknown>): FoldOp {
  n++;
  return {
    opId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceSeq: n,
    type,
    entityId: ID,
    at: new Date(Date.UTC(2026, 2, 10, 2, 0) + wall * 60_000).toISOString(),
    hlc: formatHlc({ wall: Date.UTC(2026, 2, 10, 2, 0) + wall * 60_000, counter: 0 }),
    data,
    deviceId,
  };
}
const receivedOp = (deviceId = 'tablet-a', wall = 0) =>
  mk(deviceId, wall, 'dossier.received', {
    code: 'H29-260310-01001',
    procedureId: 'khai-sinh',
    applicant: { name: 'Nguyễn Văn An', phone: '0912345678' },
    channel: 'counter',
    receivedAt: '2026-03-10T09:00:00+07:00',
    dueAt: '2026-03-13T17:00:00+07:00',
    documents: ['Tờ khai'],
    writtenByStaff: false,
    staffId: 's1',
  });
const act = (deviceId: string, wall: number, action: string, extra: Record<string, unknown> = {}) =>
  mk(deviceId, wall, 'dossier.transitioned', { action, staffId: 's1', ...extra });
const update = (deviceId: string, wall: number, changes: Record<string, unknown>) => mk(deviceId, wall, 'dossier.updated', { staffId: 's1', changes });

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('dossier lifecycle fold', () => {
  it('walks the happy path and records when processing ended', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'start-processing'), act('a', 2, 'mark-result-ready'), act('a', 3, 'return-result')]);
    expect(s.status).toBe('returned');
    expect(s.processedAt).toBe(new Date(Date.UTC(2026, 2, 10, 2, 2)).toISOString());
    expect(s.returnedAt).toBe(new Date(Date.UTC(2026, 2, 10, 2, 3)).toISOString());
    expect(s.receivedAt).toBe('2026-03-10T02:00:00.000Z'); // normalised to one sortable form
    expect(s.flags).toEqual([]);
  });

  it('gives identical state for two tablets’ ops in every arrival order', () => {
    const ops = [
      receivedOp('tablet-a', 0),
      act('tablet-a', 1, 'start-processing'),
      update('tablet-b', 2, { 'applicant.phone': '0987654321' }),
      act('tablet-b', 3, 'request-supplement', { missingDocuments: ['Giấy chứng sinh'] }),
      act('tablet-a', 3, 'refuse', { reason: 'Sai thẩm quyền' }), // same wall time: device id breaks the tie
      update('tablet-a', 4, { 'applicant.phone': '0911111111', 'applicant.address': 'Thôn 3' }),
    ];
    const expected = foldDossier(ID, ops);
    const all = permutations(ops);
    expect(all).toHaveLength(720);
    for (const order of all) expect(foldDossier(ID, order)).toEqual(expected);
    // Both at the same wall time: tablet-a sorts first, so the refusal wins and the supplement request is flagged.
    expect(expected.status).toBe('refused');
    expect(expected.applicant).toMatchObject({ phone: '0911111111', address: 'Thôn 3' });
    expect(expected.flags).toEqual([{ opId: ops[3].opId, code: 'impossible-transition' }]);
  });

  it('agrees on random orders of a long history from three tablets', () => {
    const ops = [receivedOp('t1', 0)];
    const actions = ['start-processing', 'request-supplement', 'receive-supplement', 'start-processing', 'mark-result-ready', 'return-result', 'return-result'];
    actions.forEach((a, i) => ops.push(act(`t${(i % 3) + 1}`, i + 1, a, a === 'request-supplement' ? { missingDocuments: ['X'] } : {})));
    for (let i = 0; i < 20; i++) ops.push(update(`t${(i % 3) + 1}`, 10 + (i % 5), { 'applicant.name': `Tên ${i}` }));
    const expected = foldDossier(ID, ops);
    for (let seed = 1; seed <= 200; seed++) expect(foldDossier(ID, shuffle(ops, seed))).toEqual(expected);
    expect(expected.status).toBe('returned');
    expect(expected.flags.map((f) => f.code)).toEqual(['impossible-transition']); // returned twice
    expect(expected.supplementPeriods).toHaveLength(1);
    expect(expected.supplementPeriods[0].to).toBeDefined();
  });

  it('flags instead of dropping: returned after refused, a second receipt, an op with no receipt', () => {
    const refusedThenReturned = foldDossier(ID, [receivedOp(), act('a', 1, 'refuse', { reason: 'x' }), act('b', 2, 'return-result')]);
    expect(refusedThenReturned.status).toBe('refused');
    expect(refusedThenReturned.history).toHaveLength(3);
    expect(refusedThenReturned.history[2].flagged).toBe('impossible-transition');

    expect(foldDossier(ID, [receivedOp('a', 0), receivedOp('b', 1)]).flags.map((f) => f.code)).toEqual(['duplicate-received']);
    const orphan = foldDossier(ID, [act('a', 1, 'start-processing')]);
    expect(orphan.status).toBe('unknown');
    expect(orphan.flags.map((f) => f.code)).toEqual(['missing-received']);
  });

  it('applies field corrections last-writer-wins per field', () => {
    const s = foldDossier(ID, [
      receivedOp(),
      update('b', 5, { 'applicant.phone': '0987654321' }),
      update('a', 3, { 'applicant.phone': '0911111111', 'applicant.name': 'Nguyễn Văn Ân' }),
    ]);
    expect(s.applicant).toEqual({ name: 'Nguyễn Văn Ân', phone: '0987654321' });
  });

  it('moves the due date on apology-and-extension and keeps the original', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'apologize-extend', { reason: 'Chờ xác minh', newDueAt: '2026-03-20T17:00:00+07:00' })]);
    expect(s.status).toBe('received');
    expect(s.extended).toBe(true);
    expect(s.dueAt).toBe('2026-03-20T10:00:00.000Z');
    expect(s.originalDueAt).toBe('2026-03-13T10:00:00.000Z');
  });

  it('offers only the valid actions per status and knows when a dossier is late', () => {
    expect(allowedActions('received')).toEqual(['start-processing', 'request-supplement', 'refuse', 'withdraw', 'apologize-extend']);
    expect(allowedActions('result-ready')).toEqual(['return-result']);
    expect(allowedActions('returned')).toEqual([]);
    const s = foldDossier(ID, [receivedOp()]);
    expect(isOverdue(s, new Date('2026-03-13T09:59:00Z'))).toBe(false);
    expect(isOverdue(s, new Date('2026-03-13T10:01:00Z'))).toBe(true);
    expect(isOverdue({ ...s, status: 'result-ready' }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
});
