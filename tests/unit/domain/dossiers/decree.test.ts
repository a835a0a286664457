import { describe, expect, it } from 'vitest';
import {
  apologySignal,
  canExtend,
  canRequestSupplement,
  computeDueAt,
  dossierTimeliness,
  foldDossier,
  handOverRows,
  isApologyTimely,
  isEarlyReturn,
  validateOp,
  vnDateTime,
  type CalendarData,
  type FoldOp,
} from '../../../../src/domain';
import { makeOp, T0 } from '../../../support/ops';

// Decree 118/2025's one-stop rules: once-only supplement and extension, the apology one working
// day ahead, the 15:00 rule, early return, and the hand-overs of form 06.

const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [{ date: '2026-04-30', name: '30/4' }, { date: '2026-05-01', name: '1/5' }],
  workingWeekends: [],
};
const vn = (day: string, hhmm = '09:00') => vnDateTime(day, hhmm);
const ID = '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
let seq = 0;
function op(deviceId: string, minute: number, type: string, data: Record<string, unknown>): FoldOp {
  seq++;
  return { ...makeOp(type, data, { deviceSeq: seq, entityId: ID, wall: T0 + minute * 60_000 }), deviceId };
}
const received = () =>
  op('tablet-a', 0, 'dossier.received', {
    code: 'H26-260310-01001',
    procedureId: 'khai-sinh',
    applicant: { name: 'Nguyễn Văn An' },
    channel: 'counter',
    receivedAt: '2026-03-10T09:00:00+07:00',
    dueAt: '2026-03-13T17:00:00+07:00',
    documents: ['Tờ khai'],
    writtenByStaff: false,
    staffId: 's1',
  });
const act = (deviceId: string, minute: number, action: string, extra: Record<string, unknown> = {}) =>
  op(deviceId, minute, 'dossier.transitioned', { action, staffId: 's1', ...extra });
const supplement = (device: string, m: number) => act(device, m, 'request-supplement', { missingDocuments: ['Giấy chứng sinh'] });
const extend = (device: string, m: number, newDueAt = '2026-03-20T17:00:00+07:00') =>
  act(device, m, 'apologize-extend', { reason: 'Chờ xác minh', newDueAt });

describe('a supplement is requested once', () => {
  it('lets the counter ask once and refuses a second request', () => {
    const first = foldDossier(ID, [received(), act('a', 1, 'start-processing')]);
    expect(canRequestSupplement(first)).toBe(true);
    const asked = foldDossier(ID, [received(), supplement('a', 1), act('a', 2, 'receive-supplement')]);
    expect(asked.supplementRequests).toBe(1);
    expect(canRequestSupplement(asked)).toBe(false);
  });

  it('keeps a second request made on another tablet, flags it and counts the dossier late', () => {
    // Both tablets asked while processing: the later one (by HLC) finds the dossier already waiting.
    const ops = [received(), act('a', 1, 'start-processing'), supplement('tablet-a', 5), supplement('tablet-b', 6)];
    for (const order of [ops, [...ops].reverse()]) {
      const s = foldDossier(ID, order);
      expect(s.status).toBe('supplement-requested');
      expect(s.supplementRequests).toBe(2);
      // The lifecycle cannot apply it (already waiting), so it is flagged for review, and counted.
      expect(s.flags).toEqual([{ opId: ops[3].opId, code: 'impossible-transition' }]);
      expect(s.history.find((e) => e.opId === ops[3].opId)!.flagged).toBe('impossible-transition');
    }
    const settled = foldDossier(ID, [...ops, act('a', 30, 'receive-supplement'), act('a', 40, 'mark-result-ready')]);
    expect(settled.status).toBe('result-ready');
    // Settled well before the due date, yet late: the decree allows one request only.
    expect(dossierTimeliness(settled, cal)).toBe('late');
    const once = foldDossier(ID, [received(), supplement('a', 5), act('a', 30, 'receive-supplement'), act('a', 40, 'mark-result-ready')]);
    expect(dossierTimeliness(once, cal)).toBe('early');
  });

  it('also flags a second request after the first supplement came in', () => {
    const s = foldDossier(ID, [received(), supplement('a', 1), act('a', 2, 'receive-supplement'), act('a', 3, 'start-processing'), supplement('b', 4)]);
    expect(s.status).toBe('supplement-requested');
    expect(s.flags.map((f) => f.code)).toEqual(['second-supplement']);
    expect(s.supplementPeriods).toHaveLength(2);
  });
});

