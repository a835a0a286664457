import { workingDaysBetween, type CalendarData } from '../calendar';
import { currentDueAt } from '../dossiers/due';
import type { DossierState } from '../dossiers/lifecycle';

export type Timeliness = 'early' | 'on-time' | 'late' | 'open' | 'withdrawn';

export type TimedDossier = Pick<DossierState, 'status' | 'dueAt' | 'processedAt' | 'supplementPeriods'> &
  Partial<Pick<DossierState, 'supplementRequests'>>;

/**
 * How a dossier was settled against its due date. The end of processing is the first of result
 * ready, returned, refused or stopped (processedAt); the working days spent waiting for the
 * citizen's supplement do not count, so they push the due date back. "Early" means at least one
 * whole working day ahead. A withdrawn dossier is settled by the citizen, so it is none of these.
 */
export function dossierTimeliness(d: TimedDossier, cal: CalendarData): Timeliness {
  if (d.status === 'withdrawn') return 'withdrawn';
  if (!d.processedAt) return 'open';
  // Decree 118: one supplement request per dossier; a second one makes it late whatever the dates.
  if ((d.supplementRequests ?? 0) > 1) return 'late';
  return compareToDue(cal, d.processedAt, currentDueAt(d, cal, d.processedAt));
}

/** Something done at `at` against a due instant: late after it, early a whole working day ahead. */
export function compareToDue(cal: CalendarData, at: string, due: Date | string): 'early' | 'on-time' | 'late' {
  if (Date.parse(at) > new Date(due).getTime()) return 'late';
  return workingDaysBetween(cal, at, due) >= 1 ? 'early' : 'on-time';
}
