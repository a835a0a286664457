import { z } from '../zod';
import { cappedRecord, dateKey, id, text } from '../schemas';

/** Whose eyes a record is: the officer's own, a leader's spot check, or a colleague's (when the commune allows). */
export const CHECK_MODES = ['self', 'leader', 'peer'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

export const zChecklistRecorded = z
  .object({
    templateId: id,
    templateVersion: z.int().check(z.nonnegative()),
    /** Whose conduct the record is about. */
    staffId: id,
    date: dateKey,
    items: cappedRecord(z.boolean(), 100),
    note: z.optional(text(1000)),
    // Optional so that 1.0 records (a self-check, with no word of who ticked it) stay valid.
    checkedBy: z.optional(id),
    mode: z.optional(z.enum(CHECK_MODES)),
    /** The interaction it is about (the dossier just received or returned). */
    dossierId: z.optional(z.uuid()),
    /** The officer passed the quick check by: counted as skipped, never as done. Its items are empty. */
    skipped: z.optional(z.boolean()),
  })
  .check(
    z.refine((d) => !d.skipped || Object.keys(d.items).length === 0, { message: 'a skipped check has no items', path: ['items'] }),
    z.refine((d) => (d.mode ?? 'self') !== 'self' || d.checkedBy === undefined || d.checkedBy === d.staffId, {
      message: 'a self-check is checked by the officer it is about',
      path: ['checkedBy'],
    }),
    z.refine((d) => (d.mode ?? 'self') === 'self' || (d.checkedBy !== undefined && d.checkedBy !== d.staffId), {
      message: "a leader's or peer's check names another officer as checkedBy",
      path: ['checkedBy'],
    }),
  );
export type ChecklistRecordedData = z.infer<typeof zChecklistRecorded>;
