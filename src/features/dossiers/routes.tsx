import type { CommuneConfig } from '../../domain';
import type { Route } from '../../app/routes';
import { DossierList } from './DossierList';
import { IntakeForm } from './IntakeForm';
import { DossierDetail } from './DossierDetail';
import { ReceiptSlip } from './ReceiptSlip';

/** The dossier screens by hash path: intake, the slip, the detail and the list. */
export const dossierRoutes: Route<CommuneConfig>[] = [
  { pattern: '/', render: (_, config) => <DossierList config={config} /> },
  { pattern: '/new', render: (_, config) => <IntakeForm config={config} /> },
  { pattern: '/d/:id/slip', render: ({ id }, config) => <ReceiptSlip id={id} config={config} /> },
  { pattern: '/d/:id', render: ({ id }, config) => <DossierDetail id={id} config={config} /> },
];
