import { checklistRecord, citizenItemAnswers, type ChecklistRecord, type ChecklistRecordedData, type Op, type SurveyDefinition } from '../../domain';
import { Params, rowsFrom, type Column } from '../rows';
import type { Sql } from '../sql';

/** The checklist report rows: one per `checklist.recorded` that counts, 1.0 gaps filled (self-check). */
const CHECKLIST_COLUMNS: Column<ChecklistRecord & { opId: string }>[] = [
  { name: 'op_id', type: 'uuid', of: (r) => r.opId },
  { name: 'template_id', type: 'text', of: (r) => r.templateId },
  { name: 'template_version', type: 'integer', of: (r) => r.templateVersion },
  { name: 'staff_id', type: 'text', of: (r) => r.staffId },
  { name: 'checked_by', type: 'text', of: (r) => r.checkedBy },
  { name: 'mode', type: 'text', of: (r) => r.mode },
  { name: 'date', type: 'text', of: (r) => r.date },
  { name: 'dossier_id', type: 'uuid', of: (r) => r.dossierId ?? null },
  { name: 'skipped', type: 'boolean', of: (r) => r.skipped },
  { name: 'items', type: 'jsonb', of: (r) => JSON.stringify(r.items) },
];

/** Write the report rows of a batch's stored checklist ops (append-only: a row per op, never updated). */
export async function insertChecklistRecords(tx: Sql, communeId: string, ops: Op[]): Promise<void> {
  const rows = ops.map((op) => ({ opId: op.opId, ...checklistRecord(op.entityId, op.at, op.data as ChecklistRecordedData) }));
  const p = new Params(communeId);
  await tx.query(
    `INSERT INTO checklist_records (commune_id, ${CHECKLIST_COLUMNS.map((c) => c.name).join(', ')})
     SELECT $1, r.* FROM ${rowsFrom(p, 'r', CHECKLIST_COLUMNS, rows)} ON CONFLICT (op_id) DO NOTHING`,
    p.values,
  );
}

type Tally = { checks: number; yes: number };
const MODES = ['self', 'leader', 'peer'] as const;

/**
 * The report's `checklists` block for the days `from`..`to`: staff checks per item (every mode,
 * and split by mode), and citizens' yes/no answers to the survey questions that name an item
 * (one answer per dossier code, the first, as the satisfaction figures count them). Questions map
 * to items by the commune's current survey.
 */
export async function checklistBlock(sql: Sql, communeId: string, survey: SurveyDefinition | null, from: string, to: string, start: string, end: string) {
  const [records, items, answers] = await Promise.all([
    sql.query<{ done: number; skipped: number }>(
      `SELECT count(*) FILTER (WHERE NOT skipped)::int AS done, count(*) FILTER (WHERE skipped)::int AS skipped
         FROM checklist_records WHERE commune_id = $1 AND date >= $2 AND date <= $3`,
      [communeId, from, to],
    ),
    sql.query<{ template_id: string; item_id: string; mode: string; checks: number; yes: number }>(
      `SELECT r.template_id, i.key AS item_id, r.mode, count(*)::int AS checks, count(*) FILTER (WHERE i.value = 'true'::jsonb)::int AS yes
         FROM checklist_records r, jsonb_each(r.items) i
        WHERE r.commune_id = $1 AND r.date >= $2 AND r.date <= $3 AND NOT r.skipped
        GROUP BY r.template_id, i.key, r.mode`,
      [communeId, from, to],
    ),
    survey?.questions.some((q) => q.checklistItem)
      ? sql.query<{ question: string; checks: number; yes: number }>(
          `SELECT a.key AS question, count(*)::int AS checks, count(*) FILTER (WHERE a.value = 'true'::jsonb)::int AS yes
             FROM (SELECT DISTINCT ON (COALESCE(dossier_code, op_id::text)) answers FROM surveys
                    WHERE commune_id = $1 AND at >= $2 AND at < $3 AND excluded IS NULL
                    ORDER BY COALESCE(dossier_code, op_id::text), at) s, jsonb_each(s.answers) a
            WHERE jsonb_typeof(s.answers) = 'object'
            GROUP BY a.key`,
          [communeId, start, end],
        )
      : Promise.resolve({ rows: [] }),
  ]);
  type Item = { templateId: string; itemId: string; checks: number; yes: number; citizenChecks: number; citizenYes: number; byMode: Record<(typeof MODES)[number], Tally> };
  const byKey = new Map<string, Item>();
  const item = (templateId: string, itemId: string) => {
    const key = `${templateId}/${itemId}`;
    let i = byKey.get(key);
    if (!i) {
      i = { templateId, itemId, checks: 0, yes: 0, citizenChecks: 0, citizenYes: 0, byMode: { self: { checks: 0, yes: 0 }, leader: { checks: 0, yes: 0 }, peer: { checks: 0, yes: 0 } } };
      byKey.set(key, i);
    }
    return i;
  };
  for (const r of items.rows) {
    const i = item(r.template_id, r.item_id);
    i.checks += r.checks;
    i.yes += r.yes;
    const mode = r.mode as (typeof MODES)[number];
    if (MODES.includes(mode)) {
      i.byMode[mode].checks += r.checks;
      i.byMode[mode].yes += r.yes;
    }
  }
  // Each question's counts land on its item through the same mapping the tablet uses.
  for (const q of answers.rows) {
    for (const yes of [true, false]) {
      const n = yes ? q.yes : q.checks - q.yes;
      if (n === 0) continue;
      for (const ref of citizenItemAnswers(survey, { [q.question]: yes })) {
        const i = item(ref.templateId, ref.itemId);
        i.citizenChecks += n;
        if (yes) i.citizenYes += n;
      }
    }
  }
  return {
    records: records.rows[0]?.done ?? 0,
    skipped: records.rows[0]?.skipped ?? 0,
    items: [...byKey.values()].sort((a, b) => (`${a.templateId}/${a.itemId}` < `${b.templateId}/${b.itemId}` ? -1 : 1)),
  };
}
