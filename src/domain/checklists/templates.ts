import { z } from '../zod';
import { label, slug, text } from '../schemas';

/** When a checklist is used: after serving a citizen, as the officer's daily self-check, or for a leader's spot check. */
export const CHECKLIST_USES = ['interaction', 'daily', 'spot-check'] as const;
export type ChecklistUse = (typeof CHECKLIST_USES)[number];

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

/** The version of each template that staff tick now: the highest of each id, in config order. */
export function currentTemplates(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  const newest = new Map<string, ChecklistTemplate>();
  for (const t of templates) if ((newest.get(t.id)?.version ?? -1) < t.version) newest.set(t.id, t);
  return [...newest.values()];
}

/** The current templates for one use. */
export function templatesFor(templates: readonly ChecklistTemplate[], use: ChecklistUse): ChecklistTemplate[] {
  return currentTemplates(templates).filter((t) => t.usedFor.includes(use));
}

/** The exact version a record was made with, when the config still has it. */
export function templateVersion(templates: readonly ChecklistTemplate[], id: string, version: number): ChecklistTemplate | undefined {
  return templates.find((t) => t.id === id && t.version === version);
}

/** An item's label from the newest version that has it (an item dropped later keeps its old words). */
export function itemLabel(templates: readonly ChecklistTemplate[], templateId: string, itemId: string): ChecklistTemplate['name'] | undefined {
  return [...templates]
    .filter((t) => t.id === templateId)
    .sort((a, b) => b.version - a.version)
    .flatMap((t) => t.items)
    .find((i) => i.id === itemId)?.label;
}
