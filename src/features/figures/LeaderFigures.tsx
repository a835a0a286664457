import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDateKey, type CommuneConfig } from '../../domain';
import { ExportBar } from './ExportBar';
import { PeriodPicker } from './PeriodPicker';
import { PrintReport } from './PrintReport';
import { ReportView } from './ReportView';
import { periodsOf, type Period, type PeriodKind } from './periods';
import { labelsFrom, reportTables } from './tables';
import { useCompared, type LoadReport } from './useCompared';
import type { Lang } from './format';

/**
 * The commune leader's figures on the counter tablet, offline: the same report view, periods and
 * comparisons as the dashboard, computed from what the tablet holds (`load`). Leaders only.
 */
export function LeaderFigures(props: { config: CommuneConfig; leader: boolean; load: LoadReport; now?: Date }) {
  const { t } = useTranslation();
  if (!props.leader)
    return (
      <section aria-labelledby="report-title">
        <h1 id="report-title">{t('figures.title')}</h1>
        <p role="alert">{t('figures.leaderOnly')}</p>
      </section>
    );
  return <Figures {...props} />;
}

function Figures({ config, load, now = new Date() }: { config: CommuneConfig; load: LoadReport; now?: Date }) {
  const { t, i18n } = useTranslation();
  const today = vnDateKey(now);
  const [kind, setKind] = useState<PeriodKind>('month');
  const [custom, setCustom] = useState<Period>({ from: `${today.slice(0, 8)}01`, to: today });
  const periods = periodsOf(kind, today, custom);
  const { loaded: compared, error } = useCompared(load, periods, config.commune.id);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const labels = useMemo(() => labelsFrom(config, lang), [config, lang]);
  const tables = useMemo(() => (compared ? reportTables(compared, t, labels) : []), [compared, t, labels]);
  return (
    <section aria-labelledby="report-title" className="report-page">
      <div className="no-print">
        <h1 id="report-title">{t('figures.title')}</h1>
        <p className="hint">{t('figures.offlineNote')}</p>
        <PeriodPicker kind={kind} onKind={setKind} custom={custom} onCustom={setCustom} periods={periods} />
        {compared && <ExportBar tables={tables} name={`bao-cao-${config.commune.code}-${periods.current.from}-${periods.current.to}`} />}
        {error ? (
          <p role="alert" className="error">
            {t('figures.loadFailed')}
          </p>
        ) : compared ? (
          <ReportView report={compared.current} tables={tables} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </div>
      {compared && <PrintReport compared={compared} unit={config.commune.name} labels={labelsFrom(config, 'vi')} made={now} />}
    </section>
  );
}
