/** Why a person is served at home (DESIGN.md 1.1 `home.client-registered.reason`). */
export const HOME_REASONS = ['elderly', 'sick', 'disabled', 'social-protection', 'other'] as const;
export type HomeReason = (typeof HOME_REASONS)[number];

/** What a visit is for. */
export const VISIT_PURPOSES = ['receive', 'return', 'certify', 'letter', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

/** How a visit ended. */
export const VISIT_OUTCOMES = ['done', 'not-home', 'postponed', 'cancelled'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** A 1.0 client's free-text outcome described a visit that took place. */
export function outcomeOf(raw: unknown): VisitOutcome {
  return (VISIT_OUTCOMES as readonly unknown[]).includes(raw) ? (raw as VisitOutcome) : 'done';
}

/**
 * The fields of a person's record an officer may clear with `home.client-updated`'s `clear` (the
 * others a person on the list always has). Here, not beside the schemas, so the fold (on every
 * tablet's first screen) does not load zod.
 */
export const CLEARABLE_HOME_FIELDS = ['village', 'birthYear', 'phone', 'idNumber', 'contact', 'note'] as const;
