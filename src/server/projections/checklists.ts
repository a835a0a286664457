import { checklistRecord, type ChecklistRecord, type ChecklistRecordedData, type Op } from '../../domain';
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
