import type { CalendarData } from '../calendar';
import { isOverdue, type DossierState } from '../dossiers/lifecycle';
import { dossierTimeliness } from '../figures/figures';
import type { LetterKind } from './kinds';

/** Birthdays the commune celebrates (mừng thọ): 70, 75 … 95, then every year from 100. */
export const LONGEVITY_AGES = [70, 75, 80, 85, 90, 95] as const;

/** The age a home client turns in `year` if it calls for a longevity letter, else null. */
export function longevityAge(birthYear: number | undefined, year: number): number | null {
  if (birthYear === undefined || !Number.isInteger(birthYear)) return null;
  const age = year - birthYear;
  return age >= 100 || (LONGEVITY_AGES as readonly number[]).includes(age) ? age : null;
}

type TriggerDossier = Pick<DossierState, 'status' | 'dueAt' | 'extended' | 'processedAt' | 'supplementPeriods'> &
  Partial<Pick<DossierState, 'supplementRequests'>>;

/**
 * The letters a dossier calls for: the one its procedure carries (birth, marriage registration →
 * congratulation; death registration → condolence) once the registration is done, and the apology
 * when it was extended or is (or was settled) late.
 */
export function triggeredKinds(d: TriggerDossier, procedureKind: LetterKind | undefined, cal: CalendarData, now: Date): LetterKind[] {
  const kinds: LetterKind[] = [];
  if (procedureKind && (d.status === 'result-ready' || d.status === 'returned')) kinds.push(procedureKind);
  if (d.extended || isOverdue(d, now) || dossierTimeliness(d, cal) === 'late') kinds.push('apology');
  return kinds;
}

/** Suggested and not yet issued: the triggered kinds minus those already issued for the dossier. */
export function suggestedKinds(triggered: LetterKind[], issued: Iterable<LetterKind>): LetterKind[] {
  const done = new Set(issued);
  return triggered.filter((k) => !done.has(k));
}
