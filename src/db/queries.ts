import Dexie from 'dexie';
import { foldVietnamese, nextWorkingDay, vnDateKey, vnDateTime, type CalendarData } from '../domain';
import type { DossierStatus } from '../domain';
import type { DossierRow, FriendlyDeskDB } from './database';

/** Below this many matches, fetch them all and sort; above, walk the date index and stop early. */
const BULK_GET_MAX = 2000;

/**
 * Ids of the dossiers whose tokens match every query word. Reads index keys only (no records),
 * one prefix range per word, and intersects them smallest first.
 */
async function matchingIds(db: FriendlyDeskDB, folded: string): Promise<Set<string>> {
  const words = [...new Set(folded.split(' ').filter(Boolean))];
  const keySets = await Promise.all(words.map((w) => db.dossiers.where('words').startsWith(w).primaryKeys()));
  keySets.sort((a, b) => a.length - b.length);
  let ids = new Set(keySets[0]);
  for (const keys of keySets.slice(1)) {
    const next = new Set(keys);
    ids = new Set([...ids].filter((id) => next.has(id)));
  }
  return ids;
}

export type DossierFilter = 'all' | 'open' | 'due-today' | 'due-soon' | 'overdue';

export interface DossierQuery {
  filter: DossierFilter;
  status?: DossierStatus;
  search?: string;
  limit?: number;
  /** The calendar decides what "within one working day" means. */
  calendar?: CalendarData;
  now?: Date;
}

function endOfDay(dateKey: string, calendar?: CalendarData): string {
  return vnDateTime(dateKey, calendar?.officeHours.afternoon[1] ?? '23:59').toISOString();
}

/**
 * One page of the dossier list. Each filter walks an index (open dossiers by due date,
 * all by receipt time), so the first page costs the same with 100 or 100,000 dossiers.
 */
export async function listDossiers(db: FriendlyDeskDB, q: DossierQuery): Promise<DossierRow[]> {
  const limit = q.limit ?? 50;
  const now = q.now ?? new Date();
  const today = vnDateKey(now);
  const nowIso = now.toISOString();
  const dayStart = vnDateTime(today, '00:00').toISOString();

  let collection;
  switch (q.filter) {
    case 'open':
      collection = db.dossiers.where('[open+dueAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);
      break;
    case 'overdue':
      collection = db.dossiers.where('[open+dueAt]').between([1, Dexie.minKey], [1, nowIso]);
      break;
    case 'due-today':
      collection = db.dossiers.where('[open+dueAt]').between([1, dayStart], [1, vnDateTime(today, '23:59').toISOString()], true, true);
      break;
    case 'due-soon': {
      // Not yet late, and due by the end of the next working day.
      const until = q.calendar ? endOfDay(nextWorkingDay(q.calendar, today), q.calendar) : endOfDay(today);
      collection = db.dossiers.where('[open+dueAt]').between([1, nowIso], [1, until], true, true);
      break;
    }
    default:
      collection = db.dossiers.orderBy('receivedAt').reverse();
  }

  const search = q.search ? foldVietnamese(q.search) : '';
  if (search) {
    const passes = filterPredicate(q.filter, nowIso, dayStart, today, q.calendar);
    const wanted = (row: DossierRow) => passes(row) && (!q.status || row.status === q.status);
    const ids = await matchingIds(db, search);
    if (ids.size <= BULK_GET_MAX) {
      const rows = (await db.dossiers.bulkGet([...ids])).filter((r): r is DossierRow => Boolean(r) && wanted(r!));
      return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, limit);
    }
    // A common name: newest first, stopping as soon as the page is full.
    return db.dossiers
      .orderBy('receivedAt')
      .reverse()
      .filter((row) => ids.has(row.id) && wanted(row))
      .limit(limit)
      .toArray();
  }
  if (q.status) collection = collection.filter((row) => row.status === q.status);
  return collection.limit(limit).toArray();
}

function filterPredicate(
  filter: DossierFilter,
  nowIso: string,
  dayStart: string,
  today: string,
  calendar?: CalendarData,
): (row: DossierRow) => boolean {
  switch (filter) {
    case 'open':
      return (r) => r.open === 1;
    case 'overdue':
      return (r) => r.open === 1 && r.dueAt < nowIso;
    case 'due-today':
      return (r) => r.open === 1 && r.dueAt >= dayStart && vnDateKey(r.dueAt) === today;
    case 'due-soon': {
      const until = calendar ? endOfDay(nextWorkingDay(calendar, today), calendar) : endOfDay(today);
      return (r) => r.open === 1 && r.dueAt >= nowIso && r.dueAt <= until;
    }
    default:
      return () => true;
  }
}

export async function countPending(db: FriendlyDeskDB): Promise<number> {
  return db.ops.where('[state+deviceSeq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).count();
}