describe('the apology and extension', () => {
  it('is allowed once; a second from another tablet moves the date but is flagged', () => {
    const once = foldDossier(ID, [received(), extend('a', 1)]);
    expect(canExtend(once)).toBe(false);
    expect(once.flags).toEqual([]);
    const twice = foldDossier(ID, [received(), extend('a', 1), extend('b', 2, '2026-03-27T17:00:00+07:00')]);
    expect(twice.dueAt).toBe('2026-03-27T10:00:00.000Z');
    expect(twice.flags.map((f) => f.code)).toEqual(['second-extension']);
    expect(canExtend(foldDossier(ID, [received()]))).toBe(true);
  });

  it('comes at least one working day before the due date', () => {
    const due = vn('2026-03-13', '17:00').toISOString(); // Friday
    expect(isApologyTimely(cal, due, vn('2026-03-11', '16:00'))).toBe(true);
    expect(isApologyTimely(cal, due, vn('2026-03-12', '16:59'))).toBe(true); // Thursday: the last day
    expect(isApologyTimely(cal, due, vn('2026-03-13', '08:00'))).toBe(false); // the due day itself
    // Due Monday: Friday is the last day, the weekend does not count.
    const monday = vn('2026-03-16', '17:00').toISOString();
    expect(isApologyTimely(cal, monday, vn('2026-03-13', '10:00'))).toBe(true);
    expect(isApologyTimely(cal, monday, vn('2026-03-14', '10:00'))).toBe(false);
    // Due Monday 4 May after 30/4 and 1/5: Wednesday 29/4 is the last working day before it.
    const afterHolidays = vn('2026-05-04', '17:00').toISOString();
    expect(isApologyTimely(cal, afterHolidays, vn('2026-04-29', '15:00'))).toBe(true);
    expect(isApologyTimely(cal, afterHolidays, vn('2026-05-01', '09:00'))).toBe(false);
  });

  it('signals "due tomorrow, not ready: apologise now" on the last allowed day, and late after it', () => {
    const d = { status: 'processing' as const, dueAt: vn('2026-03-16', '17:00').toISOString(), extended: false };
    expect(apologySignal(d, cal, vn('2026-03-12'))).toBeNull();
    expect(apologySignal(d, cal, vn('2026-03-13'))).toBe('apologise-now'); // Friday before a Monday due day
    expect(apologySignal(d, cal, vn('2026-03-14'))).toBe('apology-late'); // Saturday: no working day left
    expect(apologySignal(d, cal, vn('2026-03-16'))).toBe('apology-late');
    expect(apologySignal(d, cal, vn('2026-03-18'))).toBe('apology-late');
    expect(apologySignal({ ...d, extended: true }, cal, vn('2026-03-13'))).toBeNull();
    expect(apologySignal({ ...d, status: 'result-ready' }, cal, vn('2026-03-13'))).toBeNull();
    expect(apologySignal({ ...d, status: 'supplement-requested' }, cal, vn('2026-03-13'))).toBe('apologise-now');
  });
});

describe('the 15:00 rule', () => {
  it('counts a dossier received after 15:00 from the next working day', () => {
    const sameDay = { unit: 'same-day' } as const;
    expect(computeDueAt(cal, vn('2026-03-10', '14:59'), sameDay).toISOString()).toBe(vn('2026-03-10', '17:00').toISOString());
    expect(computeDueAt(cal, vn('2026-03-10', '15:01'), sameDay).toISOString()).toBe(vn('2026-03-11', '17:00').toISOString());
    // Friday 15:30 → handed on Monday.
    expect(computeDueAt(cal, vn('2026-03-13', '15:30'), sameDay).toISOString()).toBe(vn('2026-03-16', '17:00').toISOString());
    // Working days count from the day after the receipt, which is the next working day anyway.
    const three = { unit: 'working-days', value: 3 } as const;
    expect(computeDueAt(cal, vn('2026-03-10', '15:30'), three).toISOString()).toBe(vn('2026-03-13', '17:00').toISOString());
  });
});

describe('early return', () => {
  it('is a return before the appointment day', () => {
    const d = { dueAt: vn('2026-03-13', '17:00').toISOString() };
    expect(isEarlyReturn(d, vn('2026-03-12', '16:00'))).toBe(true);
    expect(isEarlyReturn(d, vn('2026-03-13', '08:00'))).toBe(false);
  });

  it('records that the citizen was told', () => {
    const s = foldDossier(ID, [received(), act('a', 1, 'start-processing'), act('a', 2, 'mark-result-ready'), act('a', 3, 'return-result', { citizenInformed: true })]);
    expect(s.history.at(-1)).toMatchObject({ action: 'return-result', citizenInformed: true });
  });
});

describe('hand-over (1.1)', () => {
  it('needs a receiving officer or agency on the wire', () => {
    const wire = (data: Record<string, unknown>) => validateOp(makeOp('dossier.transitioned', { action: 'hand-over', staffId: 's1', ...data }));
    expect(wire({ toStaffId: 's2' })).toMatchObject({ ok: true });
    expect(wire({ toAgency: 'Phòng Tư pháp' })).toMatchObject({ ok: true });
    expect(wire({})).toMatchObject({ ok: false, code: 'invalid-op', message: expect.stringContaining('toStaffId') });
  });

  it('moves no status, shows in the timeline and gives one row of form 06 per hand-over', () => {
    const ops = [
      received(),
      act('a', 10, 'hand-over', { toStaffId: 's2' }),
      act('a', 20, 'start-processing'),
      op('a', 3 * 24 * 60 + 60, 'dossier.transitioned', { action: 'hand-over', staffId: 's2', toAgency: 'Phòng Văn hóa' }),
      op('a', 4 * 24 * 60, 'dossier.transitioned', { action: 'hand-over', staffId: 's2', toStaffId: 's1' }),
    ];
    const s = foldDossier(ID, ops);
    expect(s.status).toBe('processing');
    expect(s.flags).toEqual([]);
    expect(s.history[1]).toMatchObject({ action: 'hand-over', staffId: 's1', toStaffId: 's2' });
    expect(handOverRows(s, cal)).toEqual([
      { opId: ops[1].opId, at: ops[1].at, fromStaffId: 's1', toStaffId: 's2', timeliness: 'early' },
      { opId: ops[3].opId, at: ops[3].at, fromStaffId: 's2', toAgency: 'Phòng Văn hóa', timeliness: 'on-time' },
      { opId: ops[4].opId, at: ops[4].at, fromStaffId: 's2', toStaffId: 's1', timeliness: 'late' },
    ]);
  });

  it('is flagged once the dossier is closed', () => {
    const s = foldDossier(ID, [received(), act('a', 1, 'refuse', { reason: 'Sai thẩm quyền' }), act('a', 2, 'hand-over', { toStaffId: 's2' })]);
    expect(s.flags.map((f) => f.code)).toEqual(['impossible-transition']);
    expect(handOverRows(s, cal)).toEqual([]);
  });
});
