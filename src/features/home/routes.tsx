import type { CommuneConfig } from '../../domain';
import type { Route } from '../../app/routes';
import { DossierList, IntakeForm } from '../dossiers';
import { ClientForm } from './ClientForm';
import { ClientPage } from './ClientPage';
import { ClientRegistry } from './ClientRegistry';
import { DayPlan } from './DayPlan';
import { HomeIntake } from './HomeIntake';
import { VisitPage } from './VisitPage';

/** The home-service screens: the day plan, the registry, a person, a visit and its intake. */
export const homeRoutes: Route<CommuneConfig>[] = [
  { pattern: '/home', render: (_, config) => <DayPlan config={config} /> },
  { pattern: '/home/clients', render: () => <ClientRegistry /> },
  { pattern: '/home/clients/new', render: () => <ClientForm /> },
  { pattern: '/home/clients/:id/edit', render: ({ id }, config) => <ClientPage id={id} config={config} edit /> },
  { pattern: '/home/clients/:id', render: ({ id }, config) => <ClientPage id={id} config={config} /> },
  { pattern: '/home/v/:id/intake', render: ({ id }, config) => <HomeIntake visitId={id} config={config} /> },
  { pattern: '/home/v/:id', render: ({ id }, config) => <VisitPage id={id} config={config} /> },
];

/**
 * A mobile tablet opens on the day plan, and its intake receives at the home by default (so home
 * figures do not depend on an officer remembering to switch the channel). Mounted before the others.
 */
export const mobileRoutes: Route<CommuneConfig>[] = [
  { pattern: '/', render: (_, config) => <DayPlan config={config} /> },
  { pattern: '/new', render: (_, config) => <IntakeForm config={config} defaults={{ channel: 'home' }} /> },
  { pattern: '/dossiers', render: (_, config) => <DossierList config={config} /> },
];
