import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysToKey,
  daysInMonth,
  formatVnDate,
  formatVnDateTime,
  isDateKey,
  isHhmm,
  lastDayOfMonth,
  minutesOf,
  VN_OFFSET_MINUTES,
  vnDateKey,
  vnDateTime,
  vnMinutesOfDay,
  vnWeekday,
} from '../../../src/domain';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('Vietnam time', () => {
  it('is UTC+7 all year', () => {
    expect(VN_OFFSET_MINUTES).toBe(420);
    // No DST: the same offset in January and July.
    expect(vnDateTime('2026-01-15', '07:00').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(vnDateTime('2026-07-15', '07:00').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('gives the Vietnam date of an instant, rolling over at 17:00 UTC', () => {
    expect(vnDateKey('2026-03-09T16:59:59.999Z')).toBe('2026-03-09');
    expect(vnDateKey('2026-03-09T17:00:00.000Z')).toBe('2026-03-10');
    expect(vnDateKey(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vnDateKey('2026-03-10T09:00:00+07:00')).toBe('2026-03-10');
    expect(vnDateKey('2026-03-10T00:30:00+07:00')).toBe('2026-03-10');
    expect(vnDateKey('2024-02-28T17:00:00Z')).toBe('2024-02-29'); // leap day
  });

  it('builds the instant of a Vietnam wall-clock time', () => {
    expect(vnDateTime('2026-03-10', '00:00').toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(vnDateTime('2026-03-10', '17:00').toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(vnDateTime('2026-03-10', '23:59').toISOString()).toBe('2026-03-10T16:59:00.000Z');
  });

  it('round-trips date keys and minutes through instants', () => {
    for (const key of ['2026-01-01', '2026-02-28', '2026-12-31', '2028-02-29']) {
      for (const hhmm of ['00:00', '06:59', '07:00', '12:34', '23:59']) {
        const at = vnDateTime(key, hhmm);
        expect(vnDateKey(at)).toBe(key);
        expect(vnMinutesOfDay(at)).toBe(minutesOf(hhmm));
      }
    }
  });

  it('counts minutes of the Vietnam day, dropping seconds', () => {
    expect(vnMinutesOfDay('2026-03-10T00:00:00Z')).toBe(7 * 60);
    expect(vnMinutesOfDay('2026-03-10T16:59:59Z')).toBe(23 * 60 + 59);
    expect(vnMinutesOfDay('2026-03-10T17:00:00Z')).toBe(0);
    expect(minutesOf('07:30')).toBe(450);
  });

  it('knows weekdays of date keys (0 = Sunday)', () => {
    expect(vnWeekday('2026-03-08')).toBe(0);
    expect(vnWeekday('2026-03-09')).toBe(1);
    expect(vnWeekday('2026-03-14')).toBe(6);
    expect(vnWeekday('2026-01-01')).toBe(4); // a Thursday
    expect(vnWeekday('2026-11-24')).toBe(2);
  });

  it('adds calendar days across months, leap years and year ends', () => {
    expect(addDaysToKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToKey('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDaysToKey('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToKey('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysToKey('2026-03-10', 0)).toBe('2026-03-10');
    expect(addDaysToKey('2026-01-01', 365)).toBe('2027-01-01');
    expect(() => addDaysToKey('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('formats dates the Vietnamese way, in Vietnam time', () => {
    expect(formatVnDate('2026-03-09T18:00:00Z')).toBe('10/03/2026');
    expect(formatVnDateTime('2026-03-09T18:05:00Z')).toBe('01:05 10/03/2026');
    expect(formatVnDateTime(new Date('2026-12-31T16:59:00Z'))).toBe('23:59 31/12/2026');
    expect(formatVnDateTime('2026-03-10T08:00:00+07:00')).toBe('08:00 10/03/2026');
  });

  it('formats a missing or broken date as empty, never "NaN"', () => {
    expect(formatVnDate('')).toBe('');
    expect(formatVnDateTime('not a date')).toBe('');
    expect(formatVnDateTime(new Date(Number.NaN))).toBe('');
  });

  it('refuses garbage instead of computing with it', () => {
    expect(() => vnDateKey('yesterday')).toThrow(RangeError);
    expect(() => vnDateKey(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => vnDateTime('2026-02-30', '08:00')).toThrow(RangeError);
    expect(() => vnDateTime('2026-03-10', '24:00')).toThrow(RangeError);
    expect(() => vnDateTime('10/03/2026', '08:00')).toThrow(RangeError);
    expect(() => vnWeekday('2026-3-1')).toThrow(RangeError);
  });

  it('validates date keys and times of day', () => {
    for (const ok of ['2026-01-01', '2028-02-29', '2026-12-31']) expect(isDateKey(ok)).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', '', 20260101, null])
      expect(isDateKey(bad)).toBe(false);
    for (const ok of ['00:00', '07:30', '23:59']) expect(isHhmm(ok)).toBe(true);
    for (const bad of ['24:00', '7:30', '07:60', '0730', '', undefined]) expect(isHhmm(bad)).toBe(false);
  });

  it('gives the same answers whatever the device time zone', () => {
    const run = () => [
      vnDateKey('2026-03-09T20:00:00Z'),
      vnDateTime('2026-03-10', '07:30').toISOString(),
      vnMinutesOfDay('2026-03-09T20:00:00Z'),
      vnWeekday('2026-03-10'),
      addDaysToKey('2026-03-28', 2), // a DST weekend in Europe
      formatVnDateTime('2026-03-09T20:00:00Z'),
    ];
    process.env.TZ = 'UTC';
    const utc = run();
    expect(utc).toEqual(['2026-03-10', '2026-03-10T00:30:00.000Z', 180, 2, '2026-03-30', '03:00 10/03/2026']);
    for (const tz of ['America/Los_Angeles', 'Europe/Paris', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      expect(run()).toEqual(utc);
    }
  });
});

describe('months', () => {
  it('knows the last day of a month, leap years included', () => {
    expect(['2026-02', '2028-02', '2100-02', '2000-02', '2026-04', '2026-12'].map(lastDayOfMonth)).toEqual(['2026-02-28', '2028-02-29', '2100-02-28', '2000-02-29', '2026-04-30', '2026-12-31']);
    expect(daysInMonth(2026, 1)).toBe(31);
  });
});
