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
  /** Delivered / issued, null with nothing issued. */
  deliveredRate: number | null;
  /**
   * The letter settlement rate of DESIGN.md › Facts: delivered / (issued + suggested and not
   * issued), null with neither.
   */
  settlementRate: number | null;
  byKind: Record<LetterKind, LetterKindFigures>;
}

/** Counts of one kind, as added up here or returned by the server's SQL. */
export interface LetterCounts {
  kind: string;
  issued: number;
  delivered: number;
  suggested: number;
}

/** Counts by kind → the `letters` block with its rates: the finishing step of tablet and server. */
export function finishLetters(rows: readonly LetterCounts[]): LetterFigures {
  const byKind = Object.fromEntries(LETTER_KINDS.map((k) => [k, { issued: 0, delivered: 0, suggested: 0 }])) as Record<LetterKind, LetterKindFigures>;
  const f: LetterFigures = { issued: 0, delivered: 0, suggested: 0, deliveredRate: null, settlementRate: null, byKind };
  for (const r of rows) {
    const k = byKind[r.kind as LetterKind];
    if (!k) continue;
    for (const field of ['issued', 'delivered', 'suggested'] as const) {
      k[field] += r[field];
      f[field] += r[field];
    }
  }
  f.deliveredRate = f.issued ? f.delivered / f.issued : null;
  f.settlementRate = f.issued + f.suggested ? f.delivered / (f.issued + f.suggested) : null;
  return f;
}

/**
 * The `letters` block of a report: letters issued between two Vietnam dates (inclusive), how many
 * of them were delivered (whenever), and the letters the period's dossiers called for that were
 * never issued (`suggested`, one kind per entry, worked out by triggeredKinds/suggestedKinds).
 */
export function letterFigures(input: { letters: FigureLetter[]; suggested: LetterKind[]; from: string; to: string }): LetterFigures {
  const rows: LetterCounts[] = [];
  for (const l of input.letters) {
    const day = vnDateKey(l.issuedAt);
    if (day < input.from || day > input.to) continue;
    rows.push({ kind: l.kind, issued: 1, delivered: l.deliveredAt ? 1 : 0, suggested: 0 });
  }
  for (const kind of input.suggested) rows.push({ kind, issued: 0, delivered: 0, suggested: 1 });
  return finishLetters(rows);
}
