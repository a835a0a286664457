import { newId, vnDateKey, type ChecklistTemplate, type CheckMode } from '../../domain';
import { recordOp } from '../../db';
import { db } from '../../app/db';

export interface CheckInput {
  template: ChecklistTemplate;
  /** Whose conduct. */
  staffId: string;
  /** Who ticked (the signed-in officer). */
  checkedBy: string;
  mode: CheckMode;
  dossierId?: string;
  /** Every item answered, or nothing at all when skipped. */
  items: Record<string, boolean>;
  skipped?: boolean;
  note?: string;
}

/** One `checklist.recorded`, made with the template's current version (the record keeps it). */
export async function recordCheck(input: CheckInput, now = new Date()) {
  const note = input.note?.trim();
  return recordOp(
    db,
    'checklist.recorded',
    newId(),
    {
      templateId: input.template.id,
      templateVersion: input.template.version,
      staffId: input.staffId,
      checkedBy: input.checkedBy,
      mode: input.mode,
      date: vnDateKey(now),
      items: input.skipped ? {} : input.items,
      ...(input.dossierId ? { dossierId: input.dossierId } : {}),
      ...(input.skipped ? { skipped: true } : {}),
      ...(note ? { note } : {}),
    },
    now,
  );
}
