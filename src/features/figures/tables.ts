import type { TFunction } from 'i18next';
import { CHANNELS, CHECK_MODES, LETTER_KINDS, RATINGS, itemLabel, rate, type CommuneConfig, type CommuneReport, type ProvinceReport, type SettlementFigures, type TrendPoint } from '../../domain';
import { delta, type Cell, type Lang } from './format';

/**
 * Every figure the screens show, as tables: the screen draws them, the CSV and the XLSX write
 * them, so an export is always exactly what is on the screen. Charts are drawn beside the tables
 * they come from, never instead of them.
 */
export interface FigureRow {
  key: string;
  cells: Cell[];
  /** A row that opens a narrower report (a commune, a procedure, an officer). */
  drill?: { kind: 'commune' | 'procedure' | 'officer'; id: string };
  /** The sum row of a table, set apart. */
  total?: boolean;
  /** A figure that is better when it falls (late, overdue, days taken): its changes are coloured the other way. */
  lowerIsBetter?: boolean;
}
export interface FigureTable {
  id: string;
  title: string;
  columns: string[];
  rows: FigureRow[];
}

/** A report with the two it is compared with (either may be missing: not loaded, or not asked for). */
export interface Compared {
  current: CommuneReport;
  previous?: CommuneReport | null;
  yearBefore?: CommuneReport | null;
}

/** Names of things a report names only by id; each falls back to the id. */
export interface Labels {
  procedure: (id: string) => string;
  officer: (id: string) => string;
  item: (templateId: string, itemId: string) => string;
  criterion: (id: string) => string;
}

/** What names come from: a tablet's config, or the dashboard's config as edited (staff without PIN hashes). */
type Named = Pick<CommuneConfig, 'procedures' | 'checklistTemplates' | 'survey'> & { staff: { id: string; name: string }[] };

export function labelsFrom(config: Named | null | undefined, lang: Lang): Labels {
  return {
    procedure: (id) => config?.procedures.find((p) => p.id === id)?.name ?? id,
    officer: (id) => config?.staff.find((s) => s.id === id)?.name ?? id,
    item: (templateId, itemId) => (config ? itemLabel(config.checklistTemplates, templateId, itemId)?.[lang] : undefined) ?? itemId,
    criterion: (id) => config?.survey?.criteria.find((c) => c.id === id)?.label[lang] ?? id,
  };
}

const text = (value: string): Cell => ({ kind: 'text', value });
const count = (value: number | null | undefined): Cell => ({ kind: 'count', value: value ?? null });
const pct = (value: number | null | undefined): Cell => ({ kind: 'rate', value: value ?? null });
const days = (value: number | null | undefined): Cell => ({ kind: 'days', value: value ?? null });

type Measure = { key: string; kind: 'count' | 'rate' | 'days'; get: (r: CommuneReport) => number | null; lowerIsBetter?: boolean };
const settlement = (key: keyof SettlementFigures, kind: Measure['kind'] = 'count', lowerIsBetter = false): Measure => ({ key, kind, get: (r) => r[key] as number | null, lowerIsBetter });

/** The standard settlement table (Decision 766), then the satisfaction and letter rates, in the order the report is read. */
const MEASURES: Measure[] = [
  settlement('toHandle'),
  settlement('carriedOver'),
  settlement('received'),
  ...CHANNELS.map((c): Measure => ({ key: `channel.${c}`, kind: 'count', get: (r) => r.receivedByChannel[c] })),
  settlement('settled'),
  settlement('early'),
  settlement('onTime'),
  settlement('late', 'count', true),
  settlement('withdrawn'),
  settlement('openWithinTime'),
  settlement('openOverdue', 'count', true),
  settlement('progressRate', 'rate'),
  settlement('onTimeRate', 'rate'),
  settlement('avgWorkingDays', 'days', true),
  settlement('atHome'),
  { key: 'responses', kind: 'count', get: (r) => r.satisfaction.responses },
  { key: 'satisfiedRate', kind: 'rate', get: (r) => r.satisfaction.satisfiedRate },
  { key: 'lettersSettlementRate', kind: 'rate', get: (r) => r.letters.settlementRate },
];
const DELTA = { count: 'deltaCount', rate: 'deltaRate', days: 'deltaDays' } as const;

/** The key figures with this period, the previous one and the same one a year before, each with its change. */
export function settlementTable({ current, previous, yearBefore }: Compared, t: TFunction): FigureTable {
  const compare = (m: Measure, other: CommuneReport | null | undefined): Cell[] =>
    other === undefined ? [] : [{ kind: m.kind, value: other ? m.get(other) : null }, { kind: DELTA[m.kind], value: other ? delta(m.get(current), m.get(other)) : null }];
  return {
    id: 'settlement',
    title: t('figures.settlement.title'),
    columns: [
      t('figures.col.indicator'),
      t('figures.col.current'),
      ...(previous !== undefined ? [t('figures.col.previous'), t('figures.col.changePrevious')] : []),
      ...(yearBefore !== undefined ? [t('figures.col.yearBefore'), t('figures.col.changeYear')] : []),
    ],
    rows: MEASURES.map((m) => ({
      key: m.key,
      lowerIsBetter: m.lowerIsBetter,
      cells: [text(t(`figures.measure.${m.key}`)), { kind: m.kind, value: m.get(current) }, ...compare(m, previous), ...compare(m, yearBefore)],
    })),
  };
}

