import { lazy } from 'react';
import type { CommuneConfig } from '../../domain';
import { loadStrings } from '../../app/i18n';
import { whenLoaded, type Route } from '../../app/routes';

// The leader's figures: the screen, its strings and the report code are one chunk, loaded when a
// leader first opens them; the service worker precaches it, so it opens offline too.
const LeaderScreen = lazy(async () => {
  const [module] = await Promise.all([import('./LeaderScreen'), loadStrings('figures')]);
  return { default: module.LeaderScreen };
});

export const figureRoutes: Route<CommuneConfig>[] = [{ pattern: '/figures', render: (_, config) => whenLoaded(<LeaderScreen config={config} />) }];
