import type { CommuneConfig } from '../../domain';
import type { Route } from '../../app/routes';
import { DossierPaper } from './DossierPaper';
import { TrackingBook } from './TrackingBook';
import { isDossierForm } from './papers';

/** The official papers by hash path: forms 02–06 of a dossier, and the tracking book (07). */
export const paperRoutes: Route<CommuneConfig>[] = [
  {
    pattern: '/d/:id/paper/:form',
    render: ({ id, form }, config) => (isDossierForm(form) ? <DossierPaper id={id} form={form} config={config} /> : null),
  },
  { pattern: '/book', render: (_, config) => <TrackingBook config={config} /> },
];
