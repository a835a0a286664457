import { z } from '../zod';
import { label, slug, text } from '../schemas';
import { CHECKLIST_USES } from './versions';

/**
 * A commune's service checklist ("5 knows", "3 shows" …): data, versioned. The config may list
 * several versions of one template: the highest is the one staff tick, the older ones stay so the
 * figures can still name the items of records made with them.
 */
export const zChecklistTemplate = z.object({
  id: text(64),
  version: z.int().check(z.nonnegative()),
  name: label,
  items: z.array(z.object({ id: slug, label })).check(z.maxLength(30)),
  /** Configs written before uses existed: such a template serves every use. */
  usedFor: z._default(z.array(z.enum(CHECKLIST_USES)).check(z.minLength(1), z.maxLength(3)), [...CHECKLIST_USES]),
  /** Officers may spot-check each other with this template (a commune's choice), not only leaders. */
  peerChecks: z.optional(z.boolean()),
});
export type ChecklistTemplate = z.infer<typeof zChecklistTemplate>;
