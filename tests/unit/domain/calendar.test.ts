import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computeDueAt,
  isWorkingDay,
  nextWorkingDay,
  vnDateTime,
  workingDaysBetween,
  zCalendarData,
  type CalendarData,
} from '../../../src/domain';

/** A hand-made calendar, independent of the demo data. */
const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [
    { date: '2026-01-01', name: 'New Year' },
    { date: '2026-01-02', name: 'Swapped off' },
    { date: '2026-02-16', name: 'Tết' },
    { date: '2026-02-17', name: 'Tết' },
    { date: '2026-02-18', name: 'Tết' },
    { date: '2026-02-19', name: 'Tết' },
    { date: '2026-02-20', name: 'Tết' },
    { date: '2026-11-24', name: 'Vietnam Culture Day' },
    { date: '2027-01-01', name: 'New Year' },
  ],
  workingWeekends: [{ date: '2026-01-10', name: 'Make-up Saturday' }],
};
const vn = (date: string, time: string) => vnDateTime(date, time);
const due = (date: string, time: string, t: Parameters<typeof computeDueAt>[2]) => computeDueAt(cal, vn(date, time), t).toISOString();

describe('working days', () => {
  it('knows weekends, holidays, swapped-off weekdays and make-up Saturdays', () => {
    expect(isWorkingDay(cal, '2026-03-10')).toBe(true); // Tuesday
    expect(isWorkingDay(cal, '2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-02-17')).toBe(false); // Tết
    expect(isWorkingDay(cal, '2026-01-02')).toBe(false); // Friday swapped off
    expect(isWorkingDay(cal, '2026-01-10')).toBe(true); // Saturday worked
    expect(isWorkingDay(cal, '2026-11-24')).toBe(false);
  });

  it('skips Tết together with the weekends around it', () => {
    // Friday 13/02 → the weekend, five Tết days, the next weekend → Monday 23/02.
    expect(nextWorkingDay(cal, '2026-02-13')).toBe('2026-02-23');
    expect(addWorkingDays(cal, '2026-02-12', 3)).toBe('2026-02-24');
  });

  it('counts the make-up Saturday', () => {
    expect(addWorkingDays(cal, '2026-01-09', 1)).toBe('2026-01-10');
    expect(addWorkingDays(cal, '2026-01-08', 3)).toBe('2026-01-12');
  });

  it('crosses the year end and New Year', () => {
    expect(nextWorkingDay(cal, '2026-12-31')).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2026-12-30', 2)).toBe('2027-01-04');
  });

  it('counts working days between two instants, not counting the start day', () => {
    expect(workingDaysBetween(cal, vn('2026-02-12', '09:00'), vn('2026-02-24', '09:00'))).toBe(3);
    expect(workingDaysBetween(cal, vn('2026-03-10', '09:00'), vn('2026-03-10', '16:00'))).toBe(0);
  });
});

describe('due dates', () => {
  it('counts N working days after the receipt day, ending at close of office', () => {
    expect(due('2026-03-10', '09:00', { unit: 'working-days', value: 3 })).toBe(vn('2026-03-13', '17:00').toISOString());
    expect(due('2026-03-13', '09:00', { unit: 'working-days', value: 1 })).toBe(vn('2026-03-16', '17:00').toISOString());
  });

  it('counts a receipt after office hours or on a Sunday from the next working day', () => {
    expect(due('2026-03-10', '17:30', { unit: 'working-days', value: 1 })).toBe(vn('2026-03-12', '17:00').toISOString());
    expect(due('2026-03-15', '10:00', { unit: 'working-days', value: 1 })).toBe(vn('2026-03-17', '17:00').toISOString());
  });

  it('returns same-day procedures today before 15:00, the next working day after', () => {
    expect(due('2026-03-10', '14:59', { unit: 'same-day' })).toBe(vn('2026-03-10', '17:00').toISOString());
    expect(due('2026-03-10', '15:00', { unit: 'same-day' })).toBe(vn('2026-03-11', '17:00').toISOString());
    expect(due('2026-11-23', '16:00', { unit: 'same-day' })).toBe(vn('2026-11-25', '17:00').toISOString()); // 24/11 off
    expect(due('2026-03-14', '09:00', { unit: 'same-day' })).toBe(vn('2026-03-16', '17:00').toISOString()); // Saturday
  });

  it('walks working hours across the lunch break and the night', () => {
    expect(due('2026-03-10', '08:00', { unit: 'working-hours', value: 2 })).toBe(vn('2026-03-10', '10:00').toISOString());
    expect(due('2026-03-10', '10:30', { unit: 'working-hours', value: 2 })).toBe(vn('2026-03-10', '14:30').toISOString());
    expect(due('2026-03-10', '16:00', { unit: 'working-hours', value: 4 })).toBe(vn('2026-03-11', '10:30').toISOString());
    expect(due('2026-03-10', '12:00', { unit: 'working-hours', value: 1 })).toBe(vn('2026-03-10', '14:30').toISOString());
  });

  it('gives the same answer whatever the device time zone (computed in Vietnam time)', () => {
    // 23:30 UTC on 9 March is 06:30 on 10 March in Vietnam: before office hours, same day.
    expect(computeDueAt(cal, '2026-03-09T23:30:00Z', { unit: 'same-day' }).toISOString()).toBe(vn('2026-03-10', '17:00').toISOString());
  });

  it('validates calendar data', () => {
    expect(zCalendarData.safeParse(cal).success).toBe(true);
    expect(zCalendarData.safeParse({ ...cal, holidays: [{ date: '1/1/2026', name: 'x' }] }).success).toBe(false);
  });
});
