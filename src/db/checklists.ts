import {
  checklistRecord,
  citizenItemAnswers,
  vnDateKey,
  type ChecklistRecord,
  type ChecklistRecordedData,
  type CitizenCheck,
  type SurveyDefinition,
} from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import type { DossierRow } from './dossiers';

// The checklist results table: one row per `checklist.recorded` (append-only), its projection and
// the queries of the quick check and the leader's figures.

export type ChecklistRow = ChecklistRecord;

/** The projector of `checklist.recorded` (see projections.ts): the record with 1.0 gaps filled. */
export async function projectChecklist(db: FriendlyDeskDB, op: StoredOp): Promise<void> {
  await db.checklistResults.put(checklistRecord(op.entityId, op.at, op.data as ChecklistRecordedData));
}

/** Records of the days `from`..`to` (Vietnam date keys, inclusive). */
export async function checklistRecordsBetween(db: FriendlyDeskDB, from: string, to: string): Promise<ChecklistRow[]> {
  return db.checklistResults.where('date').between(from, to, true, true).toArray();
}

/** Whether an officer answered (or skipped) the quick check about this dossier since `since` (the receipt, the return). */
export async function hasQuickCheck(db: FriendlyDeskDB, dossierId: string, staffId: string, since = ''): Promise<boolean> {
  const rows = await db.checklistResults
    .filter((r) => r.dossierId === dossierId && r.staffId === staffId && r.mode === 'self' && r.at >= since)
    .count();
  return rows > 0;
}

/** Who served the citizen last: the officer who returned the result, else the one who received the dossier. */
function servingOfficer(d: DossierRow): string | undefined {
  const returned = [...d.history].reverse().find((e) => e.action === 'return-result' && e.staffId);
  return returned?.staffId ?? (d.staffId || undefined);
}

/**
 * Citizens' yes/no answers of the days `from`..`to` to questions that name a checklist item, read
 * from the op log (the surveys table keeps no answers). An answer linked to a dossier this tablet
 * knows lands on the officer who served that citizen.
 */
export async function citizenChecksBetween(
  db: FriendlyDeskDB,
  survey: SurveyDefinition | null,
  from: string,
  to: string,
): Promise<CitizenCheck[]> {
  if (!survey?.questions.some((q) => q.checklistItem)) return [];
  const ops = await db.ops.where('type').equals('survey.submitted').toArray();
  const checks: { code?: string; check: Omit<CitizenCheck, 'staffId'> }[] = [];
  for (const op of ops) {
    const date = vnDateKey(op.at);
    if (date < from || date > to) continue;
    const data = op.data as { answers?: Record<string, boolean>; dossierCode?: string };
    for (const a of citizenItemAnswers(survey, data.answers)) checks.push({ code: data.dossierCode, check: { ...a, date } });
  }
  const codes = [...new Set(checks.flatMap((c) => (c.code ? [c.code] : [])))];
  const dossiers = codes.length ? await db.dossiers.where('code').anyOf(codes).toArray() : [];
  const officerOf = new Map(dossiers.map((d) => [d.code, servingOfficer(d)]));
  return checks.map(({ code, check }) => {
    const staffId = code ? officerOf.get(code) : undefined;
    return staffId ? { ...check, staffId } : check;
  });
}
