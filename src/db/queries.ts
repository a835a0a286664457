import Dexie from 'dexie';
import { foldVietnamese, matchesQuery, nextWorkingDay, vnDateKey, vnDateTime, type CalendarData } from '../domain';
import type { DossierStatus } from '../domain';
import type { DossierRow, FriendlyDeskDB } from './database';

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
    // Narrow through the word index on the longest query word, check the rest in memory.
    const words = search.split(' ').filter(Boolean);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const passesFilter = filterPredicate(q.filter, nowIso, dayStart, today, q.calendar);
    const inRange = (row: DossierRow) => passesFilter(row) && matchesQuery(row.words, search);
    const hits = await db.dossiers
      .where('words')
      .startsWith(longest)
      .distinct()
      .filter((row) => inRange(row) && (!q.status || row.status === q.status))
      .limit(limit)
      .toArray();
    return hits.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
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
