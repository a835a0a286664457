import type { ReactNode } from 'react';
import { matchRoute } from './router';

// Apart from router.ts, which every first screen loads: only staff tablets mount route tables.

/** A screen at a hash path. Features export tables of these; the counter's routes mount them. */
export interface Route<Context> {
  pattern: string;
  render: (params: Record<string, string>, context: Context) => ReactNode;
}

/** The first route of the table that matches `path`, drawn; null when none does. */
export function renderRoute<Context>(routes: readonly Route<Context>[], path: string, context: Context): ReactNode {
  for (const route of routes) {
    const params = matchRoute(route.pattern, path);
    if (params) return route.render(params, context);
  }
  return null;
}
