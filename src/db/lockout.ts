import { afterFailure, NO_LOCKOUT, type LockoutState } from '../domain';
import type { FriendlyDeskDB } from './database';

/**
 * One count for the whole tablet, shared by every PIN and code screen (sign-in, kiosk unlock,
 * survey-mode exit, export): trying another screen does not start over, and neither does a reload.
 */
const KEY = 'pinLockout';

export async function getLockout(db: FriendlyDeskDB): Promise<LockoutState> {
  return ((await db.meta.get(KEY))?.value as LockoutState | undefined) ?? NO_LOCKOUT;
}

export async function recordPinFailure(db: FriendlyDeskDB, now = Date.now()): Promise<LockoutState> {
  return db.transaction('rw', db.meta, async () => {
    const next = afterFailure(await getLockout(db), now);
    await db.meta.put({ key: KEY, value: next });
    return next;
  });
}

export async function clearPinFailures(db: FriendlyDeskDB): Promise<void> {
  await db.meta.delete(KEY);
}
