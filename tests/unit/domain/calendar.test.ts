import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysToKey,
  addWorkingDays,
  computeDueAt,
  isWorkingDay,
  nextWorkingDay,
  vnDateKey,
  vnDateTime,
  vnMinutesOfDay,
  workingDaysBetween,
  zCalendarData,
  zProcessingTime,
  type CalendarData,
  type ProcessingTime,
} from '../../../src/domain';
import { seededRandom } from '../../support/random';

/** A hand-made 2026 calendar, independent of the demo data. */
const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [
    { date: '2026-01-01', name: 'New Year' },
    { date: '2026-01-02', name: 'Swapped off (worked Saturday 10/01)' },
    { date: '2026-02-16', name: 'Tết' },
    { date: '2026-02-17', name: 'Tết' },
    { date: '2026-02-18', name: 'Tết' },
    { date: '2026-02-19', name: 'Tết' },
    { date: '2026-02-20', name: 'Tết' },
    { date: '2026-04-27', name: 'Hùng Kings (compensating Sunday 26/04)' },
    { date: '2026-04-30', name: 'Reunification Day' },
    { date: '2026-05-01', name: 'Labour Day' },
    { date: '2026-09-01', name: 'National Day (adjacent day)' },
    { date: '2026-09-02', name: 'National Day' },
    { date: '2026-11-24', name: 'Vietnam Culture Day' },
    { date: '2027-01-01', name: 'New Year' },
  ],
  workingWeekends: [{ date: '2026-01-10', name: 'Make-up Saturday' }],
};
const vn = (date: string, time: string) => vnDateTime(date, time);
const iso = (date: string, time: string) => vn(date, time).toISOString();
const due = (date: string, time: string, t: ProcessingTime, c: CalendarData = cal) => computeDueAt(c, vn(date, time), t).toISOString();
const days = (value: number): ProcessingTime => ({ unit: 'working-days', value });
const hours = (value: number): ProcessingTime => ({ unit: 'working-hours', value });
const sameDay: ProcessingTime = { unit: 'same-day' };

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('working days', () => {
  it('knows weekdays, weekends, holidays, swapped-off weekdays and make-up Saturdays', () => {
    expect(isWorkingDay(cal, '2026-03-10')).toBe(true); // Tuesday
    expect(isWorkingDay(cal, '2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-02-17')).toBe(false); // Tết
    expect(isWorkingDay(cal, '2026-01-01')).toBe(false); // New Year
    expect(isWorkingDay(cal, '2026-01-02')).toBe(false); // Friday swapped off
    expect(isWorkingDay(cal, '2026-01-10')).toBe(true); // Saturday worked
    expect(isWorkingDay(cal, '2026-01-11')).toBe(false); // the Sunday after is still off
    expect(isWorkingDay(cal, '2026-11-24')).toBe(false); // Vietnam Culture Day
    expect(isWorkingDay(cal, '2026-11-23')).toBe(true);
  });

  it('takes the calendar from data: the same day changes with the data', () => {
    const noHolidays: CalendarData = { ...cal, holidays: [], workingWeekends: [] };
    expect(isWorkingDay(noHolidays, '2026-11-24')).toBe(true);
    expect(isWorkingDay(noHolidays, '2026-01-10')).toBe(false);
  });

  it('finds the next working day strictly after, even from a working day', () => {
    expect(nextWorkingDay(cal, '2026-03-10')).toBe('2026-03-11');
    expect(nextWorkingDay(cal, '2026-03-13')).toBe('2026-03-16'); // Friday → Monday
    expect(nextWorkingDay(cal, '2026-03-14')).toBe('2026-03-16'); // Saturday → Monday
  });

  it('skips Tết together with the weekends around it', () => {
    // Friday 13/02 → the weekend, five Tết days, the next weekend → Monday 23/02.
    expect(nextWorkingDay(cal, '2026-02-13')).toBe('2026-02-23');
    expect(addWorkingDays(cal, '2026-02-12', 3)).toBe('2026-02-24');
    expect(nextWorkingDay(cal, '2026-02-18')).toBe('2026-02-23'); // from inside Tết
  });

  it('counts the make-up Saturday and skips the swapped-off Friday', () => {
    expect(addWorkingDays(cal, '2026-01-09', 1)).toBe('2026-01-10');
    expect(addWorkingDays(cal, '2026-01-08', 3)).toBe('2026-01-12');
    expect(nextWorkingDay(cal, '2025-12-31')).toBe('2026-01-05'); // 1/1 and 2/1 off, then the weekend
  });

  it('crosses the year end and New Year', () => {
    expect(nextWorkingDay(cal, '2026-12-31')).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2026-12-30', 2)).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2026-12-29', 5)).toBe('2027-01-06');
  });

  it('skips the 30/4–1/5 and 2/9 pairs and a compensating Monday', () => {
    expect(nextWorkingDay(cal, '2026-04-29')).toBe('2026-05-04');
    expect(nextWorkingDay(cal, '2026-08-31')).toBe('2026-09-03');
    expect(nextWorkingDay(cal, '2026-04-24')).toBe('2026-04-28');
  });

  it('adds zero working days as the day itself and refuses negative or fractional counts', () => {
    expect(addWorkingDays(cal, '2026-03-14', 0)).toBe('2026-03-14');
    expect(() => addWorkingDays(cal, '2026-03-10', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-03-10', 1.5)).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });

  it('does not hang on a calendar that is all days off', () => {
    const allOff: CalendarData = {
      ...cal,
      holidays: Array.from({ length: 400 }, (_, i) => ({ date: addDaysToKey('2026-01-01', i), name: 'off' })),
    };
    const d = nextWorkingDay(allOff, '2026-01-01');
    expect(d > '2026-01-01').toBe(true);
    expect(d <= addDaysToKey('2026-01-01', 62)).toBe(true);
  });

  it('counts working days strictly after from’s date up to and including to’s date', () => {
    expect(workingDaysBetween(cal, vn('2026-02-12', '09:00'), vn('2026-02-24', '09:00'))).toBe(3); // 13, 23, 24
    expect(workingDaysBetween(cal, vn('2026-03-10', '09:00'), vn('2026-03-10', '16:00'))).toBe(0);
    expect(workingDaysBetween(cal, vn('2026-03-10', '16:00'), vn('2026-03-11', '08:00'))).toBe(1);
    expect(workingDaysBetween(cal, vn('2026-03-13', '09:00'), vn('2026-03-15', '09:00'))).toBe(0); // only a weekend
    expect(workingDaysBetween(cal, vn('2026-01-09', '09:00'), vn('2026-01-12', '09:00'))).toBe(2); // Saturday 10 and Monday 12
    expect(workingDaysBetween(cal, vn('2026-12-30', '09:00'), vn('2027-01-04', '09:00'))).toBe(2); // 31/12 and 4/1
    expect(workingDaysBetween(cal, vn('2026-03-11', '09:00'), vn('2026-03-10', '09:00'))).toBe(0); // backwards
  });

  it('counts calendar days in Vietnam time, not UTC', () => {
    // 23:30 UTC on 9 March is already 10 March in Vietnam; 16:00 UTC on 10 March is still 10 March.
    expect(workingDaysBetween(cal, '2026-03-09T23:30:00Z', '2026-03-10T16:00:00Z')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-09T16:30:00Z', '2026-03-09T17:30:00Z')).toBe(1);
  });

  it('agrees with addWorkingDays on random dates (property)', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const start = addDaysToKey('2025-12-01', Math.floor(rnd() * 420));
      const n = Math.floor(rnd() * 25);
      const end = addWorkingDays(cal, start, n);
      expect(workingDaysBetween(cal, vn(start, '12:00'), vn(end, '12:00'))).toBe(n);
      if (n > 0) expect(isWorkingDay(cal, end)).toBe(true);
    }
  });
});

describe('due dates', () => {
  it('counts N working days after the receipt day, ending at close of office', () => {
    expect(due('2026-03-10', '09:00', days(3))).toBe(iso('2026-03-13', '17:00'));
    expect(due('2026-03-13', '09:00', days(1))).toBe(iso('2026-03-16', '17:00')); // over a weekend
    expect(due('2026-03-10', '16:59', days(1))).toBe(iso('2026-03-11', '17:00')); // still today
  });

  it('counts Tết across the weekends', () => {
    expect(due('2026-02-12', '10:00', days(2))).toBe(iso('2026-02-23', '17:00'));
    expect(due('2026-02-13', '10:00', days(5))).toBe(iso('2026-02-27', '17:00'));
    // Received on a Tết day (someone at the desk anyway): counts from Monday 23/02.
    expect(due('2026-02-18', '09:00', days(1))).toBe(iso('2026-02-24', '17:00'));
  });

  it('counts a swapped Saturday as a working day, both for receipt and for counting', () => {
    expect(due('2026-01-09', '09:00', days(1))).toBe(iso('2026-01-10', '17:00'));
    expect(due('2026-01-10', '09:00', sameDay)).toBe(iso('2026-01-10', '17:00'));
    expect(due('2026-01-10', '09:00', days(1))).toBe(iso('2026-01-12', '17:00'));
  });

  it('crosses the year end into January past the New Year holiday', () => {
    expect(due('2026-12-31', '10:00', days(1))).toBe(iso('2027-01-04', '17:00'));
    expect(due('2026-12-31', '17:30', days(1))).toBe(iso('2027-01-05', '17:00'));
    expect(due('2026-12-31', '16:00', sameDay)).toBe(iso('2027-01-04', '17:00'));
    expect(due('2026-12-31', '16:00', hours(2))).toBe(iso('2027-01-04', '08:30'));
  });

  it('counts a receipt after office hours from the next working day', () => {
    expect(due('2026-03-10', '17:00', days(1))).toBe(iso('2026-03-12', '17:00')); // closing time is after hours
    expect(due('2026-03-10', '17:30', days(1))).toBe(iso('2026-03-12', '17:00'));
    expect(due('2026-03-10', '22:00', sameDay)).toBe(iso('2026-03-11', '17:00'));
    expect(due('2026-03-13', '18:00', days(1))).toBe(iso('2026-03-17', '17:00')); // Friday evening
  });

  it('counts a receipt on a Sunday or holiday from the next working day', () => {
    expect(due('2026-03-15', '10:00', days(1))).toBe(iso('2026-03-17', '17:00'));
    expect(due('2026-03-15', '10:00', sameDay)).toBe(iso('2026-03-16', '17:00'));
    expect(due('2026-03-15', '10:00', hours(1))).toBe(iso('2026-03-16', '08:30'));
    expect(due('2026-11-24', '09:00', days(1))).toBe(iso('2026-11-26', '17:00'));
  });

  it('counts a receipt before opening from that morning', () => {
    expect(due('2026-03-10', '06:00', sameDay)).toBe(iso('2026-03-10', '17:00'));
    expect(due('2026-03-10', '06:00', hours(1))).toBe(iso('2026-03-10', '08:30'));
    expect(due('2026-03-10', '00:05', days(1))).toBe(iso('2026-03-11', '17:00'));
  });

  it('returns same-day procedures today before 15:00, the next working day from 15:00', () => {
    expect(due('2026-03-10', '14:59', sameDay)).toBe(iso('2026-03-10', '17:00'));
    expect(due('2026-03-10', '15:00', sameDay)).toBe(iso('2026-03-11', '17:00'));
    expect(due('2026-03-13', '15:30', sameDay)).toBe(iso('2026-03-16', '17:00')); // Friday → Monday
    expect(due('2026-03-14', '09:00', sameDay)).toBe(iso('2026-03-16', '17:00')); // Saturday
    expect(computeDueAt(cal, '2026-03-10T14:59:59+07:00', sameDay).toISOString()).toBe(iso('2026-03-10', '17:00'));
  });

  it('skips the 24/11 Vietnam Culture Day', () => {
    expect(due('2026-11-23', '16:00', sameDay)).toBe(iso('2026-11-25', '17:00'));
    expect(due('2026-11-23', '09:00', days(1))).toBe(iso('2026-11-25', '17:00'));
    expect(due('2026-11-20', '09:00', days(3))).toBe(iso('2026-11-26', '17:00')); // 23, 25, 26
    expect(due('2026-11-23', '16:00', hours(2))).toBe(iso('2026-11-25', '08:30'));
  });

  it('walks working hours across the lunch break, the night, weekends and Tết', () => {
    expect(due('2026-03-10', '08:00', hours(2))).toBe(iso('2026-03-10', '10:00'));
    expect(due('2026-03-10', '10:30', hours(2))).toBe(iso('2026-03-10', '14:30'));
    expect(due('2026-03-10', '12:00', hours(1))).toBe(iso('2026-03-10', '14:30')); // received at lunch
    expect(due('2026-03-10', '16:00', hours(4))).toBe(iso('2026-03-11', '10:30'));
    expect(due('2026-03-13', '16:00', hours(2))).toBe(iso('2026-03-16', '08:30')); // over the weekend
    expect(due('2026-02-13', '16:00', hours(8))).toBe(iso('2026-02-23', '16:30')); // 1 h, then 4 h + 3 h after Tết
  });

  it('ends a working-hours count exactly at a session end when it fits', () => {
    expect(due('2026-03-10', '07:30', hours(4))).toBe(iso('2026-03-10', '11:30'));
    expect(due('2026-03-10', '13:30', hours(3))).toBe(iso('2026-03-10', '16:30'));
    expect(due('2026-03-10', '07:30', hours(8))).toBe(iso('2026-03-11', '08:00')); // 7.5 h a day
    expect(due('2026-03-10', '07:30', hours(15))).toBe(iso('2026-03-11', '17:00'));
  });

  it('follows the commune’s own office hours', () => {
    const other: CalendarData = { ...cal, officeHours: { morning: ['08:00', '12:00'], afternoon: ['13:00', '17:30'] }, sameDayCutoff: '16:00' };
    expect(due('2026-03-10', '09:00', days(1), other)).toBe(iso('2026-03-11', '17:30'));
    expect(due('2026-03-10', '15:30', sameDay, other)).toBe(iso('2026-03-10', '17:30'));
    expect(due('2026-03-10', '17:15', sameDay, other)).toBe(iso('2026-03-11', '17:30'));
    expect(due('2026-03-10', '11:00', hours(2), other)).toBe(iso('2026-03-10', '14:00'));
  });

  it('gives the same answer whatever the device time zone (computed in Vietnam time)', () => {
    // 23:30 UTC on 9 March is 06:30 on 10 March in Vietnam: before office hours, same day.
    const run = () => [
      computeDueAt(cal, '2026-03-09T23:30:00Z', sameDay).toISOString(),
      computeDueAt(cal, '2026-03-09T10:30:00Z', days(1)).toISOString(), // 17:30 in Vietnam
      computeDueAt(cal, '2026-03-10T08:30:00Z', hours(2)).toISOString(), // 15:30 in Vietnam
    ];
    process.env.TZ = 'UTC';
    const expected = [iso('2026-03-10', '17:00'), iso('2026-03-11', '17:00'), iso('2026-03-11', '08:00')];
    expect(run()).toEqual(expected);
    for (const tz of ['America/New_York', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      expect(run()).toEqual(expected);
    }
  });

  it('never gives a due date before receipt, off office hours or on a day off; later receipt, never earlier due (property)', () => {
    const rnd = seededRandom(42);
    const times: ProcessingTime[] = [sameDay, days(1), days(3), days(15), hours(1), hours(4), hours(8), hours(40)];
    const start = vn('2025-12-20', '00:00').getTime();
    for (let i = 0; i < 400; i++) {
      const a = new Date(start + Math.floor(rnd() * 420 * 24 * 60) * 60_000);
      const b = new Date(a.getTime() + Math.floor(rnd() * 3 * 24 * 60) * 60_000);
      for (const t of times) {
        const da = computeDueAt(cal, a, t);
        const db = computeDueAt(cal, b, t);
        expect(da.getTime()).toBeGreaterThan(a.getTime());
        expect(db.getTime()).toBeGreaterThanOrEqual(da.getTime());
        expect(isWorkingDay(cal, vnDateKey(da))).toBe(true);
        const m = vnMinutesOfDay(da);
        expect((m > 450 && m <= 690) || (m > 810 && m <= 1020)).toBe(true);
        if (t.unit !== 'working-hours') expect(m).toBe(17 * 60);
      }
    }
  });

  it('refuses a broken receipt time instead of guessing', () => {
    expect(() => computeDueAt(cal, 'not a date', days(1))).toThrow(RangeError);
  });
});

describe('calendar and processing-time schemas', () => {
  it('accepts a well-formed calendar', () => {
    expect(zCalendarData.safeParse(cal).success).toBe(true);
  });

  it('rejects broken dates, times and office hours out of order', () => {
    const bad = (over: Partial<CalendarData>) => zCalendarData.safeParse({ ...cal, ...over }).success;
    expect(bad({ holidays: [{ date: '1/1/2026', name: 'x' }] })).toBe(false);
    expect(bad({ holidays: [{ date: '2026-02-30', name: 'x' }] })).toBe(false);
    expect(bad({ workingWeekends: [{ date: '2026-13-01', name: 'x' }] })).toBe(false);
    expect(bad({ sameDayCutoff: '3pm' })).toBe(false);
    expect(bad({ officeHours: { morning: ['11:30', '07:30'], afternoon: ['13:30', '17:00'] } })).toBe(false);
    expect(bad({ officeHours: { morning: ['07:30', '14:00'], afternoon: ['13:30', '17:00'] } })).toBe(false);
    expect(bad({ officeHours: { morning: ['07:30', '11:30'], afternoon: ['17:00', '17:00'] } })).toBe(false);
    expect(bad({ officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '25:00'] } })).toBe(false);
    expect(zCalendarData.safeParse({ ...cal, holidays: undefined }).success).toBe(false);
  });

  it('accepts the three kinds of processing time and nothing else', () => {
    for (const ok of [sameDay, days(1), days(15), hours(4)]) expect(zProcessingTime.safeParse(ok).success).toBe(true);
    for (const bad of [days(0), days(-1), days(1.5), hours(0), { unit: 'weeks', value: 1 }, { unit: 'working-days' }, { unit: 'working-days', value: '3' }])
      expect(zProcessingTime.safeParse(bad).success).toBe(false);
  });
});
