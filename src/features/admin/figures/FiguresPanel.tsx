import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDateKey, type CommuneReport, type ProvinceReport, type TrendPoint } from '../../../domain';
import {
  ExportBar,
  FigureTableView,
  PeriodPicker,
  PrintReport,
  RANKINGS,
  ReportView,
  labelsFrom,
  periodsOf,
  shiftMonths,
  provinceTable,
  reportTables,
  trendTable,
  useCompared,
  type FigureRow,
  type Lang,
  type Period,
  type PeriodKind,
  type Ranking,
} from '../../figures';
import { adminApi, type Commune, type EditableConfig, type Me } from '../adminApi';
import { Breadcrumb, type Drill } from './Breadcrumb';
import { Comments } from './Comments';
import { TrendChart } from './TrendChart';


/** A period's figures as loaded: the commune's (or the province's total) report, and the province's communes when it is one. */
interface Loaded {
  report: CommuneReport;
  province?: ProvinceReport;
}

/** Where the figures start: a commune account sees its commune, everyone else the province of the chosen commune. */
const startAt = (me: Me, commune: Commune | undefined): Drill =>
  me.role === 'commune' || !commune ? { communeId: me.communeId ?? commune?.id ?? '' } : { province: commune.province };

/**
 * The dashboard's figures (issue 18, part 3): a period compared with the previous one and the same one
 * a year before; the province's communes side by side and ranked; drill-down province → commune →
 * procedure or officer with a breadcrumb back; the monthly trend; citizens' comments; exports and print.
 */
export function FiguresPanel({ token, me, communes, communeId, onError }: { token: string; me: Me; communes: Commune[]; communeId: string; onError: (err: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const api = adminApi(token);
  const today = vnDateKey(new Date());
  // The year so far first, as the dashboard always opened; the tablet opens on the month.
  const [kind, setKind] = useState<PeriodKind>('year');
  const [custom, setCustom] = useState<Period>({ from: `${today.slice(0, 8)}01`, to: today });
  const [rankBy, setRankBy] = useState<Ranking>('progressRate');
  const commune = communes.find((c) => c.id === communeId);
  const [drill, setDrill] = useState<Drill>(() => startAt(me, commune));
  useEffect(() => setDrill(startAt(me, commune)), [communeId]);
  const periods = periodsOf(kind, today, custom);

  const load = async ({ from, to }: Period): Promise<Loaded> => {
    if (drill.communeId) return { report: await api.communeReport({ communeId: drill.communeId, procedureId: drill.procedureId, staffId: drill.staffId }, from, to) };
    const province = await api.provinceReport(drill.province ?? '', from, to);
    return { report: { ...province.total, communeId: '' }, province };
  };
  const { loaded, error } = useCompared(load, periods, JSON.stringify(drill));
  useEffect(() => {
    if (error) onError(error);
  }, [error]);

  // The trend: the twelve months up to the period's end.
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);
  const trendTo = periods.current.to.slice(0, 7);
  useEffect(() => {
    setTrend(null);
    const scope = drill.communeId ? { communeId: drill.communeId } : { province: drill.province ?? '' };
    api.monthly(scope, shiftMonths(`${trendTo}-01`, -11).slice(0, 7), trendTo).then(setTrend, () => setTrend([]));
  }, [token, trendTo, drill.communeId, drill.province]);

  // Names of procedures, officers, items and criteria come from the commune's config.
  const [config, setConfig] = useState<EditableConfig | null>(null);
  useEffect(() => {
    setConfig(null);
    if (drill.communeId) api.config(drill.communeId).then(setConfig, () => setConfig(null));
  }, [token, drill.communeId]);
  const labels = useMemo(() => labelsFrom(config, lang), [config, lang]);

  const compared = loaded && { current: loaded.current.report, previous: loaded.previous?.report ?? null, yearBefore: loaded.yearBefore?.report ?? null };
  const tables = useMemo(() => {
    if (!loaded || !compared) return [];
    return [
      ...(loaded.current.province ? [provinceTable(loaded.current.province, rankBy, t)] : []),
      ...reportTables(compared, t, labels),
      ...(trend ? [trendTable(trend, t)] : []),
    ];
  }, [loaded, rankBy, t, labels, trend]);

  const communeName = (id: string) => loaded?.current.province?.communes.find((c) => c.communeId === id)?.name ?? communes.find((c) => c.id === id)?.name ?? id;
  const onDrill = ({ kind: k, id }: NonNullable<FigureRow['drill']>) =>
    setDrill((d) => (k === 'commune' ? { province: d.province, communeId: id } : k === 'procedure' ? { ...d, procedureId: id, staffId: undefined } : { ...d, staffId: id, procedureId: undefined }));
  const named = {
    province: drill.province,
    commune: drill.communeId ? communeName(drill.communeId) : undefined,
    procedure: drill.procedureId ? (loaded?.current.report.procedures.find((p) => p.procedureId === drill.procedureId)?.name ?? labels.procedure(drill.procedureId)) : undefined,
    officer: drill.staffId ? (loaded?.current.report.officers.find((o) => o.staffId === drill.staffId)?.name ?? labels.officer(drill.staffId)) : undefined,
  };
  const scopeName = named.commune ?? named.province ?? '';
  const province = tables.find((x) => x.id === 'province');
  const trendTableShown = tables.find((x) => x.id === 'trend');

  return (
    <section aria-labelledby="figures-title" className="report-page">
      <h2 id="figures-title" className="no-print">
        {t('admin.figures')}
      </h2>
      <div className="no-print">
        <Breadcrumb drill={drill} names={named} onGo={setDrill} canLeaveCommune={me.role !== 'commune'} />
        <PeriodPicker kind={kind} onKind={setKind} custom={custom} onCustom={setCustom} periods={periods} />
        {loaded && <ExportBar tables={tables} name={`bao-cao-${(scopeName || 'xa').replace(/\s+/g, '-')}-${periods.current.from}-${periods.current.to}`} />}
        {!loaded && !error && <p role="status">{t('app.loading')}</p>}
        {province && (
          <section aria-label={province.title} className="report-block">
            <label className="field inline">
              <span>{t('figures.province.rankBy')}</span>
              <select value={rankBy} onChange={(e) => setRankBy(e.target.value as Ranking)}>
                {RANKINGS.map((r) => (
                  <option key={r} value={r}>
                    {t(`figures.measure.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <FigureTableView table={province} onDrill={onDrill} />
          </section>
        )}
        {compared && <ReportView report={compared.current} tables={tables} onDrill={drill.procedureId || drill.staffId ? undefined : onDrill} />}
        {trendTableShown && (
          <section aria-label={trendTableShown.title} className="report-block table-and-chart">
            <FigureTableView table={trendTableShown} />
            <TrendChart points={trend ?? []} />
          </section>
        )}
        {drill.communeId && <Comments token={token} communeId={drill.communeId} from={periods.current.from} to={periods.current.to} onError={onError} />}
      </div>
      {compared && <PrintReport compared={compared} unit={scopeName} labels={labelsFrom(config, 'vi')} />}
    </section>
  );
}
