import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addDaysToKey, foldVietnamese, formatVnDate, newId, vnDateKey, vnDateTime, VISIT_PURPOSES, type CommuneConfig, type HomeClient, type VisitPurpose } from '../../domain';
import { recordOp } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { useSession } from '../../app/stores';
import { ClientForm } from './ClientForm';
import { SelectField } from './SelectField';

/** One person of the registry: their record, their visits, and a visit to plan. */
export function ClientPage({ id, config, edit }: { id: string; config: CommuneConfig; edit?: boolean }) {
  const { t } = useTranslation();
  const client = useLiveQuery(() => db.homeClients.get(id), [id], null);
  const visits = useLiveQuery(() => db.homeVisits.where('clientId').equals(id).sortBy('date'), [id], []);
  if (client === null) return <p role="status">{t('app.loading')}</p>;
  if (!client) return <p role="alert">{t('home.client.notFound')}</p>;
  if (edit) return <ClientForm client={client} />;
  return (
    <section aria-labelledby="client-title" className="home-client">
      <h1 id="client-title">{client.name}</h1>
      <dl className="facts">
        <dt>{t('home.client.address')}</dt>
        <dd>{[client.village, client.address].filter(Boolean).join(' · ')}</dd>
        <dt>{t('home.client.reason')}</dt>
        <dd>{t(`home.reason.${client.reason}`)}</dd>
        {client.birthYear && (
          <>
            <dt>{t('home.client.birthYear')}</dt>
            <dd>{client.birthYear}</dd>
          </>
        )}
        {client.phone && (
          <>
            <dt>{t('home.client.phone')}</dt>
            <dd>
              <a href={`tel:${client.phone}`}>{client.phone}</a>
            </dd>
          </>
        )}
        {client.contact && (
          <>
            <dt>{t('home.client.contact')}</dt>
            <dd>{client.contact}</dd>
          </>
        )}
      </dl>
      <p>
        <a className="button" href={`#/home/clients/${id}/edit`}>
          {t('home.client.edit')}
        </a>
      </p>
      <h2>{t('home.client.visits')}</h2>
      <ul aria-label={t('home.client.visits')}>
        {visits.map((v) => (
          <li key={v.id}>
            <a href={`#/home/v/${v.id}`}>
              {formatVnDate(vnDateTime(v.date, '12:00'))} · {t(`home.purpose.${v.purpose}`)}
              {v.outcome ? ` · ${t(`home.outcome.${v.outcome}`)}` : ''}
            </a>
          </li>
        ))}
      </ul>
      <PlanVisitForm client={client} config={config} />
    </section>
  );
}

function PlanVisitForm({ client, config }: { client: HomeClient; config: CommuneConfig }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const [date, setDate] = useState(addDaysToKey(vnDateKey(new Date()), 1));
  const [purpose, setPurpose] = useState<VisitPurpose>('receive');
  const [procedureId, setProcedureId] = useState('');
  const [dossierId, setDossierId] = useState('');
  const [letterId, setLetterId] = useState('');
  const [staffId, setStaffId] = useState(staff.id);
  const [error, setError] = useState<string | null>(null);
  // The person's dossiers on this tablet (by name): the one whose result is taken to the home.
  const dossiers = useLiveQuery(
    () => db.dossiers.filter((d) => foldVietnamese(d.applicant?.name ?? '') === foldVietnamese(client.name) && d.status !== 'returned').toArray(),
    [client.name],
    [],
  );
  // Letters still to hand over to this person: issued for them (a longevity letter) or to their name.
  const letters = useLiveQuery(
    () => db.letters.filter((l) => !l.delivered && (l.clientId === client.id || foldVietnamese(l.recipientName ?? '') === foldVietnamese(client.name))).toArray(),
    [client.id, client.name],
    [],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError(t('home.planForm.dateRequired'));
    try {
      const id = newId();
      await recordOp(db, 'home.visit-planned', id, {
        clientId: client.id,
        date,
        purpose,
        staffId,
        ...(procedureId ? { procedureId } : {}),
        ...(dossierId ? { dossierId } : {}),
        ...(letterId ? { letterId } : {}),
      });
      navigate('/home');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="plan-form-title" className="plan-form">
      <h2 id="plan-form-title">{t('home.planForm.title')}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="plan-date">{t('home.planForm.date')}</label>
          <input id="plan-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <SelectField id="plan-purpose" label={t('home.planForm.purpose')} value={purpose} onChange={setPurpose} options={VISIT_PURPOSES.map((p) => [p, t(`home.purpose.${p}`)])} />
        <SelectField id="plan-procedure" label={t('home.planForm.procedure')} value={procedureId} onChange={setProcedureId} none={t('home.planForm.none')} options={config.procedures.map((p) => [p.id, p.name])} />
        <SelectField id="plan-dossier" label={t('home.planForm.dossier')} value={dossierId} onChange={setDossierId} none={t('home.planForm.none')} options={dossiers.map((d) => [d.id, d.code])} />
        {/* A letter goes along on a visit for it, or with a result (a birth letter with the birth certificate). */}
        {(purpose === 'letter' || letters.length > 0) && (
          <SelectField
            id="plan-letter"
            label={t('home.planForm.letter')}
            value={letterId}
            onChange={setLetterId}
            none={t('home.planForm.none')}
            options={letters.map((l) => [l.id, `${t(`letterKind.${l.kind}`)} — ${formatVnDate(l.issuedAt)}`])}
          />
        )}
        <SelectField id="plan-staff" label={t('home.planForm.staff')} value={staffId} onChange={setStaffId} options={config.staff.map((s) => [s.id, s.name])} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary big">
        {t('home.planForm.submit')}
      </button>
    </form>
  );
}
