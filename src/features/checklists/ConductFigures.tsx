import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  addDaysToKey,
  checklistFigures,
  formatVnDate,
  gap,
  GAP_THRESHOLD,
  isWideGap,
  itemLabel,
  rate,
  vnDateKey,
  type BySource,
  type ChecklistFigures,
  type ChecklistGroup,
  type CommuneConfig,
  type Tally,
} from '../../domain';
import { checklistRecordsBetween, citizenChecksBetween } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { isLeader } from './roles';

/** First and last day of a `YYYY-MM` month. */
function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [`${month}-01`, addDaysToKey(next, -1)];
}

/** The month's conduct figures, offline from what the tablet holds; the printed report is always Vietnamese. */
export function ConductFigures({ config, now = new Date() }: { config: CommuneConfig; now?: Date }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const [month, setMonth] = useState(vnDateKey(now).slice(0, 7));
  const [from, to] = monthDays(month);
  const figures = useLiveQuery(
    async () => checklistFigures(await checklistRecordsBetween(db, from, to), await citizenChecksBetween(db, config.survey, from, to)),
    [from, to, config.survey],
  );
  if (!isLeader(config, staff?.id))
    return (
      <section aria-labelledby="figures-title">
        <h1 id="figures-title">{t('checklists.figures.title')}</h1>
        <p role="alert">{t('checklists.figures.leaderOnly')}</p>
      </section>
    );
  const [y, m] = month.split('-');
  const vi = i18next.getFixedT('vi');
  return (
    <section aria-labelledby="figures-title" className="conduct-figures">
      <div className="no-print">
        <h1 id="figures-title">{t('checklists.figures.title')}</h1>
        <div className="figures-controls">
          <label className="field">
            <span>{t('checklists.figures.month')}</span>
            <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </label>
          <button type="button" onClick={() => window.print()} disabled={!figures}>
            {t('checklists.figures.print')}
          </button>
        </div>
        {figures === undefined ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <FigureTables figures={figures} config={config} t={t} lang={i18next.language === 'en' ? 'en' : 'vi'} chart />
        )}
      </div>
      {figures && (
        // The paper copy: screen readers read the screen's tables, not this second copy.
        <div className="print-only conduct-report" lang="vi" aria-hidden="true">
          <p className="report-unit">{vi('checklists.figures.reportUnit', { commune: config.commune.name })}</p>
          <h1>{vi('checklists.figures.reportTitle', { month: `${m}/${y}` })}</h1>
          <p>{vi('checklists.figures.reportMade', { date: formatVnDate(now) })}</p>
          <FigureTables figures={figures} config={config} t={vi} lang="vi" />
          <div className="report-signatures">
            {(['preparer', 'head'] as const).map((who) => (
              <div key={who}>
                <strong>{vi(`checklists.figures.${who}`)}</strong>
                <br />
                <em>{vi('checklists.figures.signHint')}</em>
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

const percent = (r: number | null) => (r === null ? null : `${Math.round(r * 100)} %`);

function Cell({ tally, t }: { tally: Tally; t: TFunction }) {
  const r = percent(rate(tally));
  return <td>{r === null ? t('checklists.figures.none') : t('checklists.figures.cell', { rate: r, yes: tally.yes, checks: tally.checks })}</td>;
}

/** Self minus another view, in points; a wide gap is marked (a highlight and its words), not only coloured. */
function GapCell({ own, other, t }: { own: Tally; other: Tally; t: TFunction }) {
  const g = gap(own, other);
  if (g === null) return <td>{t('checklists.figures.none')}</td>;
  const points = `${g > 0 ? '+' : ''}${Math.round(g * 100)}`;
  return (
    <td>
      {isWideGap(g) ? (
        <mark className="wide-gap" title={t('checklists.figures.wideGap')}>
          {points} ⚠ <span className="sr-only">{t('checklists.figures.wideGap')}</span>
        </mark>
      ) : (
        points
      )}
    </td>
  );
}

const SOURCES = ['self', 'leader', 'peer', 'citizen'] as const;

function SourceCells({ by, t }: { by: BySource; t: TFunction }) {
  return (
    <>
      {SOURCES.map((s) => (
        <Cell key={s} tally={by[s]} t={t} />
      ))}
      <GapCell own={by.self} other={by.leader} t={t} />
      <GapCell own={by.self} other={by.citizen} t={t} />
    </>
  );
}

function SourceHeaders({ t }: { t: TFunction }) {
  return (
    <>
      {SOURCES.map((s) => (
        <th key={s} scope="col">
          {t(`checklists.figures.${s}`)}
        </th>
      ))}
      <th scope="col">{t('checklists.figures.gapLeader')}</th>
      <th scope="col">{t('checklists.figures.gap')}</th>
    </>
  );
}

function FigureTables({ figures, config, t, lang, chart = false }: { figures: ChecklistFigures; config: CommuneConfig; t: TFunction; lang: 'vi' | 'en'; chart?: boolean }) {
  if (figures.total.records + figures.total.skipped + figures.total.by.citizen.checks === 0) return <p>{t('checklists.figures.empty')}</p>;
  const itemName = (templateId: string, itemId: string) => {
    const template = config.checklistTemplates.find((tpl) => tpl.id === templateId);
    return `${template?.name[lang] ?? templateId}: ${itemLabel(config.checklistTemplates, templateId, itemId)?.[lang] ?? itemId}`;
  };
  const officerName = (id: string) => config.staff.find((s) => s.id === id)?.name ?? t('checklists.figures.unknownOfficer');
  return (
    <>
      <p>{t('checklists.figures.summary', { records: figures.total.records, skipped: figures.total.skipped })}</p>
      <p className="hint">{t('checklists.figures.gapLegend', { points: Math.round(GAP_THRESHOLD * 100) })}</p>
      <h2>{t('checklists.figures.byItem')}</h2>
      <div className={chart ? 'table-and-chart' : undefined}>
        <FigureTable
          title={t('checklists.figures.byItem')}
          head={t('checklists.figures.item')}
          rows={figures.items.map((i) => ({ key: `${i.templateId}/${i.itemId}`, label: itemName(i.templateId, i.itemId), group: i }))}
          t={t}
        />
        {chart && <RateChart title={t('checklists.figures.chart')} rows={figures.items.map((i) => ({ label: itemName(i.templateId, i.itemId), by: i.by }))} t={t} />}
      </div>
      <h2>{t('checklists.figures.byOfficer')}</h2>
      <FigureTable
        title={t('checklists.figures.byOfficer')}
        head={t('checklists.figures.officer')}
        rows={figures.officers.map((o) => ({ key: o.staffId, label: officerName(o.staffId), group: o }))}
        counts
        t={t}
      />
      <h2>{t('checklists.figures.byWeek')}</h2>
      <FigureTable
        title={t('checklists.figures.byWeek')}
        head={t('checklists.figures.week')}
        rows={figures.weeks.map((w) => ({ key: w.week, label: formatVnDate(`${w.week}T12:00:00+07:00`), group: w }))}
        counts
        t={t}
      />
    </>
  );
}

/** One table of groups (items, officers or weeks): each source's rate and the gaps; officers and weeks also count records and skips. */
function FigureTable({ title, head, rows, counts = false, t }: { title: string; head: string; rows: { key: string; label: string; group: ChecklistGroup }[]; counts?: boolean; t: TFunction }) {
  return (
    <table className="figures-table" aria-label={title}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {counts && (
            <>
              <th scope="col">{t('checklists.figures.records')}</th>
              <th scope="col">{t('checklists.figures.skippedCount')}</th>
            </>
          )}
          <SourceHeaders t={t} />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, group }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {counts && (
              <>
                <td>{group.records}</td>
                <td>{group.skipped}</td>
              </>
            )}
            <SourceCells by={group.by} t={t} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHART_SOURCES = [
  { key: 'self', color: '#1565c0' },
  { key: 'leader', color: '#6a1b9a' },
  { key: 'citizen', color: '#c62828' },
] as const;

/** Share held per item by source, as bars; the same figures are in the table beside it. */
function RateChart({ title, rows, t }: { title: string; rows: { label: string; by: BySource }[]; t: TFunction }) {
  const bar = 14;
  const rowHeight = bar * CHART_SOURCES.length + 22;
  const width = 420;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${rows.length * rowHeight + 30}`} className="rate-chart">
      <title>{title}</title>
      {CHART_SOURCES.map((s, i) => (
        <g key={s.key}>
          <rect x={i * 130} y={4} width={12} height={12} fill={s.color} />
          <text x={i * 130 + 16} y={15} fontSize="12">
            {t(`checklists.figures.${s.key}`)}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y0 = 30 + r * rowHeight;
        return (
          <g key={row.label}>
            <text x={0} y={y0 + 10} fontSize="12">
              {row.label.length > 60 ? `${row.label.slice(0, 59)}…` : row.label}
            </text>
            {CHART_SOURCES.map((s, i) => {
              const value = rate(row.by[s.key]);
              const y = y0 + 14 + i * bar;
              return (
                <g key={s.key}>
                  <rect x={0} y={y} width={value === null ? 0 : Math.max(2, (width - 60) * value)} height={bar - 3} fill={s.color} rx={2} />
                  <text x={value === null ? 4 : (width - 60) * value + 4} y={y + 10} fontSize="11">
                    {percent(value) ?? t('checklists.figures.none')}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
