import { foldHomeClient, foldHomeVisit, foldVietnamese, searchTokens, matchesQuery, type HomeClient, type HomeVisit } from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';

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
  if (!client) return;
  await db.homeClients.put({ ...client, words: searchTokens(client.name, client.village, client.address, client.phone, client.idNumber) });
}

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
