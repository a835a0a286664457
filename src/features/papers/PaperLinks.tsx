import { useTranslation } from 'react-i18next';
import type { DossierState } from '../../domain';
import { papersFor } from './papers';

/** The papers a dossier's events made: offered as soon as the event is recorded, reprintable later. */
export function PaperLinks({ dossier }: { dossier: Pick<DossierState, 'id' | 'history' | 'status'> }) {
  const { t } = useTranslation();
  const forms = papersFor(dossier);
  if (forms.length === 0) return null;
  return (
    <nav aria-label={t('dossier.papers')} className="paper-links no-print">
      {forms.map((f) => (
        <a key={f} href={`#/d/${dossier.id}/paper/${f}`} className="button-link">
          {t(`papers.link.${f}`)}
        </a>
      ))}
    </nav>
  );
}
