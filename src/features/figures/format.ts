/** Numbers as a reader of the language writes them: 1.234 and 85,3 % in Vietnamese, 1,234 and 85.3% in English. */
export type Lang = 'vi' | 'en';

/** What a cell holds, so the screen, the CSV and the XLSX each write it their way from one value. */
export type CellKind = 'text' | 'count' | 'rate' | 'days' | 'deltaCount' | 'deltaRate' | 'deltaDays';
export interface Cell {
  kind: CellKind;
  /** Counts and days as numbers, rates as fractions 0–1, deltas of rates as fractions too; null: nothing to show. */
  value: string | number | null;
}

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions) {
  const key = `${lang}${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

export const formatCount = (n: number, lang: Lang) => numberFormat(lang, { maximumFractionDigits: 0 }).format(n);
// One decimal where it tells something: 87,5 % but 50 %.
export const formatRate = (x: number | null, lang: Lang) => (x === null ? '—' : numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x));
export const formatDays = (x: number | null, lang: Lang) => (x === null ? '—' : numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x));

/** Text of one cell, exactly as the screen shows it (the CSV writes the same text). */
export function cellText(cell: Cell, lang: Lang, pointsUnit: string): string {
  const { kind, value } = cell;
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatCount(value, lang);
    case 'rate':
      return formatRate(value, lang);
    case 'days':
      return formatDays(value, lang);
    case 'deltaCount':
      return signed(value, formatCount(Math.abs(value), lang));
    case 'deltaDays':
      return signed(value, formatDays(Math.abs(value), lang));
    case 'deltaRate':
      // A change of a rate is said in percentage points, never as a percent of a percent.
      return `${signed(value, numberFormat(lang, { maximumFractionDigits: 1 }).format(Math.abs(value * 100)))} ${pointsUnit}`;
    default:
      return String(value);
  }
}

// U+2212 reads as "minus" to screen readers, a hyphen does not; zero has no sign.
const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : text);

/** The difference of two figures, or null when either is missing. */
export const delta = (now: number | null | undefined, then: number | null | undefined): number | null =>
  now === null || now === undefined || then === null || then === undefined ? null : now - then;

/** A Vietnam date `YYYY-MM-DD` as dd/mm/yyyy, the way both languages' screens and the papers write dates (DESIGN.md › Conventions). */
export const dateKeyText = (key: string) => key.split('-').reverse().join('/');
