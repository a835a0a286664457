import { vnDateKey } from '../time';
import { LETTER_KINDS, type LetterKind } from './kinds';

/** What the figures need of an issued letter. */
export interface FigureLetter {
  kind: LetterKind;
  issuedAt: string;
  deliveredAt?: string;
}

export interface LetterKindFigures {
  issued: number;
  delivered: number;
  /** Suggested by a dossier of the period (its procedure, an extension, lateness) and not issued. */
  suggested: number;
}

export interface LetterFigures extends LetterKindFigures {
  /** Letter settlement rate: delivered / issued, null with nothing issued. */
  deliveredRate: number | null;
  byKind: Record<LetterKind, LetterKindFigures>;
}

/**
 * The `letters` block of a report: letters issued between two Vietnam dates (inclusive), how many
 * of them were delivered (whenever), and the letters the period's dossiers called for that were
 * never issued (`suggested`, one kind per entry, worked out by triggeredKinds/suggestedKinds).
 */
export function letterFigures(input: { letters: FigureLetter[]; suggested: LetterKind[]; from: string; to: string }): LetterFigures {
  const byKind = Object.fromEntries(LETTER_KINDS.map((k) => [k, { issued: 0, delivered: 0, suggested: 0 }])) as Record<LetterKind, LetterKindFigures>;
  const f: LetterFigures = { issued: 0, delivered: 0, suggested: 0, deliveredRate: null, byKind };
  for (const l of input.letters) {
    const day = vnDateKey(l.issuedAt);
    if (day < input.from || day > input.to || !byKind[l.kind]) continue;
    f.issued++;
    byKind[l.kind].issued++;
    if (l.deliveredAt) {
      f.delivered++;
      byKind[l.kind].delivered++;
    }
  }
  for (const kind of input.suggested) {
    if (!byKind[kind]) continue;
    f.suggested++;
    byKind[kind].suggested++;
  }
  f.deliveredRate = f.issued ? f.delivered / f.issued : null;
  return f;
}
