import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDate, whyNotWithoutDossier, type CommuneConfig } from '../../domain';
import { listLetters } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { listLongevity, listSuggestions } from './suggestions';

/** The letters desk: letters issued and not yet delivered, and letters suggested but not issued. */
export function LetterList({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const letters = useLiveQuery(() => listLetters(db), []);
  const suggestions = useLiveQuery(() => listSuggestions(db, config), [config]);
  const longevity = useLiveQuery(() => listLongevity(db), []);
  const staffId = useSession((s) => s.staff?.id);
  if (!letters || !suggestions || !longevity) return <p role="status">{t('app.loading')}</p>;
  const toDeliver = letters.filter((l) => !l.delivered);
  // Letters no dossier calls for: a leader's to issue; a clerk is told why they are not offered.
  const why = whyNotWithoutDossier(config.staff.find((s) => s.id === staffId)?.role);
  return (
    <section aria-labelledby="letters-title" className="letters">
      <h1 id="letters-title">{t('letters.title')}</h1>
      {why ? (
        <p role="note" className="hint">
          {t(`letters.why.${why}`)}
        </p>
      ) : (
        <p className="action-buttons">
          <a href="#/letters/new/-/thanks" className="button-link">
            {t('letters.withoutDossier')}: {t('letterKind.thanks')}
          </a>
          <a href="#/letters/new/-/longevity" className="button-link">
            {t('letters.withoutDossier')}: {t('letterKind.longevity')}
          </a>
        </p>
      )}
      <section aria-labelledby="to-deliver-title">
        <h2 id="to-deliver-title">{t('letters.toDeliver')}</h2>
        {toDeliver.length === 0 ? (
          <p className="empty">{t('letters.noneToDeliver')}</p>
        ) : (
          <ul className="letter-rows">
            {toDeliver.map((l) => (
              <li key={l.id}>
                <a href={`#/letters/${l.id}`}>
                  {t(`letterKind.${l.kind}`)} — {l.recipientName ?? t('letters.personalRemoved')}
                </a>{' '}
                <span className="hint">{t('letters.issuedOn', { date: formatVnDate(l.issuedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="suggested-title">
        <h2 id="suggested-title">{t('letters.suggested')}</h2>
        {suggestions.length === 0 && longevity.length === 0 ? (
          <p className="empty">{t('letters.noneSuggested')}</p>
        ) : (
          <ul className="letter-rows">
            {suggestions.map(({ dossier, kind }) => (
              <li key={`${dossier.id}-${kind}`}>
                <a href={`#/letters/new/${dossier.id}/${kind}`}>
                  {t('letters.composeFor', { kind: t(`letterKind.${kind}`).toLocaleLowerCase(), code: dossier.code })}
                </a>{' '}
                <span className="hint">{dossier.applicant?.name}</span>
              </li>
            ))}
            {longevity.map(({ client, age }) => {
              const label = t('letters.longevityFor', { name: client.name, age });
              return (
                <li key={`longevity-${client.id}`}>
                  {why ? label : <a href={`#/letters/new/client/${client.id}`}>{label}</a>}{' '}
                  <span className="hint">{[client.village, client.address].filter(Boolean).join(' · ')}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
