import Dexie from 'dexie';
import {
  currentDueAt,
  dueTimeOfDay,
  foldDossier,
  foldVietnamese,
  formatDossierCode,
  isOverdue,
  nameWordPairs,
  namePairQuery,
  newId,
  nextWorkingDay,
  OPEN_STATUSES,
  personalClosedAt,
  searchTokens,
  vnDateKey,
  vnDateTime,
  type CalendarData,
  type DossierState,
  type DossierStatus,
} from '../domain';
import type { Signature } from '../domain/signature';
import type { FriendlyDeskDB, StoredOp } from './database';
import { tablesFor } from './projections';
import { getDevice, InvalidOpError, loadValidator, recordOpInTransaction } from './writes';

// The dossiers table: a dossier's fold plus what the list indexes, its projection and its queries.

/** A dossier projection plus the index fields the list needs. */
export interface DossierRow extends DossierState {
  /** 1 while the dossier is still open: numbers index, booleans do not. */
  open: 0 | 1;
  /** Folded search tokens: applicant name, code, ID number, phone. */
  words: string[];
  /** Ordered pairs of the applicant's name words, so a name search reads few index entries. */
  namePairs: string[];
  /**
   * Only on closed dossiers that still hold an ID number, phone or address: when they were closed.
   * The retention sweep reads this index, so it never walks the dossiers it has already stripped.
   */
  personalClosedAt?: string;
}

export function toDossierRow(state: DossierState): DossierRow {
  const closedAt = personalClosedAt(state);
  return {
    ...(closedAt ? { personalClosedAt: closedAt } : {}),
    ...state,
    open: (OPEN_STATUSES as readonly string[]).includes(state.status) ? 1 : 0,
    words: searchTokens(state.applicant?.name, state.code, state.applicant?.idNumber, state.applicant?.phone),
    namePairs: nameWordPairs(state.applicant?.name),
  };
}

/** A row's dossier state, without the list's index fields. */
function stateOf(row: DossierRow): DossierState {
  const { open: _open, words: _words, namePairs: _pairs, personalClosedAt: _closed, ...state } = row;
  return state;
}

/**
 * Re-derive a dossier's projection from all ops this tablet holds for it. A row that came from the
 * commune's snapshot before its ops did (a new tablet, still storing them) is the fold of ops this
 * tablet lacks: newer ops go on from it.
 */
export async function refreshDossier(db: FriendlyDeskDB, entityId: string): Promise<void> {
  const ops = await db.ops.where('entityId').equals(entityId).toArray();
  const row = ops.some((op) => op.type === 'dossier.received') ? undefined : await db.dossiers.get(entityId);
  const state = row?.lastHlc ? foldDossier(entityId, ops.filter((op) => op.hlc > row.lastHlc), stateOf(row)) : foldDossier(entityId, ops);
  await db.dossiers.put(toDossierRow(state));
}

/** Snapshot rows (states folded on the server), with this tablet's own unsent ops of them folded on. */
export async function putSnapshotDossiers(db: FriendlyDeskDB, states: DossierState[], unsent: StoredOp[]): Promise<void> {
  const mine = new Map<string, StoredOp[]>();
  for (const op of unsent) mine.set(op.entityId, [...(mine.get(op.entityId) ?? []), op]);
  await db.dossiers.bulkPut(
    states.map((state) => {
      const newer = (mine.get(state.id) ?? []).filter((op) => op.hlc > state.lastHlc);
      return toDossierRow(newer.length ? foldDossier(state.id, newer, state) : state);
    }),
  );
}

/** The projections of many dossiers from every op of each (a pulled page): one fold each, one bulkPut. */
export async function projectDossiers(db: FriendlyDeskDB, ops: StoredOp[]): Promise<void> {
  const byEntity = new Map<string, StoredOp[]>();
  for (const op of ops) {
    const list = byEntity.get(op.entityId);
    if (list) list.push(op);
    else byEntity.set(op.entityId, [op]);
  }
  await db.dossiers.bulkPut([...byEntity].map(([id, list]) => toDossierRow(foldDossier(id, list))));
}


