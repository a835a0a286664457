import { isWorkingDay, nextWorkingDay, type CalendarData } from '../calendar';
import { compareToDue } from '../figures/figures';
import { addDaysToKey, vnDateKey } from '../time';
import { currentDueAt, type DueDossier } from './due';
import { HAND_OVER, IN_PROGRESS_STATUSES, type DossierState } from './lifecycle';

// The one-stop rules of Decree 118/2025 that the counter enforces before an op is written. The
// fold (lifecycle.ts) keeps whatever another tablet did anyway and flags it; these say what this
// tablet may still offer.

const inProgress = (s: Pick<DossierState, 'status'>) => (IN_PROGRESS_STATUSES as readonly string[]).includes(s.status);

/** A supplement is requested once per dossier: a second request is refused on the counter. */
export function canRequestSupplement(d: Pick<DossierState, 'supplementRequests'>): boolean {
  return (d.supplementRequests ?? 0) < 1;
}

/** The due date may be moved once (form 04). */
export function canExtend(d: Pick<DossierState, 'extended'>): boolean {
  return !d.extended;
}

/**
 * The apology and extension comes at least one working day before the due date: there must be a
 * whole working day between today and the due day (due Thursday: Wednesday is the last day).
 */
export function isApologyTimely(cal: CalendarData, dueAt: string, now: Date): boolean {
  // Working days from today (itself included) up to the due day (excluded): at least one.
  const dueDay = vnDateKey(dueAt);
  for (let day = vnDateKey(now); day < dueDay; day = addDaysToKey(day, 1)) if (isWorkingDay(cal, day)) return true;
  return false;
}

export type ApologySignal = 'apologise-now' | 'apology-late';

/**
 * The list's signal for a dossier still owed and not yet extended: today is the last working day
 * before the due day → "apologise now" (the last day the decree allows); after it → late.
 */
export function apologySignal(d: Pick<DossierState, 'status' | 'extended'> & DueDossier, cal: CalendarData, now: Date): ApologySignal | null {
  if (!inProgress(d) || d.extended || !d.dueAt) return null;
  // The due date as it stands now: a wait for the citizen's supplement moves it back.
  const due = currentDueAt(d, cal, now);
  if (!isApologyTimely(cal, due, now)) return 'apology-late';
  return vnDateKey(due) <= nextWorkingDay(cal, vnDateKey(now)) ? 'apologise-now' : null;
}

/** Returning before the appointment day (the due date as it stands): welcome, once the citizen has been told. */
export function isEarlyReturn(d: Pick<DossierState, 'dueAt'>, now: Date): boolean {
  return vnDateKey(now) < vnDateKey(d.dueAt);
}

export interface HandOverRow {
  opId: string;
  at: string;
  fromStaffId?: string;
  toStaffId?: string;
  toAgency?: string;
  /** Against the dossier's due date at that moment (an extension moves it for later steps). */
  timeliness: 'early' | 'on-time' | 'late';
}

/** The rows of form 06 (processing control slip): one per hand-over, in the fold's order. */
export function handOverRows(d: Pick<DossierState, 'history' | 'originalDueAt'>, cal: CalendarData): HandOverRow[] {
  let due = d.originalDueAt;
  const rows: HandOverRow[] = [];
  for (const e of d.history) {
    if (e.flagged) continue;
    if (e.action === 'apologize-extend' && e.newDueAt) due = e.newDueAt;
    if (e.action !== HAND_OVER) continue;
    rows.push({
      opId: e.opId,
      at: e.at,
      fromStaffId: e.staffId,
      ...(e.toStaffId ? { toStaffId: e.toStaffId } : {}),
      ...(e.toAgency ? { toAgency: e.toAgency } : {}),
      timeliness: compareToDue(cal, e.at, due),
    });
  }
  return rows;
}
