import { useEffect } from 'react';
import type { CommuneConfig } from '../domain';

/** Minutes without a touch before a counter or mobile tablet locks: set centrally, 5 by default. */
export function idleLockMinutes(config: CommuneConfig): number {
  // `settings` arrives with the commune settings of the config (issue 12); older configs lack it.
  const minutes = (config as CommuneConfig & { settings?: { idleLockMinutes?: number } }).settings?.idleLockMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes : 5;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * An unattended tablet must not stay open on everyone's ID numbers and phones: after `minutes`
 * with no touch or key, `lock` runs (back to the PIN screen). Forms keep their drafts on the
 * tablet, so locking loses no work.
 */
export function useIdleLock(active: boolean, minutes: number, lock: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    ACTIVITY.forEach((e) => window.addEventListener(e, restart, { passive: true }));
    restart();
    return () => {
      clearTimeout(timer);
      ACTIVITY.forEach((e) => window.removeEventListener(e, restart));
    };
  }, [active, minutes, lock]);
}
