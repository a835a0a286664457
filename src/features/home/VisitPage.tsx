import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime, homeAddress, VISIT_OUTCOMES, type CommuneConfig, type DossierAction, type HomeClient, type HomeVisit, type VisitOutcome } from '../../domain';
import type { Signature } from '../../domain/signature';
import { endVisitSession, loadVisitSession, recordOp, setSurveyMode, updateVisitSession, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { useSession } from '../../app/stores';
import { SignatureBox, StatusBadge } from '../dossiers';
import { useReadiness } from './readiness';

/** At the home: arrival, the dossiers received or returned there, the survey, and how the visit ended. */
export function VisitPage({ id, config, now = () => new Date() }: { id: string; config: CommuneConfig; now?: () => Date }) {
  const { t } = useTranslation();
  const visit = useLiveQuery(() => db.homeVisits.get(id), [id], null);
  const client = useLiveQuery(async () => (visit ? db.homeClients.get(visit.clientId) : undefined), [visit?.clientId]);
  const session = useLiveQuery(() => loadVisitSession(db, id), [id]);
  if (visit === null || !session) return <p role="status">{t('app.loading')}</p>;
  if (!visit) return <p role="alert">{t('home.visit.notFound')}</p>;
  const dossierIds = [...new Set([...(visit.dossierId ? [visit.dossierId] : []), ...visit.dossierIds, ...session.dossierIds])];

  return (
    <section aria-labelledby="visit-title" className="home-visit">
      <h1 id="visit-title">{t('home.visit.title', { name: client?.name ?? '' })}</h1>
      <p>
        {[client?.village, client?.address].filter(Boolean).join(' · ')} · {t(`home.purpose.${visit.purpose}`)}
      </p>
      <p>
        {/* The person's page: their details, their visits, and the next visit to plan (after one missed). */}
        <a className="button" href={`#/home/clients/${visit.clientId}`}>
          {visit.outcome === 'not-home' || visit.outcome === 'postponed' ? t('home.visit.planAgain') : t('home.visit.client')}
        </a>
      </p>
      <Readiness visit={visit} client={client} config={config} />
      {visit.outcome ? (
        <p role="status">
          {t('home.visit.recorded', { outcome: t(`home.outcome.${visit.outcome}`) })}
          {visit.arrivedAt && ` · ${t('home.visit.arrivedAt', { time: formatVnDateTime(visit.arrivedAt) })}`}
          {visit.leftAt && ` · ${t('home.visit.leftAt', { time: formatVnDateTime(visit.leftAt) })}`}
        </p>
      ) : session.arrivedAt ? (
        <p role="status">{t('home.visit.arrivedAt', { time: formatVnDateTime(session.arrivedAt) })}</p>
      ) : (
        <button type="button" className="primary big" onClick={() => void updateVisitSession(db, id, (s) => ({ ...s, arrivedAt: now().toISOString() }))}>
          {t('home.visit.arrive')}
        </button>
      )}

      {!visit.outcome && (
        <div className="visit-actions">
          <a className="button big" href={`#/home/v/${id}/intake`}>
            {t('home.visit.receive')}
          </a>
          {config.survey && (
            <button type="button" className="big" onClick={() => void handOver()}>
              {t('home.visit.survey')}
            </button>
          )}
        </div>
      )}

      <h2>{t('home.visit.dossiers')}</h2>
      {dossierIds.length === 0 ? (
        <p>{t('home.visit.noDossiers')}</p>
      ) : (
        <ul className="visit-list" aria-label={t('home.visit.dossiers')}>
          {dossierIds.map((d) => (
            <VisitDossier key={d} dossierId={d} visit={visit} client={client} now={now} />
          ))}
        </ul>
      )}
      {visit.letterId && <VisitLetter letterId={visit.letterId} visit={visit} now={now} />}
      {!visit.outcome && <OutcomeForm visit={visit} now={now} />}
    </section>
  );
}

/** Hand the tablet to the person for the survey: the officer is signed out, a staff PIN leads back. */
async function handOver() {
  await setSurveyMode(db, true);
  useSession.getState().signOut();
}

function Readiness({ visit, client, config }: { visit: HomeVisit; client?: HomeClient; config: CommuneConfig }) {
  const { t } = useTranslation();
  const missing = useReadiness(visit, client, config);
  if (missing.length === 0) return null;
  return <p className="error" role="alert">{t('home.ready.missing', { what: missing.map((m) => t(`home.ready.${m}`)).join(', ') })}</p>;
}

/** The steps from where a dossier is to the result handed over on the spot (a certification done at the home). */
const TO_RETURN: Partial<Record<DossierRow['status'], DossierAction[]>> = {
  received: ['start-processing', 'mark-result-ready', 'return-result'],
  processing: ['mark-result-ready', 'return-result'],
  'result-ready': ['return-result'],
};

function VisitDossier({ dossierId, visit, client, now }: { dossierId: string; visit: HomeVisit; client?: HomeClient; now: () => Date }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  // undefined while loading, false when the dossier is not on this tablet.
  const dossier = useLiveQuery(async () => (await db.dossiers.get(dossierId)) ?? false, [dossierId]);
  const [signature, setSignature] = useState<Signature | undefined>();
  const [error, setError] = useState<string | null>(null);
  if (dossier === undefined) return <li role="status">{t('app.loading')}</li>;
  if (!dossier) return <li className="error">{t('home.ready.missing', { what: t('home.ready.dossier') })}</li>;
  // A result goes back at the home when it is ready, or on the spot for a certification.
  const steps = dossier.status === 'result-ready' || visit.purpose === 'certify' ? TO_RETURN[dossier.status] : undefined;
  const place = client ? homeAddress(client) : t('channel.home');

  async function returnHere() {
    if (!signature) return setError(t('home.visit.signFirst'));
    try {
      for (const action of steps!) {
        const last = action === 'return-result';
        await recordOp(db, 'dossier.transitioned', dossierId, { action, staffId: staff.id, ...(last ? { signature, place } : {}) }, now());
      }
      await updateVisitSession(db, visit.id, (s) => ({ ...s, dossierIds: s.dossierIds.includes(dossierId) ? s.dossierIds : [...s.dossierIds, dossierId] }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <li className="visit-item">
      <a className="visit-link" href={`#/d/${dossierId}`}>
        <strong>{dossier.code}</strong>
        <span>{dossier.applicant?.name}</span>
      </a>
      <StatusBadge status={dossier.status} />
      <a href={`#/d/${dossierId}/slip`}>{t('home.visit.slip')}</a>
      {steps && (
        <div className="return-here">
          <SignatureBox signerName={dossier.applicant?.name ?? ''} label={t('home.visit.receiverSignature')} onChange={setSignature} now={now} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="button" className="primary big" onClick={() => void returnHere()}>
            {visit.purpose === 'certify' && dossier.status !== 'result-ready' ? t('home.visit.certify') : t('home.visit.returnResult')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The letter planned for this visit, handed over at the home: `letter.delivered` with method
 * "at-home" (the letters list and the report count it delivered), and the visit lists it too.
 */
function VisitLetter({ letterId, visit, now }: { letterId: string; visit: HomeVisit; now: () => Date }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  // undefined while loading, false when the letter is not on this tablet (the plan says so).
  const letter = useLiveQuery(async () => (await db.letters.get(letterId)) ?? false, [letterId]);
  const [error, setError] = useState<string | null>(null);
  if (letter === undefined) return <p role="status">{t('app.loading')}</p>;

  async function handOver() {
    try {
      const at = now();
      await recordOp(db, 'letter.delivered', letterId, { letterId, staffId: staff.id, deliveredAt: at.toISOString(), method: 'at-home' }, at);
      await updateVisitSession(db, visit.id, (s) => ({ ...s, letterIds: s.letterIds.includes(letterId) ? s.letterIds : [...s.letterIds, letterId] }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="visit-letter-title" className="visit-letter">
      <h2 id="visit-letter-title">{t('home.visit.letter')}</h2>
      {letter ? (
        <p>
          <a href={`#/letters/${letterId}`}>
            {t(`letterKind.${letter.kind}`)}
            {letter.recipientName ? ` — ${letter.recipientName}` : ''}
          </a>
        </p>
      ) : (
        <p className="error">{t('home.ready.missing', { what: t('home.ready.letter') })}</p>
      )}
      {letter && letter.delivered ? (
        <p role="status">{t('home.visit.letterDelivered', { time: formatVnDateTime(letter.delivered.at) })}</p>
      ) : (
        !visit.outcome && (
          <button type="button" className="primary big" onClick={() => void handOver()}>
            {t('home.visit.handOverLetter')}
          </button>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

function OutcomeForm({ visit, now }: { visit: HomeVisit; now: () => Date }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const [outcome, setOutcome] = useState<VisitOutcome>('done');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function finish() {
    try {
      const session = await loadVisitSession(db, visit.id);
      const dossierIds = [...new Set([...visit.dossierIds, ...session.dossierIds])];
      const letterIds = [...new Set([...visit.letterIds, ...session.letterIds])];
      await recordOp(
        db,
        'home.visit-completed',
        visit.id,
        {
          visitId: visit.id,
          outcome,
          staffId: staff.id,
          ...(session.arrivedAt ? { arrivedAt: session.arrivedAt } : {}),
          leftAt: now().toISOString(),
          ...(dossierIds.length ? { dossierIds } : {}),
          ...(letterIds.length ? { letterIds } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        now(),
      );
      await endVisitSession(db, visit.id);
      navigate('/home');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <fieldset className="outcome-form">
      <legend>{t('home.visit.outcome')}</legend>
      <div className="choices-row">
        {VISIT_OUTCOMES.map((o) => (
          <label key={o} className="choice">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            <span>{t(`home.outcome.${o}`)}</span>
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor="visit-note">{t('home.visit.note')}</label>
        <input id="visit-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" className="primary big" onClick={() => void finish()}>
        {t('home.visit.finish')}
      </button>
    </fieldset>
  );
}
