import { formatVnDate } from '../time';

/** The merge fields a letter template may use, as {{name}}. */
export const MERGE_FIELDS = [
  'applicantName',
  'recipientName',
  'dossierCode',
  'procedureName',
  'receivedDate',
  'dueDate',
  'newDueDate',
  'reason',
  'occasion',
  'communeName',
  'signerTitle',
  'signerName',
  // The demo templates' older name for the signer.
  'staffName',
  'today',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string>>;

/** What a field with no value prints as: a dotted line the clerk fills in (or edits before issuing). */
export const BLANK = '……………';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * A template's text with its fields filled in. A field without a value (or a name the app does not
 * know) becomes a dotted blank and is listed in `missing`, so the screen can say what to complete.
 */
export function mergeLetter(body: string, values: MergeValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (_, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as MergeField]?.trim() : undefined;
    if (value) return value;
    missing.add(name);
    return BLANK;
  });
  return { text, missing: [...missing] };
}

export interface LetterContext {
  communeName: string;
  recipientName?: string;
  occasion?: string;
  signer?: { name: string; title?: string };
  dossier?: {
    code: string;
    applicant?: { name?: string };
    receivedAt: string;
    dueAt: string;
    originalDueAt?: string;
    extended?: boolean;
    history?: { action?: string; reason?: string; flagged?: unknown }[];
  };
  procedureName?: string;
  now: Date;
}

/** The values of every merge field for a letter, dates as dd/mm/yyyy in Vietnam time. */
export function letterValues(c: LetterContext): MergeValues {
  const d = c.dossier;
  const extension = d?.history?.findLast((e) => e.action === 'apologize-extend' && !e.flagged);
  const date = (iso?: string) => (iso ? formatVnDate(iso) : undefined);
  const values: MergeValues = {
    recipientName: c.recipientName ?? d?.applicant?.name,
    applicantName: c.recipientName ?? d?.applicant?.name,
    dossierCode: d?.code,
    procedureName: c.procedureName,
    receivedDate: date(d?.receivedAt),
    // Before an extension the due date is the one on the slip; after it, the slip's and the new one.
    dueDate: date(d?.extended ? d.originalDueAt : d?.dueAt),
    newDueDate: d?.extended ? date(d.dueAt) : undefined,
    reason: extension?.reason,
    occasion: c.occasion,
    communeName: c.communeName,
    signerTitle: c.signer?.title,
    signerName: c.signer?.name,
    staffName: c.signer?.name,
    today: formatVnDate(c.now),
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as MergeValues;
}

/** The `{{fields}}` of a body that are not merge fields: the template editor warns of them (a typo would print as a blank). */
export function unknownMergeFields(body: string): string[] {
  const known = new Set<string>(MERGE_FIELDS);
  return [...new Set([...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]))].filter((f) => !known.has(f));
}
