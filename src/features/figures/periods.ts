import { addDaysToKey, daysInMonth } from '../../domain';

/** The periods a leader picks from; each is compared with the previous one and with the same one a year before. */
export const PERIOD_KINDS = ['month', 'lastMonth', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Vietnam dates `YYYY-MM-DD`, both inclusive, as the report routes take them. */
export interface Period {
  from: string;
  to: string;
}

export interface Periods {
  current: Period;
  previous: Period;
  yearBefore: Period;
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (key: string) => key.split('-').map(Number) as [number, number, number];
const isMonthEnd = (key: string) => {
  const [y, m, d] = parts(key);
  return d === daysInMonth(y, m);
};

/** A date `months` months away; a day the month lacks becomes its last day, and a month's last day stays the last. */
export function shiftMonths(key: string, months: number): string {
  const [y, m, d] = parts(key);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return `${year}-${pad(month)}-${pad(isMonthEnd(key) ? last : Math.min(d, last))}`;
}

const shiftPeriod = (p: Period, months: number): Period => ({ from: shiftMonths(p.from, months), to: shiftMonths(p.to, months) });
const monthStart = (key: string) => `${key.slice(0, 7)}-01`;

/**
 * The period of a kind on `today` with its two comparisons. Periods running to today compare with
 * the same span of the period before (the 1st–15th with last month's 1st–15th), so a month half gone
 * is never set against a whole one. A custom period compares with as many days just before it.
 */
export function periodsOf(kind: PeriodKind, today: string, custom?: Period): Periods {
  let current: Period;
  let months: number;
  switch (kind) {
    case 'month':
      current = { from: monthStart(today), to: today };
      months = 1;
      break;
    case 'lastMonth': {
      const from = shiftMonths(monthStart(today), -1);
      current = { from, to: addDaysToKey(monthStart(today), -1) };
      months = 1;
      break;
    }
    case 'quarter': {
      const [y, m] = parts(today);
      current = { from: `${y}-${pad(m - ((m - 1) % 3))}-01`, to: today };
      months = 3;
      break;
    }
    case 'year':
      current = { from: `${today.slice(0, 4)}-01-01`, to: today };
      months = 12;
      break;
    case 'custom': {
      current = custom && custom.from <= custom.to ? custom : { from: monthStart(today), to: today };
      const days = Math.round((Date.parse(current.to) - Date.parse(current.from)) / 86_400_000) + 1;
      return {
        current,
        previous: { from: addDaysToKey(current.from, -days), to: addDaysToKey(current.from, -1) },
        yearBefore: shiftPeriod(current, -12),
      };
    }
  }
  return { current, previous: shiftPeriod(current, -months), yearBefore: shiftPeriod(current, -12) };
}
