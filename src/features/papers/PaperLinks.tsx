import { useTranslation } from 'react-i18next';
import type { DossierState, TransitionAction } from '../../domain';
import { formMadeBy, papersFor } from './papers';

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

/** Right after an action that makes a paper: its form, offered to print now. */
export function PaperOffer({ dossierId, action }: { dossierId: string; action: TransitionAction | null }) {
  const { t } = useTranslation();
  const form = action ? formMadeBy(action) : undefined;
  if (!form) return null;
  return (
    <p role="status" className="paper-offer no-print">
      {t('papers.offer')}{' '}
      <a href={`#/d/${dossierId}/paper/${form}`} className="button-link primary">
        {t(`papers.link.${form}`)}
      </a>
    </p>
  );
}
