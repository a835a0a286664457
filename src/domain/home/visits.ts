import { compareOps, type FoldOp } from '../dossiers/lifecycle';
import { foldVietnamese } from '../text';
import { outcomeOf, type VisitOutcome, type VisitPurpose } from './kinds';
import type { HomeVisitCompletedData, HomeVisitPlannedData } from './ops';
import type { HomeClient } from './clients';

/** A planned visit and, once it happened (or did not), how it ended. */
export interface HomeVisit {
  id: string;
  clientId: string;
  date: string;
  purpose: VisitPurpose;
  procedureId?: string;
  dossierId?: string;
  letterId?: string;
  staffId: string;
  plannedAt: string;
  outcome?: VisitOutcome;
  arrivedAt?: string;
  leftAt?: string;
  /** Dossiers received or returned at the home, over every completion op of the visit. */
  dossierIds: string[];
  letterIds: string[];
  note?: string;
  completedBy?: string;
}

/**
 * A visit's ops (entity = the visit id): the plan, then completions; the last completion by HLC
 * decides the outcome, and the dossiers and letters of all of them add up (two tablets never lose one).
 */
export function foldHomeVisit(id: string, ops: FoldOp[]): HomeVisit | undefined {
  const sorted = ops.filter((op) => op.entityId === id && op.type.startsWith('home.visit-')).sort(compareOps);
  const plan = sorted.find((op) => op.type === 'home.visit-planned');
  if (!plan) return undefined;
  const p = plan.data as HomeVisitPlannedData;
  const visit: HomeVisit = {
    id,
    clientId: p.clientId,
    date: p.date,
    purpose: p.purpose ?? 'other',
    ...(p.procedureId ? { procedureId: p.procedureId } : {}),
    ...(p.dossierId ? { dossierId: p.dossierId } : {}),
    ...(p.letterId ? { letterId: p.letterId } : {}),
    staffId: p.staffId,
    plannedAt: plan.at,
    dossierIds: [],
    letterIds: [],
  };
  for (const op of sorted) {
    if (op.type !== 'home.visit-completed') continue;
    const c = op.data as HomeVisitCompletedData;
    visit.outcome = outcomeOf(c.outcome);
    visit.completedBy = c.staffId;
    if (c.arrivedAt) visit.arrivedAt = c.arrivedAt;
    if (c.leftAt) visit.leftAt = c.leftAt;
    if (c.note) visit.note = c.note;
    else if (c.outcome !== visit.outcome) visit.note = c.outcome; // a 1.0 free-text outcome
    for (const d of [...(c.dossierIds ?? []), ...(c.dossierId ? [c.dossierId] : [])]) if (!visit.dossierIds.includes(d)) visit.dossierIds.push(d);
    for (const l of c.letterIds ?? []) if (!visit.letterIds.includes(l)) visit.letterIds.push(l);
  }
  return visit;
}

export interface PlannedVisit {
  visit: HomeVisit;
  client?: HomeClient;
}

export interface DayPlan {
  /** The day's visits, ordered by village, then address, then name: one walk through the commune. */
  day: PlannedVisit[];
  /** Visits planned before `today` that nobody recorded: still to do, oldest first. */
  overdue: PlannedVisit[];
  /** Visits that found nobody at home or were postponed, with no later visit planned for that person. */
  missed: PlannedVisit[];
}

const placeKey = (client?: HomeClient) => [foldVietnamese(client?.village ?? ''), foldVietnamese(client?.address ?? ''), foldVietnamese(client?.name ?? '')];
function byPlace(a: PlannedVisit, b: PlannedVisit): number {
  const ka = placeKey(a.client);
  const kb = placeKey(b.client);
  // Visits with no village go after those with one: they cannot be put on a route.
  if (!ka[0] !== !kb[0]) return ka[0] ? -1 : 1;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return a.visit.id < b.visit.id ? -1 : 1;
}

/** The plan of `date` as seen on `today` (both Vietnam dates, YYYY-MM-DD); `staffId` narrows to one officer. */
export function dayPlan(visits: HomeVisit[], clients: Map<string, HomeClient>, date: string, today: string, staffId?: string): DayPlan {
  const mine = visits.filter((v) => !staffId || v.staffId === staffId);
  const withClient = (visit: HomeVisit): PlannedVisit => ({ visit, client: clients.get(visit.clientId) });
  const day = mine.filter((v) => v.date === date).map(withClient).sort(byPlace);
  const overdue = mine
    .filter((v) => v.date < today && !v.outcome)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(withClient);
  // A person found out or put off needs another visit: missed until one is planned after it.
  const missed = mine
    .filter((v) => (v.outcome === 'not-home' || v.outcome === 'postponed') && !visits.some((later) => later.clientId === v.clientId && later.id !== v.id && later.date >= v.date && later.plannedAt > v.plannedAt && later.outcome !== 'cancelled'))
    .map(withClient);
  return { day, overdue, missed };
}
