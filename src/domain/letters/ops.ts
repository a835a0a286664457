import { z } from '../zod';
import { filled, id, isoDateTime, text } from '../schemas';
import { LETTER_KINDS } from './kinds';

export const zLetterIssued = z.object({
  kind: z.enum(LETTER_KINDS),
  templateId: id,
  dossierId: z.optional(z.uuid()),
  recipientName: filled(200),
  body: text(10_000),
  staffId: id,
});

export const zLetterDelivered = z.object({ letterId: z.uuid(), staffId: id, deliveredAt: isoDateTime });
