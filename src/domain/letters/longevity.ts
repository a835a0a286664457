import { vnDateKey } from '../time';
import { longevityAge } from './triggers';
import type { LetterKind } from './kinds';

/** What the longevity rule needs of a person on the home list. */
export interface LongevityClient {
  id: string;
  birthYear?: number;
}

/** What it needs of an issued letter: a longevity letter names the person by `clientId` (1.1 addition). */
export interface LongevityLetter {
  kind: LetterKind;
  clientId?: string;
  issuedAt: string;
}

export interface LongevityDue {
  clientId: string;
  /** The age the person turns in the year. */
  age: number;
}

/**
 * The people on the home list who turn 70, 75 … 95 or 100+ in `year` (a Vietnam calendar year) and
 * have had no longevity letter issued in that year: "suggested, not issued" on the tablet's letters
 * list, and `letters.suggested` (kind longevity) in the server's report, counted the same way.
 */
export function longevityDue(clients: LongevityClient[], letters: LongevityLetter[], year: number): LongevityDue[] {
  const greeted = new Set(
    letters.filter((l) => l.kind === 'longevity' && l.clientId && vnDateKey(l.issuedAt).startsWith(`${year}-`)).map((l) => l.clientId),
  );
  return clients.flatMap((c) => {
    const age = longevityAge(c.birthYear, year);
    return age !== null && !greeted.has(c.id) ? [{ clientId: c.id, age }] : [];
  });
}

/** The Vietnam calendar year of an instant (a birthday year turns at midnight in Vietnam). */
export const vnYear = (instant: Date | string): number => Number(vnDateKey(instant).slice(0, 4));
