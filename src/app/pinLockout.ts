import { useCallback, useEffect, useState } from 'react';
import { lockRemainingMs } from '../domain';

// Loaded on first use: the kiosk's first screen must not wait for Dexie.
const store = async () => {
  const [{ db }, lockout] = await Promise.all([import('./db'), import('../db/lockout')]);
  return { db, ...lockout };
};

export type Attempt = 'ok' | 'wrong' | 'locked';

/**
 * Every PIN or code screen checks through this: failures are counted in IndexedDB with a growing
 * lockout (see domain/privacy/lockout), so neither a reload nor another screen resets them.
 * `seconds` is how long the tablet stays locked (0: not locked), read again every second.
 */
export function usePinLockout() {
  const [lockedUntil, setLockedUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    void store().then(async ({ db, getLockout }) => {
      const state = await getLockout(db);
      if (live && lockRemainingMs(state, Date.now()) > 0) setLockedUntil(state.lockedUntil);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (lockedUntil <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [lockedUntil]);
  const seconds = Math.ceil(Math.max(0, lockedUntil - now) / 1000);

  const attempt = useCallback(async (check: () => Promise<boolean>): Promise<Attempt> => {
    const { db, getLockout, recordPinFailure, clearPinFailures } = await store();
    const before = await getLockout(db);
    if (lockRemainingMs(before, Date.now()) > 0) {
      setLockedUntil(before.lockedUntil);
      setNow(Date.now());
      return 'locked';
    }
    if (await check()) {
      await clearPinFailures(db);
      return 'ok';
    }
    const after = await recordPinFailure(db);
    setLockedUntil(after.lockedUntil);
    setNow(Date.now());
    return after.lockedUntil > Date.now() ? 'locked' : 'wrong';
  }, []);

  return { seconds, attempt };
}