/** Below this many matches, fetch them all and sort; above, walk the date index and stop early. */
const BULK_GET_MAX = 2000;

/** Ids present in every one of the key lists, walking the shortest first. */
function intersect(keyLists: string[][]): Set<string> {
  const [first, ...rest] = [...keyLists].sort((a, b) => a.length - b.length);
  let ids = new Set(first);
  for (const keys of rest) {
    const next = new Set(keys);
    ids = new Set([...ids].filter((id) => next.has(id)));
  }
  return ids;
}

/** The dossiers a search finds: their ids, or a test to run on the newest dossiers first. */
type Matches = { ids: Set<string> } | { test: (row: DossierRow) => boolean };

/**
 * Reads index keys only (no records). A name of two or more words is looked up by word pairs (few
 * entries); if no name has those words whole, or the query holds a code or phone, every word is
 * the start of some token, one range per word. One word held by many dossiers ("nguyen") is not
 * read whole: the newest dossiers are tested instead, stopping when the page is full.
 */
async function findMatches(db: FriendlyDeskDB, folded: string): Promise<Matches> {
  const pairs = namePairQuery(folded);
  if (pairs) {
    const ids = intersect(
      await Promise.all([
        ...pairs.exact.map((pair) => db.dossiers.where('namePairs').equals(pair).primaryKeys()),
        db.dossiers.where('namePairs').startsWith(pairs.prefix).primaryKeys(),
      ]),
    );
    if (ids.size > 0) return { ids };
  }
  const words = [...new Set(folded.split(' ').filter(Boolean))];
  if (words.length === 1) {
    const [word] = words;
    const keys = await db.dossiers.where('words').startsWith(word).limit(BULK_GET_MAX + 1).primaryKeys();
    if (keys.length > BULK_GET_MAX) return { test: (row) => row.words.some((token) => token.startsWith(word)) };
    return { ids: new Set(keys) };
  }
  return { ids: intersect(await Promise.all(words.map((w) => db.dossiers.where('words').startsWith(w).primaryKeys()))) };
}

export type DossierFilter = 'all' | 'open' | 'due-today' | 'due-soon' | 'overdue';

export interface DossierQuery {
  filter: DossierFilter;
  status?: DossierStatus;
  search?: string;
  /** Procedures whose name matches the search (the caller holds the catalog): their dossiers match too. */
  procedureIds?: string[];
  limit?: number;
  /** The commune calendar: the due date a dossier has now (supplement waits) and "one working day". */
  calendar?: CalendarData;
  now?: Date;
}

function endOfDay(dateKey: string, calendar?: CalendarData): string {
  return vnDateTime(dateKey, calendar ? dueTimeOfDay(calendar) : '23:59').toISOString();
}

/**
 * One page of the dossier list. Each filter walks an index (open dossiers by their set due date,
 * all by receipt time), so the first page costs the same with 100 or 100,000 dossiers. The due
 * date a dossier has now (currentDueAt) is never earlier than the set one, so a due-date filter
 * reads the set due dates up to its end and keeps those whose current due date falls inside.
 */
export async function listDossiers(db: FriendlyDeskDB, q: DossierQuery): Promise<DossierRow[]> {
  const limit = q.limit ?? 50;
  const now = q.now ?? new Date();
  const today = vnDateKey(now);
  const nowIso = now.toISOString();
  const wanted = inFilter(q);

  const search = q.search ? foldVietnamese(q.search) : '';
  if (search) {
    const matches = await findMatches(db, search);
    const procedures = new Set(q.procedureIds ?? []);
    if ('ids' in matches && matches.ids.size <= BULK_GET_MAX && procedures.size === 0) {
      const rows = (await db.dossiers.bulkGet([...matches.ids])).filter((r): r is DossierRow => Boolean(r) && wanted(r!));
      return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, limit);
    }
    // Many matches, or whole procedures: newest first, stopping as soon as the page is full.
    const matching = 'ids' in matches ? (row: DossierRow) => matches.ids.has(row.id) : matches.test;
    return db.dossiers
      .orderBy('receivedAt')
      .reverse()
      .filter((row) => (matching(row) || procedures.has(row.procedureId)) && wanted(row))
      .limit(limit)
      .toArray();
  }

  const openUpTo = (until: string) => db.dossiers.where('[open+dueAt]').between([1, Dexie.minKey], [1, until], true, true);
  let collection;
  switch (q.filter) {
    case 'open':
      collection = openUpTo(Dexie.maxKey as unknown as string);
      break;
    case 'overdue':
      collection = openUpTo(nowIso);
      break;
    case 'due-today':
      collection = openUpTo(endOfDay(today));
      break;
    case 'due-soon':
      collection = openUpTo(dueSoonUntil(today, q.calendar));
      break;
    default:
      collection = db.dossiers.orderBy('receivedAt').reverse();
  }
  // The open and all ranges hold exactly their dossiers: read them without a cursor filter (faster).
  const exact = (q.filter === 'open' || q.filter === 'all') && !q.status;
  return (exact ? collection : collection.filter(wanted)).limit(limit).toArray();
}