export function satisfactionTable(r: CommuneReport, t: TFunction): FigureTable {
  const s = r.satisfaction;
  return {
    id: 'satisfaction',
    title: t('figures.satisfaction.title'),
    columns: [t('figures.col.rating'), t('figures.col.responses'), t('figures.col.share')],
    rows: [
      ...RATINGS.map((rating) => ({ key: rating, cells: [text(t(`figures.rating.${rating}`)), count(s.byRating[rating]), pct(s.responses ? s.byRating[rating] / s.responses : null)] })),
      { key: 'total', total: true, cells: [text(t('figures.satisfaction.satisfied')), count(s.responses), pct(s.satisfiedRate)] },
    ],
  };
}

export function criteriaTable(r: CommuneReport, t: TFunction, labels: Labels): FigureTable {
  return {
    id: 'criteria',
    title: t('figures.criteria.title'),
    columns: [t('figures.col.criterion'), t('figures.col.responses'), ...RATINGS.map((x) => t(`figures.rating.${x}`)), t('figures.col.satisfiedRate')],
    rows: Object.entries(r.satisfaction.byCriterion).map(([id, c]) => ({
      key: id,
      cells: [text(labels.criterion(id)), count(c.responses), ...RATINGS.map((x) => count(c.byRating[x])), pct(c.satisfiedRate)],
    })),
  };
}

/** The heat map's table: one row per weekday and hour that had answers. */
export function hoursTable(r: CommuneReport, t: TFunction): FigureTable {
  const cells = [...r.satisfaction.byHour].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  return {
    id: 'hours',
    title: t('figures.hours.title'),
    columns: [t('figures.col.weekday'), t('figures.col.hour'), t('figures.col.responses'), t('figures.col.satisfied'), t('figures.col.satisfiedRate')],
    rows: cells.map((c) => ({
      key: `${c.weekday}-${c.hour}`,
      cells: [text(t(`figures.weekday.${c.weekday}`)), text(t('figures.hours.hour', { from: c.hour, to: c.hour + 1 })), count(c.responses), count(c.satisfied), pct(c.responses ? c.satisfied / c.responses : null)],
    })),
  };
}

export function lettersTable(r: CommuneReport, t: TFunction): FigureTable {
  const l = r.letters;
  return {
    id: 'letters',
    title: t('figures.letters.title'),
    columns: [t('figures.col.letterKind'), t('figures.col.issued'), t('figures.col.delivered'), t('figures.col.suggested'), t('figures.col.deliveredRate'), t('figures.col.settlementRate')],
    rows: [
      ...LETTER_KINDS.map((k) => {
        const x = l.byKind[k] ?? { issued: 0, delivered: 0, suggested: 0 };
        // Per kind as the report's own rates: delivered / issued, and delivered / (issued + due but not issued).
        const due = x.issued + x.suggested;
        return { key: k, cells: [text(t(`figures.letterKind.${k}`)), count(x.issued), count(x.delivered), count(x.suggested), pct(x.issued ? x.delivered / x.issued : null), pct(due ? x.delivered / due : null)] };
      }),
      { key: 'total', total: true, cells: [text(t('figures.col.total')), count(l.issued), count(l.delivered), count(l.suggested), pct(l.deliveredRate), pct(l.settlementRate)] },
    ],
  };
}

/** Conduct seen three ways (DESIGN.md › Letters, checklists…): the officer's own check, a leader's, a peer's, and the citizens' answers. */
export function checklistsTable(r: CommuneReport, t: TFunction, labels: Labels): FigureTable {
  const c = r.checklists;
  return {
    id: 'checklists',
    title: t('figures.checklists.title', { records: c.records, skipped: c.skipped }),
    columns: [t('figures.col.item'), ...CHECK_MODES.map((m) => t(`figures.checkMode.${m}`)), t('figures.checkMode.citizen'), t('figures.col.checks')],
    rows: c.items.map((i) => ({
      key: `${i.templateId}/${i.itemId}`,
      cells: [
        text(labels.item(i.templateId, i.itemId)),
        ...CHECK_MODES.map((m) => pct(i.byMode[m] ? rate(i.byMode[m]) : null)),
        pct(i.citizenChecks ? i.citizenYes / i.citizenChecks : null),
        count(i.checks + i.citizenChecks),
      ],
    })),
  };
}

export function homeTable(r: CommuneReport, t: TFunction): FigureTable {
  const h = r.home;
  const keys = ['clients', 'visitsPlanned', 'visitsDone', 'dossiersAtHome', 'dossiersReceivedAtHome', 'dossiersReturnedAtHome'] as const;
  return {
    id: 'home',
    title: t('figures.home.title'),
    columns: [t('figures.col.indicator'), t('figures.col.current')],
    rows: keys.map((k) => ({ key: k, cells: [text(t(`figures.home.${k}`)), count(h[k])] })),
  };
}

