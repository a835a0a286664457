/** Wrong PINs or codes before the first lockout, and how long it lasts; each further failure doubles it. */
export const FREE_FAILURES = 5;
export const FIRST_LOCK_MS = 30_000;
/** A day at most: a tablet must not become unusable for good. */
export const MAX_LOCK_MS = 24 * 60 * 60_000;

export interface LockoutState {
  failures: number;
  /** Epoch ms; 0 when not locked. */
  lockedUntil: number;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: 0 };

/** After one more wrong PIN: 5 failures → 30 s, 6 → 60 s, 7 → 120 s … up to a day. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures < FREE_FAILURES) return { failures, lockedUntil: 0 };
  const ms = Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
  return { failures, lockedUntil: now + ms };
}

/** Milliseconds left before another try is allowed (0: try now). */
export function lockRemainingMs(state: LockoutState, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}