/** Whether a dossier passes the query's filter chip and status (the search aside). */
export function inFilter(q: Pick<DossierQuery, 'filter' | 'status' | 'calendar' | 'now'>): (row: DossierRow) => boolean {
  const now = q.now ?? new Date();
  const passes = filterPredicate(q.filter, now, vnDateKey(now), q.calendar);
  return (row) => passes(row) && (!q.status || row.status === q.status);
}

/** Not yet late, and due by the end of the next working day. */
function dueSoonUntil(today: string, calendar?: CalendarData): string {
  return calendar ? endOfDay(nextWorkingDay(calendar, today), calendar) : endOfDay(today);
}

function filterPredicate(filter: DossierFilter, now: Date, today: string, calendar?: CalendarData): (row: DossierRow) => boolean {
  const nowIso = now.toISOString();
  const due = (r: DossierRow) => (calendar ? currentDueAt(r, calendar, now) : r.dueAt);
  switch (filter) {
    case 'open':
      return (r) => r.open === 1;
    case 'overdue':
      return (r) => isOverdue(r, now, calendar);
    case 'due-today': {
      const dayStart = vnDateTime(today, '00:00').toISOString();
      return (r) => r.open === 1 && due(r) >= dayStart && vnDateKey(due(r)) === today;
    }
    case 'due-soon': {
      const until = dueSoonUntil(today, calendar);
      return (r) => r.open === 1 && due(r) >= nowIso && due(r) <= until;
    }
    default:
      return () => true;
  }
}

export interface NewDossierInput {
  procedureId: string;
  applicant: { name: string; idNumber?: string; phone?: string; address?: string };
  channel: 'counter' | 'home' | 'online';
  documents: string[];
  writtenByStaff: boolean;
  staffId: string;
  dueAt: string;
  /** 1.1: the applicant signed the declaration on the screen, or fingerprinted the paper. */
  signature?: Signature;
}

/** Receive a dossier: issue its code (unique per tablet per day) and record `dossier.received`. */
export async function receiveDossier(db: FriendlyDeskDB, input: NewDossierInput, now = new Date()): Promise<DossierRow> {
  const validate = await loadValidator();
  return db.transaction('rw', tablesFor(db, ['dossier.received']), async () => {
    const device = await getDevice(db);
    if (!device) throw new InvalidOpError('no-device', 'This tablet is not set up yet');
    const today = vnDateKey(now);
    const counter = (await db.meta.get('codeCounter'))?.value as { dateKey: string; n: number } | undefined;
    const n = counter?.dateKey === today ? counter.n + 1 : 1;
    const code = formatDossierCode(device.commune.code, now, device.deviceNo, n);
    const id = newId();
    const applicant = Object.fromEntries(Object.entries(input.applicant).filter(([, v]) => v !== undefined && v !== ''));
    await recordOpInTransaction(
      db,
      validate,
      'dossier.received',
      id,
      { ...input, applicant, code, receivedAt: now.toISOString() },
      now,
    );
    await db.meta.put({ key: 'codeCounter', value: { dateKey: today, n } });
    return (await db.dossiers.get(id))!;
  });
}
