import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { lettersOfDossier, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { suggestionsFor } from './suggestions';

/** On a dossier: the letters its events call for (offered as soon as they do) and those issued. */
export function DossierLetters({ dossier, config }: { dossier: DossierRow; config: CommuneConfig }) {
  const { t } = useTranslation();
  const letters = useLiveQuery(() => lettersOfDossier(db, dossier.id), [dossier.id]);
  if (!letters) return null;
  const suggested = suggestionsFor(dossier, letters, config, new Date());
  if (suggested.length === 0 && letters.length === 0) return null;
  return (
    <nav aria-label={t('letters.dossierLetters')} className="paper-links no-print">
      {suggested.map((kind) => (
        <a key={kind} href={`#/letters/new/${dossier.id}/${kind}`} className="button-link">
          {t('letters.compose', { kind: t(`letterKind.${kind}`).toLocaleLowerCase() })}
        </a>
      ))}
      {letters.map((l) => (
        <a key={l.id} href={`#/letters/${l.id}`} className="button-link">
          {t(`letterKind.${l.kind}`)}
          {l.delivered ? ` — ${t('letters.delivered')}` : ''}
        </a>
      ))}
    </nav>
  );
}
