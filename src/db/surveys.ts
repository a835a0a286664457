import type { FriendlyDeskDB, StoredOp } from './database';
import { isSent, sentThrough } from './sent';

/** What the kiosk rules need of an answer (one per dossier, no repeats): no comment, nothing personal. */
export interface SurveyRow {
  id: string;
  at: string;
  rating: string;
  dossierCode?: string;
}

function surveyRow(op: StoredOp): SurveyRow {
  const { rating, dossierCode } = op.data as { rating: string; dossierCode?: string };
  return { id: op.opId, at: op.at, rating, ...(dossierCode ? { dossierCode } : {}) };
}

/** The projector of `survey.submitted` (see projections.ts). */
export async function projectSurvey(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  await db.surveys.put(surveyRow(op));
}

/** The same for a pulled page: one bulkPut. */
export async function projectSurveys(db: FriendlyDeskDB, ops: StoredOp[]): Promise<void> {
  await db.surveys.bulkPut(ops.map(surveyRow));
}

export async function hasSurveyForDossier(db: FriendlyDeskDB, dossierCode: string): Promise<boolean> {
  return (await db.surveys.where('dossierCode').equals(dossierCode).count()) > 0;
}

/** When the recent submissions were, for the anti-misuse rule. */
export async function recentSurveyTimes(db: FriendlyDeskDB, sinceMs: number): Promise<number[]> {
  const rows = await db.surveys.where('at').aboveOrEqual(new Date(sinceMs).toISOString()).toArray();
  return rows.map((r) => Date.parse(r.at));
}

/** The kiosk keeps nothing longer than it must: synced answers go after `days` days. */
export async function pruneSyncedSurveys(db: FriendlyDeskDB, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const through = await sentThrough(db);
  return db.transaction('rw', db.ops, db.surveys, async () => {
    const old = await db.ops.filter((op) => op.type === 'survey.submitted' && isSent(op, through) && op.at < cutoff).toArray();
    await db.ops.bulkDelete(old.map((op) => op.opId));
    await db.surveys.bulkDelete(old.map((op) => op.opId));
    return old.length;
  });
}

/** Kept in IndexedDB, so a tablet handed to a citizen stays locked through a reload. */
export async function setSurveyMode(db: FriendlyDeskDB, on: boolean): Promise<void> {
  await db.meta.put({ key: 'surveyMode', value: on });
}

export async function isSurveyMode(db: FriendlyDeskDB): Promise<boolean> {
  return Boolean((await db.meta.get('surveyMode'))?.value);
}
