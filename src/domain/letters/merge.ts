/**
 * The merge fields a letter template may use, written `{{field}}` in its body (the demo templates
 * use these). Unknown fields are left as written, so a typo shows on the preview instead of vanishing.
 */
export const LETTER_MERGE_FIELDS = [
  'applicantName',
  'dossierCode',
  'procedureName',
  'receivedDate',
  'dueDate',
  'newDueDate',
  'reason',
  'communeName',
  'staffName',
] as const;
export type LetterMergeField = (typeof LETTER_MERGE_FIELDS)[number];

/** The body with each known `{{field}}` replaced by its value. */
export function mergeLetter(body: string, values: Partial<Record<LetterMergeField, string>>): string {
  return body.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => values[name as LetterMergeField] ?? whole);
}

/** The `{{fields}}` of a body that are not merge fields (shown as a warning in the editor). */
export function unknownMergeFields(body: string): string[] {
  const known = new Set<string>(LETTER_MERGE_FIELDS);
  return [...new Set([...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]))].filter((f) => !known.has(f));
}
