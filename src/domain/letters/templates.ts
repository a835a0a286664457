import { z } from '../zod';
import { label, text } from '../schemas';
import { LETTER_KINDS } from './kinds';

export const zLetterTemplate = z.object({
  id: text(64),
  kind: z.enum(LETTER_KINDS),
  title: label,
  body: z.object({ vi: text(10_000), en: text(10_000) }),
});
