/** Vietnam is UTC+7 all year (no DST): every date rule is computed in Vietnam time, whatever the device's zone. */
export const VN_OFFSET_MINUTES = 420;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function toMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant instanceof Date ? instant.getTime() : NaN;
  // Garbage must fail loudly: a NaN date key would make day-walking loops run forever.
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${String(instant)}`);
  return ms;
}
/** The instant shifted so that its UTC fields read as Vietnam wall-clock fields. */
const shifted = (instant: Date | string) => new Date(toMs(instant) + OFFSET_MS);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const keyOfUtc = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** True for a real calendar day written 'YYYY-MM-DD' (no 2026-02-30). */
export function isDateKey(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_KEY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return keyOfUtc(d) === s;
}

/** True for a wall-clock time written 'HH:mm' (00:00..23:59). */
export function isHhmm(s: unknown): s is string {
  return typeof s === 'string' && HHMM.test(s);
}

/** Midnight UTC of a date key, as milliseconds: date keys are plain calendar days, not instants. */
function keyToUtcMs(dateKey: string): number {
  if (!isDateKey(dateKey)) throw new RangeError(`not a YYYY-MM-DD date: ${dateKey}`);
  const [y, m, d] = dateKey.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function minutesOf(hhmm: string): number {
  if (!isHhmm(hhmm)) throw new RangeError(`not an HH:mm time: ${hhmm}`);
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
}

/** Days in a month of the (proleptic Gregorian) calendar; `month` 1–12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day `YYYY-MM-DD` of a month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(daysInMonth(y, m))}`;
}

/** 'YYYY-MM-DD' of the instant on a Vietnamese calendar. */
export function vnDateKey(instant: Date | string): string {
  return keyOfUtc(shifted(instant));
}

/** The instant at which Vietnam's clocks show `hhmm` on `dateKey`. */
export function vnDateTime(dateKey: string, hhmm: string): Date {
  return new Date(keyToUtcMs(dateKey) + minutesOf(hhmm) * 60_000 - OFFSET_MS);
}

/** Minutes since Vietnamese midnight (0..1439); seconds are dropped. */
export function vnMinutesOfDay(instant: Date | string): number {
  const d = shifted(instant);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** 0 = Sunday .. 6 = Saturday. A date key is a calendar day, so no zone is involved. */
export function vnWeekday(dateKey: string): number {
  return new Date(keyToUtcMs(dateKey)).getUTCDay();
}

export function addDaysToKey(dateKey: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return keyOfUtc(new Date(keyToUtcMs(dateKey) + n * DAY_MS));
}

/** 'dd/mm/yyyy' in Vietnam time; '' for a missing or broken date, so a screen never shows "NaN". */
export function formatVnDate(instant: Date | string): string {
  if (!isValidInstant(instant)) return '';
  const d = shifted(instant);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** 'HH:mm dd/mm/yyyy' in Vietnam time; '' for a missing or broken date. */
export function formatVnDateTime(instant: Date | string): string {
  if (!isValidInstant(instant)) return '';
  const d = shifted(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVnDate(instant)}`;
}

function isValidInstant(instant: Date | string): boolean {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant instanceof Date ? instant.getTime() : NaN;
  return Number.isFinite(ms);
}
