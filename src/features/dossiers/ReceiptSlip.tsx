import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { currentDueAt, formatVnDate, formatVnDateTime, type CommuneConfig } from '../../domain';
import type { Signature } from '../../domain/signature';
import { db } from '../../app/db';
import { useQrSvg } from '../../app/qr';
import { feeLabel, processingTimeLabel } from './format';
import { QuickCheckPrompt } from '../checklists';
import { PaperFrame } from '../papers';

/**
 * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (form 01): the A5 slip the citizen takes home, in the
 * frame of every official paper. It is always Vietnamese whatever the clerk's UI language: the
 * paper reads a fixed Vietnamese `t` (Vietnamese strings are always loaded, as the fallback); only
 * the buttons and the quick check around it follow the UI.
 */
export function ReceiptSlip({ id, config }: { id: string; config: CommuneConfig }) {
  const { t: ui, i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const dossier = useLiveQuery(() => db.dossiers.get(id), [id]);
  const qr = useQrSvg(dossier?.code);
  // The applicant's signature on the declaration (1.1), drawn on the screen at the home, or a fingerprint.
  const signature = useLiveQuery(
    async () => ((await db.ops.where('entityId').equals(id).filter((op) => op.type === 'dossier.received').first())?.data.signature as Signature | undefined) ?? null,
    [id],
  );
  if (dossier === undefined) return <p role="status">{ui('app.loading')}</p>;
  if (!dossier) return <p role="alert">{ui('dossier.notFound')}</p>;
  const procedure = config.procedures.find((p) => p.id === dossier.procedureId);
  const officer = config.staff.find((s) => s.id === dossier.staffId);
  // A slip reprinted after a correction says so (the old one may still be in the citizen's hands).
  const lastCorrection = dossier.history.filter((e) => e.type === 'dossier.updated' && !e.flagged).at(-1);

  return (
    <PaperFrame
      config={config}
      form="01"
      title={t('slip.title')}
      back={`#/d/${dossier.id}`}
      printLabel={ui('slip.print')}
      className="receipt-slip"
      aside={<QuickCheckPrompt dossierId={dossier.id} config={config} />}
      signers={[
        {
          title: t('slip.applicantSignature'),
          name: dossier.applicant?.name,
          mark:
            signature?.kind === 'signature' && signature.svg ? (
              <img className="sig-image" alt={t('slip.signedOnScreen', { name: signature.signerName })} src={`data:image/svg+xml;utf8,${encodeURIComponent(signature.svg)}`} />
            ) : signature?.kind === 'fingerprint' ? (
              <p className="sig-hint">{t('slip.fingerprinted')}</p>
            ) : undefined,
        },
        { title: t('slip.officerSignature'), name: officer?.name ?? '' },
      ]}
    >
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
          <dt>{t('slip.fee')}</dt>
          <dd>{procedure ? feeLabel(t, procedure.fee) : '—'}</dd>
          <dt>{t('slip.receivedAt')}</dt>
          <dd>{formatVnDateTime(dossier.receivedAt)}</dd>
          <dt>{t('slip.returnAt')}</dt>
          <dd className="due">{formatVnDateTime(currentDueAt(dossier, config.calendar, new Date()))}</dd>
          <dt>{t('slip.resultPlace')}</dt>
          {/* A dossier received at the home has its result taken back there. */}
          <dd>{dossier.channel === 'home' ? t('slip.atHome') : (procedure?.resultPlace ?? t('slip.defaultResultPlace'))}</dd>
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
      {lastCorrection && <p className="note">{t('slip.corrected', { date: formatVnDate(lastCorrection.at) })}</p>}
    </PaperFrame>
  );
}
