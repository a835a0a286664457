import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  actionNeeds,
  allowedActions,
  canExtend,
  canRequestSupplement,
  HAND_OVER,
  isApologyTimely,
  isEarlyReturn,
  OPEN_STATUSES,
  currentDueAt,
  dueTimeOfDay,
  formatVnDate,
  formatVnDateTime,
  isOverdue,
  vnDateKey,
  vnDateTime,
  type CalendarData,
  type CommuneConfig,
  type TransitionAction,
} from '../../domain';
import { recordOp, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { navigate } from '../../app/router';
import { StatusBadge } from './StatusBadge';
import { PaperLinks, PaperOffer } from '../papers';
import { DossierLetters } from '../letters';
import { QuickCheckPrompt } from '../checklists';
import { CorrectionForm } from './CorrectionForm';
import { feeLabel } from './format';
import { CheckRow } from '../../app/CheckRow';
import { StaffSelect } from '../../app/StaffSelect';

/** How the timeline names a corrected field. */
const CHANGE_LABELS: Record<string, string> = {
  'applicant.name': 'intake.name',
  'applicant.idNumber': 'intake.idNumber',
  'applicant.phone': 'intake.phone',
  'applicant.address': 'intake.address',
  documents: 'intake.documents',
};

export function DossierDetail({ id, config }: { id: string; config: CommuneConfig }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => db.dossiers.get(id), [id]);
  const [action, setAction] = useState<TransitionAction | null>(null);
  // The last action recorded here: its paper (form 02, 03, 04, 05) is offered at once.
  const [made, setMade] = useState<TransitionAction | null>(null);
  const [correcting, setCorrecting] = useState(false);

  if (dossier === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!dossier) return <p role="alert">{t('dossier.notFound')}</p>;
  const procedure = config.procedures.find((p) => p.id === dossier.procedureId);
  const actions: TransitionAction[] = allowedActions(dossier.status);
  // A hand-over moves no status: offered while the dossier is open (form 06 shows each one).
  if ((OPEN_STATUSES as readonly string[]).includes(dossier.status)) actions.push(HAND_OVER);
  const now = new Date();
  const staffName = (id?: string) => (id ? (config.staff.find((s) => s.id === id)?.name ?? id) : '');

  return (
    <article className="dossier-detail" aria-labelledby="dossier-title">
      <h1 id="dossier-title">
        {t('dossier.title')} {dossier.code}
      </h1>
      <p>
        <StatusBadge status={dossier.status} />
        {isOverdue(dossier, now, config.calendar) && <span className="late-label"> {t('list.late')}</span>}
        {dossier.extended && <span className="hint"> · {t('dossier.extended')}</span>}
      </p>
      <dl className="facts">
        <dt>{t('dossier.applicant')}</dt>
        <dd>{dossier.applicant?.name}</dd>
        {dossier.applicant?.idNumber && (
          <>
            <dt>{t('intake.idNumber')}</dt>
            <dd>{dossier.applicant.idNumber}</dd>
          </>
        )}
        {dossier.applicant?.phone && (
          <>
            <dt>{t('intake.phone')}</dt>
            <dd>{dossier.applicant.phone}</dd>
          </>
        )}
        {dossier.applicant?.address && (
          <>
            <dt>{t('intake.address')}</dt>
            <dd>{dossier.applicant.address}</dd>
          </>
        )}
        <dt>{t('dossier.procedure')}</dt>
        <dd>{procedure?.name ?? dossier.procedureId}</dd>
        {procedure && (
          <>
            <dt>{t('slip.fee')}</dt>
            <dd>{feeLabel(t, procedure.fee)}</dd>
          </>
        )}
        <dt>{t('dossier.receivedAt')}</dt>
        <dd>
          {formatVnDateTime(dossier.receivedAt)} · {staffName(dossier.staffId)}
        </dd>
        <dt>{t('dossier.dueAt')}</dt>
        <dd>{formatVnDateTime(currentDueAt(dossier, config.calendar, now))}</dd>
        <dt>{t('dossier.channel')}</dt>
        <dd>
          {t(`channel.${dossier.channel}`)}
          {dossier.writtenByStaff && ` · ${t('dossier.writtenByStaff')}`}
        </dd>
      </dl>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('slip.documents')}</h2>
        {dossier.documents.length === 0 ? (
          <p>—</p>
        ) : (
          <ol className="slip-documents">
            {dossier.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        )}
      </section>
      <p className="no-print action-buttons">
        <a href={`#/d/${dossier.id}/slip`} className="button-link">
          {t('dossier.openSlip')}
        </a>
        {dossier.status !== 'unknown' && (
          <button type="button" aria-pressed={correcting} onClick={() => setCorrecting(!correcting)}>
            {t('correction.open')}
          </button>
        )}
      </p>
      {correcting && (
        <CorrectionForm
          dossier={dossier}
          procedure={procedure}
          onDone={() => {
            setCorrecting(false);
            navigate(`/d/${dossier.id}/slip`);
          }}
        />
      )}
      <PaperLinks dossier={dossier} />
      <DossierLetters dossier={dossier} config={config} />

      {dossier.flags.length > 0 && (
        <div role="alert" className="flags">
          <strong>{t('dossier.needsReview')}</strong>
          <ul>
            {dossier.flags.map((f) => (
              <li key={f.opId}>{t(`flags.${f.code}`, { defaultValue: f.code })}</li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="actions-title" className="no-print">
        <h2 id="actions-title">{t('dossier.actions')}</h2>
        {!action && <PaperOffer dossierId={dossier.id} action={made} />}
        {actions.length === 0 ? (
          <p>{t('dossier.noActions')}</p>
        ) : (
          <div className="action-buttons">
            {actions.map((a) => (
              <button key={a} type="button" aria-pressed={action === a} onClick={() => setAction(a)}>
                {t(`actions.${a}`)}
              </button>
            ))}
          </div>
        )}
        {action && actions.includes(action) && (
          <ActionForm
            key={action}
            action={action}
            dossier={dossier}
            dueAt={currentDueAt(dossier, config.calendar, now)}
            config={config}
            documents={procedure?.documents.map((d) => d.name) ?? dossier.documents}
            onDone={(recorded) => {
              setAction(null);
              setMade(recorded ?? null);
            }}
          />
        )}
      </section>

      <QuickCheckPrompt dossierId={dossier.id} config={config} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('dossier.timeline')}</h2>
        <ol className="timeline">
          {dossier.history.map((event) => (
            <li key={event.opId} className={event.flagged ? 'flagged' : undefined}>
              <time dateTime={event.at}>{formatVnDateTime(event.at)}</time>{' '}
              <strong>{event.action ? t(`actions.${event.action}`) : t(`events.${event.type}`)}</strong>
              {event.staffId && <span className="officer"> · {t('dossier.byOfficer', { name: staffName(event.staffId) })}</span>}
              {event.changes && (
                <span>
                  {' '}
                  —{' '}
                  {Object.entries(event.changes)
                    .map(([field, value]) => `${t(CHANGE_LABELS[field] ?? field)}: ${Array.isArray(value) ? value.join('; ') : value}`)
                    .join(' · ')}
                </span>
              )}
              {event.reason && <span> — {event.reason}</span>}
              {event.missingDocuments && <span> — {event.missingDocuments.join('; ')}</span>}
              {event.newDueAt && <span> — {t('dossier.newDue', { date: formatVnDate(event.newDueAt) })}</span>}
              {(event.toStaffId || event.toAgency) && <span> — {t('dossier.handedTo', { to: event.toAgency ?? staffName(event.toStaffId) })}</span>}
              {event.citizenInformed && <span> — {t('dossier.citizenInformed')}</span>}
              {event.place && <span> — {t('dossier.place', { place: event.place })}</span>}
              {event.signedBy && <span> — {t(`dossier.signedBy.${event.signedBy}`)}</span>}
              {event.flagged && <span className="flag"> ⚠ {t(`flags.${event.flagged}`, { defaultValue: event.flagged })}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function ActionForm({
  action,
  dossier,
  dueAt,
  config,
  documents,
  onDone,
}: {
  action: TransitionAction;
  dossier: DossierRow;
  /** The due date the dossier has now: an extension must go past it. */
  dueAt: string;
  config: CommuneConfig;
  documents: string[];
  /** Called with the action once it is recorded, without when cancelled. */
  onDone: (recorded?: TransitionAction) => void;
}) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const calendar: CalendarData = config.calendar;
  const handOver = action === HAND_OVER;
  // What this action asks for before it can be recorded: the same table the op schema enforces.
  const needsReason = !handOver && actionNeeds(action, 'reason');
  const needsDocuments = !handOver && actionNeeds(action, 'missingDocuments');
  const needsNewDate = !handOver && actionNeeds(action, 'newDueAt');
  // Form 02 says what is missing and why: the reason is asked for, not required.
  const asksReason = needsReason || action === 'request-supplement';
  // Decree 118: once only (a second one is refused here, with the reason), the apology at least one
  // working day before the due date (later is still allowed, with a warning), an early return
  // only once the citizen has been told.
  const refusal =
    action === 'request-supplement' && !canRequestSupplement(dossier)
      ? t('decree.supplementOnce')
      : action === 'apologize-extend' && !canExtend(dossier)
        ? t('decree.extendOnce')
        : null;
  const lateApology = action === 'apologize-extend' && !isApologyTimely(calendar, dueAt, new Date());
  const early = action === 'return-result' && isEarlyReturn({ dueAt }, new Date());
  const [informed, setInformed] = useState(false);
  const [toStaffId, setToStaffId] = useState('');
  const [toAgency, setToAgency] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [newDate, setNewDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (refusal) return;
    const data: Record<string, unknown> = { action, staffId: staff.id };
    if (handOver) {
      if (toStaffId) data.toStaffId = toStaffId;
      else if (toAgency.trim()) data.toAgency = toAgency.trim();
      else return setError(t('actionForm.handOverRequired'));
    }
    if (early) {
      if (!informed) return setError(t('decree.tellCitizenFirst'));
      data.citizenInformed = true;
    }
    if (needsReason && !reason.trim()) return setError(t('actionForm.reasonRequired'));
    if (asksReason && reason.trim()) data.reason = reason.trim();
    if (needsDocuments) {
      const all = [...missing, ...(other.trim() ? [other.trim()] : [])];
      if (all.length === 0) return setError(t('actionForm.documentsRequired'));
      data.missingDocuments = all;
    }
    if (needsNewDate) {
      if (!newDate || newDate <= vnDateKey(dueAt)) return setError(t('actionForm.dateAfterDue'));
      data.newDueAt = vnDateTime(newDate, dueTimeOfDay(calendar)).toISOString();
    }
    try {
      await recordOp(db, 'dossier.transitioned', dossier.id, data);
      onDone(action);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form onSubmit={submit} className="action-form" noValidate aria-label={t(`actions.${action}`)}>
      {needsDocuments && !refusal && (
        <fieldset>
          <legend>{t('actionForm.missingDocuments')}</legend>
          {documents.map((d) => (
            <CheckRow key={d} checked={missing.includes(d)} onChange={(on) => setMissing(on ? [...missing, d] : missing.filter((m) => m !== d))}>
              {d}
            </CheckRow>
          ))}
          <label className="field">
            <span>{t('actionForm.otherDocument')}</span>
            <input value={other} onChange={(e) => setOther(e.target.value)} maxLength={300} />
          </label>
        </fieldset>
      )}
      {needsNewDate && !refusal && (
        <label className="field">
          <span>{t('actionForm.newDueDate')}</span>
          <input type="date" value={newDate} min={vnDateKey(dueAt)} onChange={(e) => setNewDate(e.target.value)} />
        </label>
      )}
      {asksReason && !refusal && (
        <label className="field">
          <span>{t('actionForm.reason')}</span>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={3} />
        </label>
      )}
      {handOver && (
        <fieldset>
          <legend>{t('actionForm.handOverTo')}</legend>
          <StaffSelect
            label={t('actionForm.toStaff')}
            staff={config.staff.filter((s) => s.active && s.id !== staff.id)}
            value={toStaffId}
            onChange={setToStaffId}
            none="—"
          />
          <label className="field">
            <span>{t('actionForm.toAgency')}</span>
            <input value={toAgency} onChange={(e) => setToAgency(e.target.value)} maxLength={300} disabled={Boolean(toStaffId)} />
          </label>
        </fieldset>
      )}
      {lateApology && !refusal && (
        <p role="note" className="warning">
          {t('decree.apologyLate')}
        </p>
      )}
      {early && (
        <CheckRow checked={informed} onChange={setInformed}>
          {t('decree.citizenTold')}
        </CheckRow>
      )}
      {!needsReason && !needsDocuments && !needsNewDate && !handOver && !refusal && (
        <p>{t('actionForm.confirmText', { action: t(`actions.${action}`) })}</p>
      )}
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => onDone()}>
          {t('actionForm.cancel')}
        </button>
        <button type="submit" className="primary" disabled={Boolean(refusal)}>
          {t('actionForm.confirm')}
        </button>
      </div>
    </form>
  );
}
