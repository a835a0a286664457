import { useEffect, useState } from 'react';
import type { CommuneReport } from '../../domain';
import type { Period, Periods } from './periods';

/** Fetches (or computes) the report of a period; the dashboard asks the server, the tablet its own data. */
export type LoadReport<T = CommuneReport> = (period: Period) => Promise<T>;

/** A period's report with the two it is compared with: null when a comparison could not be loaded. */
export interface Loaded<T> {
  current: T;
  previous: T | null;
  yearBefore: T | null;
}

/**
 * The period's report with its previous period and the same period a year before, loaded together.
 * A comparison that fails to load is shown as missing (null), never as zeros; the current one failing is an error.
 * `key` names everything else the reports depend on (the commune, a drill-down), so they reload when it changes.
 */
export function useCompared<T>(load: LoadReport<T>, periods: Periods, key: string): { loaded: Loaded<T> | null; error: unknown } {
  const [state, setState] = useState<{ loaded: Loaded<T> | null; error: unknown }>({ loaded: null, error: null });
  const span = `${periods.current.from}/${periods.current.to}/${periods.previous.from}/${periods.previous.to}/${periods.yearBefore.from}/${key}`;
  useEffect(() => {
    let stale = false;
    setState({ loaded: null, error: null });
    // A year's previous period is the year before: asked once.
    const asked = new Map<string, Promise<T>>();
    const once = (p: Period) => {
      const k = `${p.from}/${p.to}`;
      if (!asked.has(k)) asked.set(k, load(p));
      return asked.get(k)!;
    };
    const optional = (p: Period) => once(p).catch(() => null);
    Promise.all([once(periods.current), optional(periods.previous), optional(periods.yearBefore)]).then(
      ([current, previous, yearBefore]) => !stale && setState({ loaded: { current, previous, yearBefore }, error: null }),
      (error: unknown) => !stale && setState({ loaded: null, error }),
    );
    return () => {
      stale = true;
    };
  }, [span]);
  return state;
}
