import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import type { Route } from '../../app/routes';
import './checklists.css';

type Screen = ComponentType<{ config: CommuneConfig }>;
const page = (name: 'ChecklistsHome' | 'DailyCheck' | 'SpotCheck' | 'ConductFigures') => {
  const Lazy = lazy(async () => ({ default: (await import('./screens'))[name] as Screen }));
  return (_: Record<string, string>, config: CommuneConfig) => (
    <Suspense fallback={<Loading />}>
      <Lazy config={config} />
    </Suspense>
  );
};

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

/** The conduct screens by hash path: the daily self-check, checks of colleagues, the leader's figures. */
export const checklistRoutes: Route<CommuneConfig>[] = [
  { pattern: '/checklists', render: page('ChecklistsHome') },
  { pattern: '/checklists/daily', render: page('DailyCheck') },
  { pattern: '/checklists/spot', render: page('SpotCheck') },
  { pattern: '/checklists/figures', render: page('ConductFigures') },
];
