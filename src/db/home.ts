import {
  foldHomeClient,
  foldHomeVisit,
  foldVietnamese,
  HOME_PERSONAL_FIELDS,
  homeClientLastNeeded,
  matchesQuery,
  retentionCutoff,
  searchTokens,
  stripHomePersonalData,
  vnDateKey,
  type HomeClient,
  type HomeVisit,
} from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import { stripSyncedOps } from './strip';
import { sentThrough } from './sent';

// The home-service tables (declared by Dexie version 1): the registry of people served at home and
// the visits planned for them, each row the fold of its ops.

export interface HomeClientRow extends HomeClient {
  /** Folded words of name, village, address, phone and ID number, for the registry's search. */
  words: string[];
}

export type HomeVisitRow = HomeVisit;

/** The projector of `home.client-*` (see projections.ts): the client's fold, again, from all its ops. */
export async function refreshHomeClient(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  const client = foldHomeClient(op.entityId, await db.ops.where('entityId').equals(op.entityId).toArray());
  if (client) await db.homeClients.put(toClientRow(client));
}

const toClientRow = (client: HomeClient): HomeClientRow => ({ ...client, words: searchTokens(client.name, client.village, client.address, client.phone, client.idNumber) });

/** The projector of `home.visit-*`. */
export async function refreshHomeVisit(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  const visit = foldHomeVisit(op.entityId, await db.ops.where('entityId').equals(op.entityId).toArray());
  if (visit) await db.homeVisits.put(visit);
}

/**
 * The registry, diacritic-insensitive ("nguyen thi hoa" finds "Nguyễn Thị Hòa"). A commune's list
 * is a few hundred people: one read of the table, filtered in memory, sorted by name.
 */
export async function searchHomeClients(db: FriendlyDeskDB, query: string): Promise<HomeClientRow[]> {
  const all = await db.homeClients.toArray();
  const hits = query.trim() ? all.filter((c) => matchesQuery(c.words, query)) : all;
  return hits.sort((a, b) => (foldVietnamese(a.name) < foldVietnamese(b.name) ? -1 : 1));
}

/** What a visit of a day needs on the plan: every visit (overdue and missed come from the past) and the clients. */
export async function loadPlanData(db: FriendlyDeskDB): Promise<{ visits: HomeVisitRow[]; clients: Map<string, HomeClient> }> {
  const [visits, clients] = await Promise.all([db.homeVisits.toArray(), db.homeClients.toArray()]);
  return { visits, clients: new Map(clients.map((c) => [c.id, c])) };
}

/** The visit under way on this tablet: arrival time and the dossiers dealt with so far, until its outcome is recorded. */
export interface VisitSession {
  arrivedAt?: string;
  dossierIds: string[];
  letterIds: string[];
}
const sessionKey = (visitId: string) => `homeVisit:${visitId}`;

export async function loadVisitSession(db: FriendlyDeskDB, visitId: string): Promise<VisitSession> {
  return ((await db.meta.get(sessionKey(visitId)))?.value as VisitSession | undefined) ?? { dossierIds: [], letterIds: [] };
}

export async function updateVisitSession(db: FriendlyDeskDB, visitId: string, change: (s: VisitSession) => VisitSession): Promise<VisitSession> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(await loadVisitSession(db, visitId));
    await db.meta.put({ key: sessionKey(visitId), value: next });
    return next;
  });
}

export async function endVisitSession(db: FriendlyDeskDB, visitId: string): Promise<void> {
  await db.meta.delete(sessionKey(visitId));
}

/**
 * The retention rule (DESIGN.md › Security) for the registry: a person nobody has visited or
 * changed for `retentionDays`, with no visit to come, loses phone, ID number, contact, note and
 * birth year from this tablet's synced ops and, by folding again, from the registry. Unsent ops keep
 * everything until they are sent. A commune's list is small: one read of both tables.
 */
export async function sweepHomeRetention(db: FriendlyDeskDB, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(retentionDays, now);
  const today = vnDateKey(now);
  const [clients, visits] = await Promise.all([db.homeClients.toArray(), db.homeVisits.toArray()]);
  const stale = clients.filter((c) => {
    if (!HOME_PERSONAL_FIELDS.some((f) => c[f] !== undefined)) return false;
    const last = homeClientLastNeeded(c, visits.filter((v) => v.clientId === c.id), today);
    return last !== undefined && last < cutoff;
  });
  const through = await sentThrough(db);
  let done = 0;
  for (const client of stale) {
    done += await db.transaction('rw', db.ops, db.homeClients, async () => {
      const ops = await stripSyncedOps(db, client.id, stripHomePersonalData, through);
      if (!ops) return 0;
      const folded = foldHomeClient(client.id, ops);
      if (folded) await db.homeClients.put(toClientRow(folded));
      return 1;
    });
  }
  return done;
}
