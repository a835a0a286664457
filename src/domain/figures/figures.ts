import { workingDaysBetween, type CalendarData } from '../calendar';
import { currentDueAt } from '../dossiers/due';
import { isOverdue, type DossierState } from '../dossiers/lifecycle';
import { RATINGS, type Rating } from '../surveys/ratings';
import { vnDateKey } from '../time';

export type Timeliness = 'early' | 'on-time' | 'late' | 'open' | 'withdrawn';

type TimedDossier = Pick<DossierState, 'status' | 'dueAt' | 'processedAt' | 'supplementPeriods'>;

/**
 * How a dossier was settled against its due date. The end of processing is the first of result
 * ready, returned, refused or stopped (processedAt); the working days spent waiting for the
 * citizen's supplement do not count, so they push the due date back. "Early" means at least one
 * whole working day ahead. A withdrawn dossier is settled by the citizen, so it is none of these.
 */
export function dossierTimeliness(d: TimedDossier, cal: CalendarData): Timeliness {
  if (d.status === 'withdrawn') return 'withdrawn';
  if (!d.processedAt) return 'open';
  const due = new Date(currentDueAt(d, cal, d.processedAt));
  if (Date.parse(d.processedAt) > due.getTime()) return 'late';
  return workingDaysBetween(cal, d.processedAt, due) >= 1 ? 'early' : 'on-time';
}

export interface FigureDossier extends TimedDossier {
  receivedAt: string;
  channel: DossierState['channel'];
}

export interface FigureSurvey {
  rating: Rating;
  at: string;
}

export interface CommuneFigures {
  received: number;
  settled: number;
  early: number;
  onTime: number;
  late: number;
  open: number;
  overdueOpen: number;
  atHome: number;
  onTimeRate: number | null;
  satisfaction: { responses: number; byRating: Record<Rating, number>; satisfiedRate: number | null };
}

/**
 * The figures communes report, for dossiers received and surveys answered between two Vietnam
 * dates (inclusive): settled early / on time / late, open and overdue, settled at home, and the
 * satisfaction rate = (satisfied + very satisfied) / responses.
 */
export function communeFigures(input: {
  dossiers: FigureDossier[];
  surveys: FigureSurvey[];
  calendar: CalendarData;
  from: string;
  to: string;
  now: Date;
}): CommuneFigures {
  const inRange = (iso: string) => {
    const key = vnDateKey(iso);
    return key >= input.from && key <= input.to;
  };
  const f: CommuneFigures = {
    received: 0,
    settled: 0,
    early: 0,
    onTime: 0,
    late: 0,
    open: 0,
    overdueOpen: 0,
    atHome: 0,
    onTimeRate: null,
    satisfaction: { responses: 0, byRating: Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>, satisfiedRate: null },
  };
  for (const d of input.dossiers) {
    if (!inRange(d.receivedAt)) continue;
    f.received++;
    const t = dossierTimeliness(d, input.calendar);
    if (t === 'open') {
      f.open++;
      if (isOverdue(d, input.now, input.calendar)) f.overdueOpen++;
      continue;
    }
    f.settled++;
    if (t === 'early') f.early++;
    else if (t === 'on-time') f.onTime++;
    else if (t === 'late') f.late++;
    if (d.channel === 'home' && t !== 'withdrawn') f.atHome++;
  }
  const judged = f.early + f.onTime + f.late;
  f.onTimeRate = judged ? (f.early + f.onTime) / judged : null;
  for (const s of input.surveys) {
    if (!inRange(s.at)) continue;
    f.satisfaction.responses++;
    f.satisfaction.byRating[s.rating]++;
  }
  const { responses, byRating } = f.satisfaction;
  f.satisfaction.satisfiedRate = responses ? (byRating.satisfied + byRating['very-satisfied']) / responses : null;
  return f;
}

