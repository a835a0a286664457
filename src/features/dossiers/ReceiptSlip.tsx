import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime, type CommuneConfig } from '../../domain';
import { db } from '../../app/db';
import { processingTimeLabel } from './format';
import { QuickCheckPrompt } from '../checklists';

/** The QR encoder is only needed on this page, so it loads here and not before the first screen. */
function useQrSvg(text: string | undefined): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void import('qrcode').then((qr) =>
      qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((s) => live && setSvg(s)),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return svg;
}

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the A5 slip the citizen takes home. */
export function ReceiptSlip({ id, config }: { id: string; config: CommuneConfig }) {
  const { t } = useTranslation();
  const dossier = useLiveQuery(() => db.dossiers.get(id), [id]);
  const qr = useQrSvg(dossier?.code);
  if (dossier === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!dossier) return <p role="alert">{t('dossier.notFound')}</p>;
  const procedure = config.procedures.find((p) => p.id === dossier.procedureId);
  const officer = config.staff.find((s) => s.id === dossier.staffId);

  return (
    <article className="receipt-slip" aria-labelledby="slip-title">
      <div className="no-print slip-actions">
        <a href={`#/d/${dossier.id}`} className="button-link">
          {t('slip.back')}
        </a>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </div>
      <QuickCheckPrompt dossierId={dossier.id} config={config} />
      <header className="slip-header">
        <div>
          <p className="agency">{config.commune.name}</p>
          <p className="agency-sub">{t('slip.desk')}</p>
        </div>
        <div className="motto">
          <p>{t('slip.nation')}</p>
          <p>{t('slip.motto')}</p>
        </div>
      </header>
      <h1 id="slip-title">{t('slip.title')}</h1>
      <div className="slip-body">
        <dl className="facts">
          <dt>{t('dossier.code')}</dt>
          <dd className="code">{dossier.code}</dd>
          <dt>{t('slip.applicant')}</dt>
          <dd>{dossier.applicant?.name}</dd>
          <dt>{t('intake.address')}</dt>
          <dd>{dossier.applicant?.address ?? '—'}</dd>
          <dt>{t('intake.phone')}</dt>
          <dd>{dossier.applicant?.phone ?? '—'}</dd>
          <dt>{t('dossier.procedure')}</dt>
          <dd>{procedure?.name ?? dossier.procedureId}</dd>
          <dt>{t('slip.processingTime')}</dt>
          <dd>{procedure ? processingTimeLabel(t, procedure.processingTime) : '—'}</dd>
          <dt>{t('slip.receivedAt')}</dt>
          <dd>{formatVnDateTime(dossier.receivedAt)}</dd>
          <dt>{t('slip.returnAt')}</dt>
          <dd className="due">{formatVnDateTime(dossier.dueAt)}</dd>
          <dt>{t('slip.resultPlace')}</dt>
          <dd>{procedure?.resultPlace ?? t('slip.defaultResultPlace')}</dd>
        </dl>
        {qr ? (
          <img className="qr" alt={t('slip.qrAlt', { code: dossier.code })} src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`} />
        ) : (
          <span className="qr" aria-hidden="true" />
        )}
      </div>
      <h2>{t('slip.documents')}</h2>
      <ol className="slip-documents">
        {dossier.documents.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ol>
      {dossier.writtenByStaff && <p className="note">{t('slip.writtenByStaff')}</p>}
      <div className="signatures">
        <div>
          <p className="sig-title">{t('slip.applicantSignature')}</p>
          <p className="sig-hint">{t('slip.signHint')}</p>
          <p className="sig-name">{dossier.applicant?.name}</p>
        </div>
        <div>
          <p className="sig-title">{t('slip.officerSignature')}</p>
          <p className="sig-hint">{t('slip.signHint')}</p>
          <p className="sig-name">{officer?.name ?? ''}</p>
        </div>
      </div>
    </article>
  );
}
