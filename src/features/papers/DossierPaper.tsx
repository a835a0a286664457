import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDate, formatVnDateTime, handOverRows, type CommuneConfig } from '../../domain';
import type { DossierRow } from '../../db';
import { db } from '../../app/db';
import { PaperFrame, type Signer } from './PaperFrame';
import { eventFor, type DossierForm } from './papers';
import { viT } from './vi';

/** Forms 02–06 of one dossier, filled in from its fold, always in Vietnamese. */
export function DossierPaper({ id, form, config }: { id: string; form: DossierForm; config: CommuneConfig }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => db.dossiers.get(id), [id]);
  if (dossier === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!dossier) return <p role="alert">{t('dossier.notFound')}</p>;
  return <PaperOf dossier={dossier} form={form} config={config} />;
}

export function PaperOf({ dossier, form, config }: { dossier: DossierRow; form: DossierForm; config: CommuneConfig }) {
  const vi = viT();
  const staffName = (id?: string) => config.staff.find((s) => s.id === id)?.name ?? '';
  const procedure = config.procedures.find((p) => p.id === dossier.procedureId)?.name ?? dossier.procedureId;
  const event = form === '06' ? undefined : eventFor(dossier, form);
  const applicant = dossier.applicant?.name ?? '';
  const officer: Signer = { title: vi('paper.officerSignature'), name: staffName(event?.staffId ?? dossier.staffId) };
  const citizen: Signer = { title: vi('paper.applicantSignature'), name: applicant };
  const intro = (
    <>
      <p>{vi('paper.to', { name: applicant })}</p>
      <p>
        {vi('paper.receivedIntro', {
          date: formatVnDate(dossier.receivedAt),
          commune: config.commune.name,
          procedure,
          code: dossier.code,
        })}
      </p>
    </>
  );
  const reason = <p className="paper-fill">{event?.reason ?? vi('paper.blank')}</p>;
  const frame = { config, form, title: vi(`paper.title.${form}`), date: event?.at ?? new Date(), back: `#/d/${dossier.id}` };

  switch (form) {
    case '02':
      return (
        <PaperFrame {...frame} signers={[citizen, officer]}>
          {intro}
          <p>{vi('paper.f02.intro')}</p>
          <ol>
            {(event?.missingDocuments ?? []).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
          <p>{vi('paper.f02.reason')}</p>
          {reason}
          <p>{vi('paper.f02.close')}</p>
        </PaperFrame>
      );
    case '03':
      return (
        <PaperFrame {...frame} signers={[citizen, officer]}>
          {intro}
          <p>{vi('paper.f03.body')}</p>
          {reason}
          <p>{vi('paper.f03.close')}</p>
        </PaperFrame>
      );
    case '04': {
      // The due date the apology moved: the one in force just before this event.
      const before = dossier.history.filter((e) => !e.flagged && e.action === 'apologize-extend' && e.at < (event?.at ?? '')).at(-1);
      const oldDue = before?.newDueAt ?? dossier.originalDueAt;
      return (
        <PaperFrame {...frame} signers={[{ title: vi('paper.leaderSignature') }]}>
          {intro}
          <p>{vi('paper.f04.body', { due: formatVnDate(oldDue) })}</p>
          {reason}
          <p>{vi('paper.f04.apology', { commune: config.commune.name })}</p>
          <p className="due">
            <strong>{vi('paper.f04.newDue', { date: event?.newDueAt ? formatVnDate(event.newDueAt) : vi('paper.blank') })}</strong>
          </p>
          <p>{vi('paper.f04.close')}</p>
        </PaperFrame>
      );
    }
    case '05':
      return (
        <PaperFrame {...frame} signers={[{ title: vi('paper.leaderSignature') }]}>
          {intro}
          <p>{vi('paper.f05.body')}</p>
          {event?.action === 'withdraw' && <p>{vi('paper.f05.withdrawn')}</p>}
          {reason}
          <p>{vi('paper.f05.close')}</p>
        </PaperFrame>
      );
    case '06': {
      const rows = handOverRows(dossier, config.calendar);
      return (
        <PaperFrame {...frame} date={dossier.receivedAt} signers={[]}>
          <p>{vi('paper.f06.facts', { code: dossier.code, name: applicant, procedure })}</p>
          <p>
            {vi('paper.f06.dates', { received: formatVnDateTime(dossier.receivedAt), due: formatVnDateTime(dossier.dueAt) })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{vi('paper.f06.given')}</th>
                <th scope="col">{vi('paper.f06.received')}</th>
                <th scope="col">{vi('paper.f06.at')}</th>
                <th scope="col">{vi('paper.f06.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.opId}>
                  <td>{staffName(r.fromStaffId) || r.fromStaffId}</td>
                  <td>{r.toAgency ?? staffName(r.toStaffId)}</td>
                  <td>{formatVnDateTime(r.at)}</td>
                  <td>{vi(`paper.timeliness.${r.timeliness}`)}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={4}>{vi('paper.f06.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </PaperFrame>
      );
    }
  }
}
