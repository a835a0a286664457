/** Vietnam is UTC+7 all year (no DST): every date rule is computed in Vietnam time, whatever the device's zone. */
export const VN_OFFSET_MINUTES = 420;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const toDate = (instant: Date | string) => (typeof instant === 'string' ? new Date(instant) : instant);
/** The instant shifted so that its UTC fields read as Vietnam wall-clock fields. */
const shifted = (instant: Date | string) => new Date(toDate(instant).getTime() + OFFSET_MS);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function vnDateKey(instant: Date | string): string {
  const d = shifted(instant);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function vnDateTime(dateKey: string, hhmm: string): Date {
  const [y, m, d] = dateKey.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS);
}

export function vnMinutesOfDay(instant: Date | string): number {
  const d = shifted(instant);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

export function vnWeekday(dateKey: string): number {
  const [y, m, d] = dateKey.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDaysToKey(dateKey: string, n: number): string {
  const [y, m, d] = dateKey.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function minutesOf(hhmm: string): number {
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
}

export function formatVnDate(instant: Date | string): string {
  const d = shifted(instant);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function formatVnDateTime(instant: Date | string): string {
  const d = shifted(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVnDate(instant)}`;
}
