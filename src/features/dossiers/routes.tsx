import { lazy } from 'react';
import type { CommuneConfig } from '../../domain';
import { whenLoaded, type Route } from '../../app/routes';
import { DossierList } from './DossierList';
import { IntakeForm } from './IntakeForm';
import { DossierDetail } from './DossierDetail';

// The slip (with the papers' frame and its font) loads when first opened, like the other papers:
// the counter's first screen is near its budget.
const ReceiptSlip = lazy(async () => ({ default: (await import('./ReceiptSlip')).ReceiptSlip }));

/** The dossier screens by hash path: intake, the slip, the detail and the list. */
export const dossierRoutes: Route<CommuneConfig>[] = [
  { pattern: '/', render: (_, config) => <DossierList config={config} /> },
  { pattern: '/new', render: (_, config) => <IntakeForm config={config} /> },
  { pattern: '/d/:id/slip', render: ({ id }, config) => whenLoaded(<ReceiptSlip id={id} config={config} />) },
  { pattern: '/d/:id', render: ({ id }, config) => <DossierDetail id={id} config={config} /> },
];
