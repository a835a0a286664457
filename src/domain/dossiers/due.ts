import { addWorkingDays, workingDaysBetween, type CalendarData } from '../calendar';
import { vnDateKey } from '../time';
import type { DossierState } from './lifecycle';

export type DueDossier = Pick<DossierState, 'dueAt'> & Partial<Pick<DossierState, 'supplementPeriods' | 'processedAt'>>;

/** Whole days between two date keys. */
function daysBetweenKeys(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The due date a dossier has now: the one set at receipt or by the last extension (the fold keeps
 * it in `dueAt`), moved back by the working days spent waiting for the citizen's supplement, which
 * do not count against the desk. A wait still open counts up to `now` (or to the end of
 * processing), so a dossier waiting for papers never turns overdue while it waits.
 * The list, the overdue filters, the detail and the server's figures all read this one function,
 * so the tablet and the central report never disagree.
 */
export function currentDueAt(d: DueDossier, calendar: CalendarData, now: Date | string): string {
  const periods = d.supplementPeriods ?? [];
  if (!d.dueAt || periods.length === 0) return d.dueAt;
  const end = d.processedAt ?? now;
  const paused = periods.reduce((sum, p) => sum + workingDaysBetween(calendar, p.from, p.to ?? end), 0);
  if (paused === 0) return d.dueAt;
  const dueKey = vnDateKey(d.dueAt);
  const shiftedKey = addWorkingDays(calendar, dueKey, paused);
  return new Date(Date.parse(d.dueAt) + daysBetweenKeys(dueKey, shiftedKey) * 86_400_000).toISOString();
}

