import { z } from '../zod';
import { label, text } from '../schemas';
import { LETTER_KINDS } from './kinds';

/** A commune's letter template; `version` goes up when the text changes (letter.issued names it). */
export const zLetterTemplate = z.object({
  id: text(64),
  kind: z.enum(LETTER_KINDS),
  version: z._default(z.int().check(z.positive()), 1),
  title: label,
  body: z.object({ vi: text(10_000), en: text(10_000) }),
});
export type LetterTemplate = z.infer<typeof zLetterTemplate>;
