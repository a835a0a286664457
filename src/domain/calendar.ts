import { addDaysToKey, minutesOf, vnDateKey, vnDateTime, vnMinutesOfDay, vnWeekday } from './time';

/** The commune's working calendar. Holidays and swaps are announced each year, so they are data. */
export interface CalendarData {
  officeHours: { morning: [string, string]; afternoon: [string, string] };
  /** Same-day requests received at or after this time are due the next working day. */
  sameDayCutoff: string;
  /** Days off: holidays, compensatory days and weekdays swapped off. */
  holidays: { date: string; name: string }[];
  /** Saturdays or Sundays worked because of a swap. */
  workingWeekends: { date: string; name: string }[];
}

export type ProcessingTime = { unit: 'working-days'; value: number } | { unit: 'working-hours'; value: number } | { unit: 'same-day' };

// Calendars are looked up thousands of times when listing; index each one once. Calendar objects
// are replaced, never mutated, when a new config arrives, so keying on identity is safe.
const indexCache = new WeakMap<CalendarData, { off: Set<string>; on: Set<string> }>();
function indexOf(cal: CalendarData) {
  let idx = indexCache.get(cal);
  if (!idx) {
    idx = { off: new Set(cal.holidays.map((h) => h.date)), on: new Set(cal.workingWeekends.map((w) => w.date)) };
    indexCache.set(cal, idx);
  }
  return idx;
}

/** Weekdays work unless they are a holiday; weekends rest unless they are a swapped working day. */
export function isWorkingDay(cal: CalendarData, dateKey: string): boolean {
  const wd = vnWeekday(dateKey); // validates the key too
  const { off, on } = indexOf(cal);
  if (on.has(dateKey)) return true;
  if (off.has(dateKey)) return false;
  return wd !== 0 && wd !== 6;
}

// No real calendar has this many days off in a row; the bound only stops bad data from hanging the app.
const MAX_DAYS_OFF_IN_A_ROW = 60;

/** The first working day strictly after dateKey. */
export function nextWorkingDay(cal: CalendarData, dateKey: string): string {
  let d = addDaysToKey(dateKey, 1);
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !isWorkingDay(cal, d); i++) d = addDaysToKey(d, 1);
  return d;
}

/** The n-th working day strictly after dateKey (n = 0 gives dateKey itself). */
export function addWorkingDays(cal: CalendarData, dateKey: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = dateKey;
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/**
 * Working days strictly after from's Vietnam date, up to and including to's date (0 when to is not
 * later). Used to take the days spent waiting for a citizen's supplement off the clock.
 */
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

const hhmmOf = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * When a dossier received at `receivedAt` is due. All in Vietnam time.
 * - Effective receipt: a receipt on a day off, or at/after the close of office (afternoon end),
 *   counts as received at the opening (morning start) of the next working day; a receipt before
 *   opening counts from the opening of that day.
 * - working-days N: close of office on the N-th working day after the effective receipt day.
 * - same-day: close of office on the effective receipt day if received before `sameDayCutoff`,
 *   else close of office on the next working day.
 * - working-hours N: N hours of office time from the effective receipt, walking through the
 *   morning and afternoon sessions and over days off; the lunch break does not count.
 */
/** Dossiers fall due at the close of office (the afternoon's end) of their due day. */
export const dueTimeOfDay = (cal: CalendarData): string => cal.officeHours.afternoon[1];

export function computeDueAt(cal: CalendarData, receivedAt: Date | string, time: ProcessingTime): Date {
  const { morning, afternoon } = cal.officeHours;
  const sessions = [morning, afternoon].map(([a, b]) => [minutesOf(a), minutesOf(b)] as const);
  const open = sessions[0][0];
  const close = sessions[1][1];
  let day = vnDateKey(receivedAt);
  let minute = vnMinutesOfDay(receivedAt);
  if (!isWorkingDay(cal, day) || minute >= close) {
    day = nextWorkingDay(cal, day);
    minute = open;
  }
  minute = Math.max(minute, open);

  switch (time.unit) {
    case 'working-days':
      return vnDateTime(addWorkingDays(cal, day, time.value), dueTimeOfDay(cal));
    case 'same-day':
      return vnDateTime(minute < minutesOf(cal.sameDayCutoff) ? day : nextWorkingDay(cal, day), dueTimeOfDay(cal));
    case 'working-hours': {
      const perDay = sessions.reduce((sum, [a, b]) => sum + Math.max(0, b - a), 0);
      if (perDay <= 0 || !(time.value >= 0)) throw new RangeError('cannot count working hours with these office hours');
      let remaining = Math.round(time.value * 60);
      for (;;) {
        for (const [start, end] of sessions) {
          if (minute >= end) continue;
          const from = Math.max(minute, start);
          // Ends inside (or exactly at the end of) this session.
          if (from + remaining <= end) return vnDateTime(day, hhmmOf(from + remaining));
          remaining -= end - from;
          minute = end;
        }
        day = nextWorkingDay(cal, day);
        minute = 0;
      }
    }
    default:
      throw new RangeError(`unknown processing time unit: ${(time as { unit: string }).unit}`);
  }
}
