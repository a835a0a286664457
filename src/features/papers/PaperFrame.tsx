import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../../domain';
import { placeDate, placeOf, viT } from './vi';
import './papers.css';

export interface Signer {
  title: string;
  name?: string;
  /** What is on the paper already above the name: a signature drawn on the tablet, a fingerprint note. */
  mark?: ReactNode;
}

/**
 * The frame of every official paper (forms 01–07, letters): commune header and national motto, the
 * form's number, title and date line (none when `date` is absent: the slip dates its receipt
 * inside), the body, and the signatures. A5 unless `landscape` (form 07: A4 landscape). Around
 * the paper, in the screen's language and never printed: back, print (`printLabel`), and `aside`.
 */
export function PaperFrame({
  config,
  form,
  title,
  date,
  back,
  signers,
  landscape,
  className,
  printLabel,
  aside,
  children,
}: {
  config: CommuneConfig;
  form?: string;
  title: string;
  date?: Date | string;
  back?: string;
  signers: Signer[];
  landscape?: boolean;
  className?: string;
  printLabel?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const vi = viT();
  return (
    <article className={['paper', landscape && 'paper-landscape', className].filter(Boolean).join(' ')} aria-labelledby="paper-title" lang="vi">
      <div className="no-print slip-actions" lang={i18n.language}>
        {back ? (
          <a href={back} className="button-link">
            {t('papers.back')}
          </a>
        ) : (
          <span />
        )}
        <button type="button" className="primary" onClick={() => window.print()}>
          {printLabel ?? t('papers.print')}
        </button>
      </div>
      {aside && (
        <div className="no-print" lang={i18n.language}>
          {aside}
        </div>
      )}
      <header className="slip-header">
        <div>
          <p className="agency">{config.commune.name.toLocaleUpperCase('vi')}</p>
          <p className="agency-sub">{vi('paper.desk')}</p>
        </div>
        <div className="motto">
          <p>{vi('paper.nation')}</p>
          <p>{vi('paper.motto')}</p>
        </div>
      </header>
      {date && <p className="paper-date">{placeDate(placeOf(config.commune.name), date)}</p>}
      <h1 id="paper-title">{title}</h1>
      {form && <p className="paper-form-no">{vi('paper.formNo', { form })}</p>}
      <div className="paper-body">{children}</div>
      <div className="signatures">
        {signers.map((s) => (
          <div key={s.title}>
            <p className="sig-title">{s.title}</p>
            <p className="sig-hint">{vi('paper.signHint')}</p>
            {s.mark}
            <p className="sig-name">{s.name ?? ''}</p>
          </div>
        ))}
      </div>
    </article>
  );
}
