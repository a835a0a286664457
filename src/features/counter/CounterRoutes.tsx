import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { matchRoute, navigate, useHashPath } from '../../app/router';
import { DossierList } from './DossierList';
import { IntakeForm } from './IntakeForm';
import { DossierDetail } from './DossierDetail';
import { ReceiptSlip } from './ReceiptSlip';
import { NeedsAttention } from '../sync/NeedsAttention';
import { setSurveyMode } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';

/** Hand the tablet to the citizen: the officer is signed out, so the tablet never comes back signed in. */
async function enterSurveyMode() {
  await setSurveyMode(db, true);
  useSession.getState().signOut();
}

export function CounterRoutes({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const slip = matchRoute('/d/:id/slip', path);
  const detail = matchRoute('/d/:id', path);

  let page;
  if (path === '/new') page = <IntakeForm config={config} />;
  else if (path === '/attention') page = <NeedsAttention />;
  else if (slip) page = <ReceiptSlip id={slip.id} config={config} />;
  else if (detail) page = <DossierDetail id={detail.id} config={config} />;
  else page = <DossierList config={config} />;

  return (
    <>
      <nav className="main-nav no-print" aria-label={t('nav.label')}>
        <a href="#/" aria-current={path === '/' ? 'page' : undefined}>
          {t('nav.dossiers')}
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
