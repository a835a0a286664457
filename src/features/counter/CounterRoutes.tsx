import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { navigate, useHashPath } from '../../app/router';
import { renderRoute, type Route } from '../../app/routes';
import { NeedsAttention } from '../../app/NeedsAttention';
import { dossierRoutes, DossierList } from '../dossiers';
import { paperRoutes } from '../papers';
import { letterRoutes } from '../letters';
import { checklistRoutes } from '../checklists';
import { setSurveyMode } from '../../db';
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
  { pattern: '/attention', render: () => <NeedsAttention /> },
];

export function CounterRoutes({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const path = useHashPath();
  // An unknown path shows the list, as the start page does.
  const page = renderRoute(ROUTES, path, config) ?? <DossierList config={config} />;

  return (
    <>
      <nav className="main-nav no-print" aria-label={t('nav.label')}>
        <a href="#/" aria-current={path === '/' ? 'page' : undefined}>
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
