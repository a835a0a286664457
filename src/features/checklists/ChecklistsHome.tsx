import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { useSession } from '../../app/stores';
import { isLeader } from './roles';

/** Where an officer finds the daily self-check, checks of colleagues and (leaders) the figures. */
export function ChecklistsHome({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const leader = isLeader(config, staff?.id);
  const peers = config.checklistTemplates.some((tpl) => tpl.peerChecks);
  return (
    <section aria-labelledby="checklists-title">
      <h1 id="checklists-title">{t('checklists.title')}</h1>
      <p className="hint">{t('checklists.intro')}</p>
      <ul className="checklist-links">
        <li>
          <a className="button-link" href="#/checklists/daily">
            {t('checklists.daily.title')}
          </a>
        </li>
        {(leader || peers) && (
          <li>
            <a className="button-link" href="#/checklists/spot">
              {t('checklists.spot.title')}
            </a>
          </li>
        )}
        {leader && (
          <li>
            <a className="button-link" href="#/checklists/figures">
              {t('checklists.figures.title')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
