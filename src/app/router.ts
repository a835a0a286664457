import { useSyncExternalStore, type ReactNode } from 'react';

/** Hash routes keep working offline from the precached shell: the server never sees them. */
function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#/, '') || '/');
}

export function navigate(path: string) {
  window.location.hash = path;
}

/** Match '/d/:id/slip' style patterns; returns the params or null. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

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
