import type { CommuneConfig } from '../../domain';
import type { Route } from '../../app/routes';
import { ChecklistsHome } from './ChecklistsHome';
import { DailyCheck } from './SelfCheck';
import { SpotCheck } from './SpotCheck';
import { ConductFigures } from './ConductFigures';
import './checklists.css';

/** The conduct screens by hash path: the daily self-check, checks of colleagues, the leader's figures. */
export const checklistRoutes: Route<CommuneConfig>[] = [
  { pattern: '/checklists', render: (_, config) => <ChecklistsHome config={config} /> },
  { pattern: '/checklists/daily', render: (_, config) => <DailyCheck config={config} /> },
  { pattern: '/checklists/spot', render: (_, config) => <SpotCheck config={config} /> },
  { pattern: '/checklists/figures', render: (_, config) => <ConductFigures config={config} /> },
];