const BREAKDOWN = ['received', 'toHandle', 'settled', 'early', 'onTime', 'late', 'openOverdue'] as const;
// As column headers the sub-rows of the settlement table need their own words ("Quá hạn", not "— quá hạn").
const columnOf = (t: TFunction, k: string) => t(['early', 'onTime', 'late'].includes(k) ? `figures.col.${k}` : `figures.measure.${k}`);
const breakdownColumns = (t: TFunction) => [...BREAKDOWN.map((k) => columnOf(t, k)), t('figures.measure.progressRate'), t('figures.measure.onTimeRate'), t('figures.measure.avgWorkingDays')];
const breakdownCells = (f: SettlementFigures) => [...BREAKDOWN.map((k) => count(f[k])), pct(f.progressRate), pct(f.onTimeRate), days(f.avgWorkingDays)];

export function proceduresTable(r: CommuneReport, t: TFunction, labels: Labels): FigureTable {
  return {
    id: 'procedures',
    title: t('figures.procedures.title'),
    columns: [t('figures.col.procedure'), ...breakdownColumns(t)],
    rows: r.procedures.map((p) => ({ key: p.procedureId, drill: { kind: 'procedure', id: p.procedureId }, cells: [text(p.name ?? labels.procedure(p.procedureId)), ...breakdownCells(p)] })),
  };
}

export function officersTable(r: CommuneReport, t: TFunction, labels: Labels): FigureTable {
  return {
    id: 'officers',
    title: t('figures.officers.title'),
    columns: [t('figures.col.officer'), ...breakdownColumns(t), t('figures.measure.responses'), t('figures.measure.satisfiedRate')],
    rows: r.officers.map((o) => ({
      key: o.staffId,
      drill: { kind: 'officer', id: o.staffId },
      cells: [text(o.name ?? labels.officer(o.staffId)), ...breakdownCells(o), count(o.satisfaction.responses), pct(o.satisfaction.satisfiedRate)],
    })),
  };
}

/** Every table of one commune's report, in reading order. */
export function reportTables(compared: Compared, t: TFunction, labels: Labels): FigureTable[] {
  const r = compared.current;
  return [
    settlementTable(compared, t),
    satisfactionTable(r, t),
    criteriaTable(r, t, labels),
    hoursTable(r, t),
    lettersTable(r, t),
    checklistsTable(r, t, labels),
    homeTable(r, t),
    proceduresTable(r, t, labels),
    officersTable(r, t, labels),
  ];
}

export function trendTable(points: TrendPoint[], t: TFunction): FigureTable {
  return {
    id: 'trend',
    title: t('figures.trend.title'),
    columns: [t('figures.col.month'), t('figures.measure.received'), t('figures.measure.settled'), columnOf(t, 'late'), t('figures.measure.progressRate'), t('figures.measure.onTimeRate'), t('figures.measure.responses'), t('figures.measure.satisfiedRate')],
    rows: points.map((p) => ({
      key: p.month,
      cells: [text(`${p.month.slice(5, 7)}/${p.month.slice(0, 4)}`), count(p.received), count(p.settled), count(p.late), pct(p.progressRate), pct(p.onTimeRate), count(p.responses), pct(p.satisfiedRate)],
    })),
  };
}

/** What the communes of a province can be ranked by. */
export const RANKINGS = ['progressRate', 'onTimeRate', 'satisfiedRate'] as const;
export type Ranking = (typeof RANKINGS)[number];
const rankValue = (r: CommuneReport, by: Ranking) => (by === 'satisfiedRate' ? r.satisfaction.satisfiedRate : r[by]);

/** The communes side by side, best first by the chosen rate (communes with nothing to rate last), then the province's total. */
export function provinceTable(report: ProvinceReport, by: Ranking, t: TFunction): FigureTable {
  const ranked = [...report.communes].sort((a, b) => {
    const x = rankValue(a, by);
    const y = rankValue(b, by);
    return x === y ? a.name.localeCompare(b.name, 'vi') : x === null ? 1 : y === null ? -1 : y - x;
  });
  const cells = (r: Omit<CommuneReport, 'communeId'>) => [count(r.toHandle), count(r.settled), count(r.late), count(r.openOverdue), pct(r.progressRate), pct(r.onTimeRate), count(r.satisfaction.responses), pct(r.satisfaction.satisfiedRate)];
  return {
    id: 'province',
    title: t('figures.province.title', { province: report.province }),
    columns: [t('figures.col.rank'), t('figures.col.commune'), ...['toHandle', 'settled', 'late', 'openOverdue', 'progressRate', 'onTimeRate', 'responses', 'satisfiedRate'].map((k) => columnOf(t, k))],
    rows: [
      ...ranked.map((c, i) => ({ key: c.communeId, drill: { kind: 'commune' as const, id: c.communeId }, cells: [count(i + 1), text(c.name), ...cells(c)] })),
      { key: 'total', total: true, cells: [count(null), text(t('figures.province.total')), ...cells(report.total)] },
    ],
  };
}
