import { z } from '../zod';
import { label, slug, text } from '../schemas';

/** A commune's service checklist ("5 knows", "3 shows" …): data, versioned. */
export const zChecklistTemplate = z.object({
  id: text(64),
  version: z.int().check(z.nonnegative()),
  name: label,
  items: z.array(z.object({ id: slug, label })).check(z.maxLength(30)),
});
