import './figures.css';
import { useTranslation } from 'react-i18next';
import type { CommuneReport } from '../../domain';
import { BarChart } from './BarChart';
import { HeatMap } from './HeatMap';
import { FigureTableView } from './FigureTableView';
import type { FigureRow, FigureTable } from './tables';

type Drill = (drill: NonNullable<FigureRow['drill']>) => void;

/**
 * One commune's report, the same on the dashboard and on the leader's tablet: every block as a
 * table (the ones `reportTables` made, which the exports write too), with a chart beside the ones
 * a picture helps.
 */
export function ReportView({ report, tables, onDrill }: { report: CommuneReport; tables: FigureTable[]; onDrill?: Drill }) {
  const { t } = useTranslation();
  const table = (id: string) => tables.find((x) => x.id === id);
  const show = (id: string, drill?: Drill) => {
    const x = table(id);
    return x ? <FigureTableView table={x} onDrill={drill} /> : null;
  };
  const r = report;
  return (
    <div className="report-view">
      <section className="report-block table-and-chart" aria-label={t('figures.settlement.title')}>
        {show('settlement')}
        <BarChart
          title={t('figures.settlement.chart')}
          bars={[
            { label: t('figures.measure.early'), value: r.early, color: '#1b5e20' },
            { label: t('figures.measure.onTime'), value: r.onTime, color: '#43a047' },
            { label: t('figures.measure.late'), value: r.late, color: '#b3261e' },
            { label: t('figures.measure.withdrawn'), value: r.withdrawn, color: '#757575' },
            { label: t('figures.measure.openWithinTime'), value: r.openWithinTime, color: '#1565c0' },
            { label: t('figures.measure.openOverdue'), value: r.openOverdue, color: '#8a4b00' },
          ]}
        />
      </section>
      <section className="report-block table-and-chart" aria-label={t('figures.satisfaction.title')}>
        {show('satisfaction')}
        <BarChart
          title={t('figures.satisfaction.chart')}
          bars={(['very-satisfied', 'satisfied', 'normal', 'not-satisfied'] as const).map((rating, i) => ({
            label: t(`figures.rating.${rating}`),
            value: r.satisfaction.byRating[rating] ?? 0,
            color: ['#1b5e20', '#43a047', '#f9a825', '#b3261e'][i],
          }))}
        />
      </section>
      <section className="report-block" aria-label={t('figures.criteria.title')}>
        {show('criteria')}
      </section>
      <section className="report-block table-and-chart" aria-label={t('figures.hours.title')}>
        <HeatMap byHour={r.satisfaction.byHour} />
        {show('hours')}
      </section>
      <section className="report-block table-and-chart" aria-label={t('figures.letters.title')}>
        {show('letters')}
        {show('home')}
      </section>
      <section className="report-block" aria-label={t('figures.checklists.heading')}>
        {show('checklists')}
      </section>
      <section className="report-block" aria-label={t('figures.procedures.title')}>
        {show('procedures', onDrill)}
      </section>
      <section className="report-block" aria-label={t('figures.officers.title')}>
        {show('officers', onDrill)}
      </section>
    </div>
  );
}
