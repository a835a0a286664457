import { useEffect, useState } from 'react';

/**
 * After `idleSeconds` with no touch, count down `countdownSeconds` on screen, then call `onTimeout`.
 * Any touch or key stops the countdown: nobody is hurried while still answering.
 */
export function useInactivity(active: boolean, idleSeconds: number, countdownSeconds: number, onTimeout: () => void): number | null {
  const [remaining, setRemaining] = useState<number | null>(null);
  useEffect(() => {
    if (!active) {
      setRemaining(null);
      return;
    }
    let idle: ReturnType<typeof setTimeout>;
    let tick: ReturnType<typeof setInterval> | undefined;
    const restart = () => {
      clearTimeout(idle);
      clearInterval(tick);
      setRemaining(null);
      idle = setTimeout(() => {
        let left = countdownSeconds;
        setRemaining(left);
        tick = setInterval(() => {
          left -= 1;
          if (left <= 0) {
            clearInterval(tick);
            setRemaining(null);
            onTimeout();
          } else setRemaining(left);
        }, 1000);
      }, idleSeconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    events.forEach((e) => window.addEventListener(e, restart));
    restart();
    return () => {
      clearTimeout(idle);
      clearInterval(tick);
      events.forEach((e) => window.removeEventListener(e, restart));
    };
  }, [active, idleSeconds, countdownSeconds, onTimeout]);
  return remaining;
}
