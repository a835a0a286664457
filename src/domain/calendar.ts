import { addDaysToKey, minutesOf, vnDateKey, vnDateTime, vnMinutesOfDay, vnWeekday } from './time';

/** The commune's working calendar. Holidays and swaps are announced each year, so they are data. */
export interface CalendarData {
  officeHours: { morning: [string, string]; afternoon: [string, string] };
  /** Same-day requests received after this time are due the next working day. */
  sameDayCutoff: string;
  /** Days off: holidays, compensatory days and weekdays swapped off. */
  holidays: { date: string; name: string }[];
  /** Saturdays or Sundays worked because of a swap. */
  workingWeekends: { date: string; name: string }[];
}

export type ProcessingTime = { unit: 'working-days'; value: number } | { unit: 'working-hours'; value: number } | { unit: 'same-day' };

// Calendars are looked up thousands of times when listing; index each one once.
const indexCache = new WeakMap<CalendarData, { off: Set<string>; on: Set<string> }>();
function indexOf(cal: CalendarData) {
  let idx = indexCache.get(cal);
  if (!idx) {
    idx = { off: new Set(cal.holidays.map((h) => h.date)), on: new Set(cal.workingWeekends.map((w) => w.date)) };
    indexCache.set(cal, idx);
  }
  return idx;
}

export function isWorkingDay(cal: CalendarData, dateKey: string): boolean {
  const { off, on } = indexOf(cal);
  if (on.has(dateKey)) return true;
  if (off.has(dateKey)) return false;
  const wd = vnWeekday(dateKey);
  return wd !== 0 && wd !== 6;
}

/** The first working day strictly after dateKey. */
export function nextWorkingDay(cal: CalendarData, dateKey: string): string {
  let d = addDaysToKey(dateKey, 1);
  // A year has far fewer than 60 consecutive days off; the bound only guards against bad data.
  for (let i = 0; i < 60 && !isWorkingDay(cal, d); i++) d = addDaysToKey(d, 1);
  return d;
}

/** The n-th working day strictly after dateKey (n = 0 gives dateKey itself). */
export function addWorkingDays(cal: CalendarData, dateKey: string, n: number): string {
  let d = dateKey;
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** Working days strictly after from's date, up to and including to's date. */
export function workingDaysBetween(cal: CalendarData, from: Date | string, to: Date | string): number {
  const end = vnDateKey(to);
  let d = vnDateKey(from);
  let count = 0;
  while (d < end) {
    d = addDaysToKey(d, 1);
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}

/**
 * When a dossier received at `receivedAt` is due.
 * - Received on a day off or after office hours: counts as received at the start of the next working day.
 * - working-days N: end of office hours on the N-th working day after the (effective) receipt day.
 * - same-day: end of office hours that day if received before the cutoff (15:00), else of the next working day.
 * - working-hours N: N hours of office time, walking across the morning and afternoon sessions.
 */
export function computeDueAt(cal: CalendarData, receivedAt: Date | string, time: ProcessingTime): Date {
  const { morning, afternoon } = cal.officeHours;
  const close = afternoon[1];
  let day = vnDateKey(receivedAt);
  let minute = vnMinutesOfDay(receivedAt);
  if (!isWorkingDay(cal, day) || minute >= minutesOf(close)) {
    day = nextWorkingDay(cal, day);
    minute = minutesOf(morning[0]);
  }
  minute = Math.max(minute, minutesOf(morning[0]));

  if (time.unit === 'working-days') return vnDateTime(addWorkingDays(cal, day, time.value), close);
  if (time.unit === 'same-day') {
    return vnDateTime(minute < minutesOf(cal.sameDayCutoff) ? day : nextWorkingDay(cal, day), close);
  }
  let remaining = time.value * 60;
  const sessions = [morning, afternoon].map(([a, b]) => [minutesOf(a), minutesOf(b)] as const);
  for (;;) {
    for (const [start, end] of sessions) {
      if (minute >= end) continue;
      const from = Math.max(minute, start);
      if (from + remaining <= end) {
        const at = from + remaining;
        return vnDateTime(day, `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`);
      }
      remaining -= end - from;
      minute = end;
    }
    day = nextWorkingDay(cal, day);
    minute = 0;
  }
}
