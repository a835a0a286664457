import { z } from '../zod';
import { filled, id, isoDateTime, text } from '../schemas';
import { DELIVERY_METHODS, LETTER_KINDS } from './kinds';

export const zLetterIssued = z.object({
  kind: z.enum(LETTER_KINDS),
  templateId: id,
  // 1.1
  templateVersion: z.optional(z.int().check(z.positive())),
  dossierId: z.optional(z.uuid()),
  recipientName: filled(200),
  // 1.1: what the letter is for when it has no dossier ("mừng thọ 80 tuổi").
  occasion: z.optional(filled(300)),
  // This app's addition (README › Contract notes): the home client a letter without a dossier is
  // for (a longevity letter), so the suggestion "turns 80 this year" is settled once issued.
  clientId: z.optional(z.uuid()),
  body: text(10_000),
  staffId: id,
});

export const zLetterDelivered = z.object({
  letterId: z.uuid(),
  staffId: id,
  deliveredAt: isoDateTime,
  // 1.1; optional so that 1.0 clients, which did not send it, keep working.
  method: z.optional(z.enum(DELIVERY_METHODS)),
});

export type LetterIssuedData = z.infer<typeof zLetterIssued>;
export type LetterDeliveredData = z.infer<typeof zLetterDelivered>;
