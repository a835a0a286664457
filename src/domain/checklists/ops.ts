import { z } from '../zod';
import { cappedRecord, dateKey, id, text } from '../schemas';

export const zChecklistRecorded = z.object({
  templateId: id,
  templateVersion: z.int().check(z.nonnegative()),
  staffId: id,
  date: dateKey,
  items: cappedRecord(z.boolean(), 100),
  note: z.optional(text(1000)),
});
