import { lazy } from 'react';
import type { CommuneConfig } from '../../domain';
import { whenLoaded, type Route } from '../../app/routes';
import { isDossierForm } from './papers';

// Printed papers load when first opened, not with the counter's first screen.
const DossierPaper = lazy(async () => ({ default: (await import('./DossierPaper')).DossierPaper }));
const TrackingBook = lazy(async () => ({ default: (await import('./TrackingBook')).TrackingBook }));

/** The official papers by hash path: forms 02–06 of a dossier, and the tracking book (07). */
export const paperRoutes: Route<CommuneConfig>[] = [
  {
    pattern: '/d/:id/paper/:form',
    render: ({ id, form }, config) => (isDossierForm(form) ? whenLoaded(<DossierPaper id={id} form={form} config={config} />) : null),
  },
  { pattern: '/book', render: (_, config) => whenLoaded(<TrackingBook config={config} />) },
];
