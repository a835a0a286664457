import { FINAL_STATUSES, type DossierState } from '../dossiers/lifecycle';

/**
 * What a letter holds about its recipient: the name, the occasion ("mừng thọ 80 tuổi") and the
 * merged text (name, address, dossier details). Kind, dates, dossier and delivery stay, so the
 * letters list and the figures are unchanged when these go.
 */
export const LETTER_PERSONAL_FIELDS = ['recipientName', 'occasion', 'body'] as const;

/**
 * When a letter stopped needing its recipient's data: its delivery, or (not delivered) the closing
 * of its dossier (the last event of a dossier in a final status); undefined while the work may still
 * need it, or when it holds nothing personal any more. The retention sweep compares it with its cutoff.
 */
export function letterDoneAt(
  letter: { delivered?: { at: string }; recipientName?: string; body?: string; occasion?: string },
  dossier?: Pick<DossierState, 'status' | 'history'>,
): string | undefined {
  if (!LETTER_PERSONAL_FIELDS.some((f) => letter[f] !== undefined)) return undefined;
  if (letter.delivered) return letter.delivered.at;
  if (!dossier || !(FINAL_STATUSES as readonly string[]).includes(dossier.status)) return undefined;
  let last: string | undefined;
  for (const event of dossier.history) if (!last || event.at > last) last = event.at;
  return last;
}

/** A `letter.issued` op's data without the recipient's data; undefined when there is none to leave out. */
export function stripLetterPersonalData(type: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (type !== 'letter.issued' || !LETTER_PERSONAL_FIELDS.some((f) => f in data)) return undefined;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !(LETTER_PERSONAL_FIELDS as readonly string[]).includes(k)));
}
