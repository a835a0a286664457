import type { ChecklistTemplate } from './templates';

// Which template and version to use, without zod: screens call these, and zod loads only with the
// first write (see schemas.ts).

/** When a checklist is used: after serving a citizen, as the officer's daily self-check, or for a leader's spot check. */
export const CHECKLIST_USES = ['interaction', 'daily', 'spot-check'] as const;
export type ChecklistUse = (typeof CHECKLIST_USES)[number];

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
