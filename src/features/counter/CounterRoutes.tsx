import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { navigate, useHashPath } from '../../app/router';
import { renderRoute, type Route } from '../../app/routes';
import { NeedsAttention } from '../../app/NeedsAttention';
import { dossierRoutes, DossierList } from '../dossiers';
import { paperRoutes } from '../papers';
import { letterRoutes } from '../letters';
import { checklistRoutes, isLeader } from '../checklists';
import { figureRoutes } from '../figures/routes';
import { homeRoutes, mobileRoutes, DayPlan } from '../home';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDevice, setSurveyMode } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';

/** Hand the tablet to the citizen: the officer is signed out, so the tablet never comes back signed in. */
async function enterSurveyMode() {
  await setSurveyMode(db, true);
  useSession.getState().signOut();
}

/** The counter's pages: each feature's route table, one line each, then the sync list. */
const ROUTES: Route<CommuneConfig>[] = [
  ...dossierRoutes,
  ...paperRoutes,
  ...letterRoutes,
  ...checklistRoutes,
  ...homeRoutes,
  ...figureRoutes,
  { pattern: '/attention', render: () => <NeedsAttention /> },
];
/** A mobile tablet's own start page and intake default go first (features/home). */
const MOBILE_ROUTES: Route<CommuneConfig>[] = [...mobileRoutes, ...ROUTES];

export function CounterRoutes({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const mobile = useLiveQuery(async () => (await getDevice(db))?.kind === 'mobile');
  const leader = isLeader(config, useSession((s) => s.staff)?.id);
  if (mobile === undefined) return <p role="status">{t('app.loading')}</p>;
  // An unknown path shows the start page: the day plan on a mobile tablet, the list on a counter.
  const page = renderRoute(mobile ? MOBILE_ROUTES : ROUTES, path, config) ?? (mobile ? <DayPlan config={config} /> : <DossierList config={config} />);

  return (
    <>
      <nav className="main-nav no-print" aria-label={t('nav.label')}>
        {mobile && (
          <a href="#/" aria-current={path === '/' ? 'page' : undefined}>
            {t('home.nav.plan')}
          </a>
        )}
        <a href={mobile ? '#/dossiers' : '#/'} aria-current={path === (mobile ? '/dossiers' : '/') ? 'page' : undefined}>
          {t('nav.dossiers')}
        </a>
        <a href="#/letters" aria-current={path.startsWith('/letters') ? 'page' : undefined}>
          {t('nav.letters')}
        </a>
        <a href="#/book" aria-current={path === '/book' ? 'page' : undefined}>
          {t('nav.book')}
        </a>
        <a href="#/checklists" aria-current={path.startsWith('/checklists') ? 'page' : undefined}>
          {t('checklists.nav')}
        </a>
        <a href="#/home/clients" aria-current={path.startsWith('/home/clients') ? 'page' : undefined}>
          {t('home.nav.clients')}
        </a>
        {leader && (
          <a href="#/figures" aria-current={path === '/figures' ? 'page' : undefined}>
            {t('nav.figures')}
          </a>
        )}
        <button type="button" className="primary" onClick={() => navigate('/new')}>
          {t('nav.newDossier')}
        </button>
        {config.survey && (
          <button type="button" onClick={() => void enterSurveyMode()}>
            {t('nav.surveyMode')}
          </button>
        )}
      </nav>
      <main className="page">{page}</main>
    </>
  );
}
