import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dossierTimeliness, formatVnDate, vnDateKey, vnDateTime, type CommuneConfig } from '../../domain';
import { db } from '../../app/db';
import { PaperFrame } from './PaperFrame';
import { viT } from './vi';

/** Form 07, the desk's register: one row per dossier received in a period, A4 landscape. */
export function TrackingBook({ config, now = new Date() }: { config: CommuneConfig; now?: Date }) {
  const { t } = useTranslation();
  const vi = viT();
  const today = vnDateKey(now);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const rows = useLiveQuery(
    () =>
      db.dossiers
        .where('receivedAt')
        .between(vnDateTime(from, '00:00').toISOString(), vnDateTime(to, '23:59').toISOString(), true, true)
        .toArray(),
    [from, to],
  );
  const procedures = new Map(config.procedures.map((p) => [p.id, p.name]));
  return (
    <PaperFrame config={config} form="07" title={vi('paper.title.07')} date={now} signers={[]} landscape>
      <div className="paper-period no-print">
        <label className="field">
          <span>{vi('paper.f07.from')}</span>
          <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{vi('paper.f07.to')}</span>
          <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
      </div>
      <p>{vi('paper.f07.period', { from: formatVnDate(vnDateTime(from, '12:00')), to: formatVnDate(vnDateTime(to, '12:00')) })}</p>
      {rows === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {(['no', 'code', 'procedure', 'applicant', 'contact', 'received', 'due', 'processed', 'returned', 'note'] as const).map((c) => (
                <th key={c} scope="col">
                  {vi(`paper.f07.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d, i) => (
              <tr key={d.id}>
                <td>{i + 1}</td>
                <td>{d.code}</td>
                <td>{procedures.get(d.procedureId) ?? d.procedureId}</td>
                <td>{d.applicant?.name}</td>
                <td>{[d.applicant?.address, d.applicant?.phone].filter(Boolean).join(' — ')}</td>
                <td>{formatVnDate(d.receivedAt)}</td>
                <td>{formatVnDate(d.dueAt)}</td>
                <td>{d.processedAt ? formatVnDate(d.processedAt) : ''}</td>
                <td>{d.returnedAt ? formatVnDate(d.returnedAt) : ''}</td>
                <td>{vi(`paper.timeliness.${dossierTimeliness(d, config.calendar)}`)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={10}>{vi('paper.f07.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </PaperFrame>
  );
}
