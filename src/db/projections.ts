import type { Table } from 'dexie';
import type { OpType } from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import { projectDossiers, refreshDossier } from './dossiers';
import { projectSurvey, projectSurveys } from './surveys';
import { projectLetterDelivered, projectLetterIssued } from './letters';
import { projectChecklist } from './checklists';
import { refreshHomeClient, refreshHomeVisit } from './home';

/** How one op type shows on this tablet: the tables it writes and how, inside the op's transaction. */
interface Projector {
  tables: (db: FriendlyDeskDB) => Table[];
  /** One op just stored: refresh what it touches (reading the op log as needed). */
  project: (db: FriendlyDeskDB, op: StoredOp) => Promise<void>;
  /**
   * Many entities at once (a pulled page), given every op of each: write their projections in bulk.
   * Without one, the ops are projected one by one in clock order, as if recorded so.
   */
  projectAll?: (db: FriendlyDeskDB, ops: StoredOp[]) => Promise<void>;
}

const dossier: Projector = { tables: (db) => [db.dossiers], project: (db, op) => refreshDossier(db, op.entityId), projectAll: projectDossiers };
const survey: Projector = { tables: (db) => [db.surveys], project: projectSurvey, projectAll: projectSurveys };
// A delivery re-reads its letter's ops, so it opens the op log (always open) and the letters table.
const letterIssued: Projector = { tables: (db) => [db.letters], project: projectLetterIssued };
const letterDelivered: Projector = { tables: (db) => [db.letters], project: projectLetterDelivered };
const checklist: Projector = { tables: (db) => [db.checklistResults], project: projectChecklist };
const homeClient: Projector = { tables: (db) => [db.homeClients], project: refreshHomeClient };
const homeVisit: Projector = { tables: (db) => [db.homeVisits], project: refreshHomeVisit };

/**
 * The projector table: one line per op type that this tablet projects. A type not listed is kept
 * in the op log only, until its screens come with a projector.
 */
export const PROJECTORS: Partial<Record<OpType, Projector>> = {
  'dossier.received': dossier,
  'dossier.transitioned': dossier,
  'dossier.updated': dossier,
  'survey.submitted': survey,
  'letter.issued': letterIssued,
  'letter.delivered': letterDelivered,
  'checklist.recorded': checklist,
  'home.client-registered': homeClient,
  'home.client-updated': homeClient,
  'home.visit-planned': homeVisit,
  'home.visit-completed': homeVisit,
};

/** Keep the projection of an op's entity up to date; called inside the op's transaction. */
export async function project(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  await PROJECTORS[op.type as OpType]?.project(db, op);
}

/**
 * Project many entities at once, given every op this tablet holds for each of them (inside the
 * caller's transaction): each projector once, with its own ops.
 */
export async function projectEntities(db: FriendlyDeskDB, ops: StoredOp[]): Promise<void> {
  const byProjector = new Map<Projector, StoredOp[]>();
  for (const op of ops) {
    const projector = PROJECTORS[op.type as OpType];
    if (!projector) continue;
    const list = byProjector.get(projector);
    if (list) list.push(op);
    else byProjector.set(projector, [op]);
  }
  for (const [projector, list] of byProjector) {
    if (projector.projectAll) await projector.projectAll(db, list);
    else for (const op of list.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) await projector.project(db, op);
  }
}

/** The tables a write of these op types opens: the op log, meta (sequence, clock) and their projections. */
export function tablesFor(db: FriendlyDeskDB, types: Iterable<string>): Table[] {
  const tables = new Set<Table>([db.ops, db.meta]);
  for (const type of types) for (const table of PROJECTORS[type as OpType]?.tables(db) ?? []) tables.add(table);
  return [...tables];
}

/** Every table an op of any type may write: pulled pages mix every type. */
export const WRITE_TABLES = (db: FriendlyDeskDB): Table[] => tablesFor(db, Object.keys(PROJECTORS));
