import type { Table } from 'dexie';
import type { OpType } from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import { refreshDossier } from './dossiers';
import { projectSurvey } from './surveys';
import { refreshHomeClient, refreshHomeVisit } from './home';

/** How one op type shows on this tablet: the tables it writes and how, inside the op's transaction. */
interface Projector {
  tables: (db: FriendlyDeskDB) => Table[];
  project: (db: FriendlyDeskDB, op: StoredOp) => Promise<void>;
}

const dossier: Projector = { tables: (db) => [db.dossiers], project: (db, op) => refreshDossier(db, op.entityId) };
const survey: Projector = { tables: (db) => [db.surveys], project: projectSurvey };
const homeClient: Projector = { tables: (db) => [db.homeClients], project: refreshHomeClient };
const homeVisit: Projector = { tables: (db) => [db.homeVisits], project: refreshHomeVisit };

/**
 * The projector table: one line per op type that this tablet projects. Types not listed (checklists,
 * letters) are kept in the op log only until their screens come with a projector.
 */
export const PROJECTORS: Partial<Record<OpType, Projector>> = {
  'dossier.received': dossier,
  'dossier.transitioned': dossier,
  'dossier.updated': dossier,
  'survey.submitted': survey,
  'home.client-registered': homeClient,
  'home.client-updated': homeClient,
  'home.visit-planned': homeVisit,
  'home.visit-completed': homeVisit,
};

/** Keep the projection of an op's entity up to date; called inside the op's transaction. */
export async function project(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  await PROJECTORS[op.type as OpType]?.project(db, op);
}

/** The tables a write of these op types opens: the op log, meta (sequence, clock) and their projections. */
export function tablesFor(db: FriendlyDeskDB, types: Iterable<string>): Table[] {
  const tables = new Set<Table>([db.ops, db.meta]);
  for (const type of types) for (const table of PROJECTORS[type as OpType]?.tables(db) ?? []) tables.add(table);
  return [...tables];
}

/** Every table an op of any type may write: pulled pages mix every type. */
export const WRITE_TABLES = (db: FriendlyDeskDB): Table[] => tablesFor(db, Object.keys(PROJECTORS));
