import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { currentDueAt, DOSSIER_STATUSES, formatVnDateTime, isOverdue, matchesQuery, searchTokens, type CommuneConfig, type DossierStatus } from '../../domain';
import { inFilter, listDossiers, type DossierFilter, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { StatusBadge } from './StatusBadge';

const FILTERS: DossierFilter[] = ['open', 'due-today', 'due-soon', 'overdue', 'all'];
const PAGE = 50;

export function DossierList({ config, now = () => new Date() }: { config: CommuneConfig; now?: () => Date }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DossierFilter>('open');
  const [status, setStatus] = useState<DossierStatus | ''>('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const procedures = new Map(config.procedures.map((p) => [p.id, p.name]));
  // A search finds procedures by name too ("khai sinh" lists the birth registrations).
  const procedureIds = useMemo(
    () => (search.trim() ? config.procedures.filter((p) => matchesQuery(searchTokens(p.name), search)).map((p) => p.id) : []),
    [search, config.procedures],
  );

  const rows = useLiveQuery(
    () => listDossiers(db, { filter, status: status || undefined, search, procedureIds, limit, calendar: config.calendar, now: now() }),
    [filter, status, search, procedureIds, limit, config.calendar],
  );
  // A search spans every status: the hits the filter leaves out are shown apart, never hidden.
  const outside = useLiveQuery(async () => {
    if (!search.trim() || (filter === 'all' && !status)) return [];
    const shown = inFilter({ filter, status: status || undefined, calendar: config.calendar, now: now() });
    const all = await listDossiers(db, { filter: 'all', search, procedureIds, limit, calendar: config.calendar, now: now() });
    return all.filter((r) => !shown(r));
  }, [filter, status, search, procedureIds, limit, config.calendar]);
  const showAll = () => {
    setFilter('all');
    setStatus('');
    setLimit(PAGE);
  };

  return (
    <section aria-labelledby="list-title" className="dossier-list">
      <h1 id="list-title">{t('list.title')}</h1>
      <div className="list-controls">
        <input
          type="search"
          aria-label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(e) => { setSearch(e.target.value); setLimit(PAGE); }}
        />
        <label className="field inline">
          <span>{t('list.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as DossierStatus | '')}>
            <option value="">{t('list.anyStatus')}</option>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="group" aria-label={t('list.filters')} className="filter-chips">
        {FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => { setFilter(f); setLimit(PAGE); }}>
            {t(`list.filter.${f}`)}
          </button>
        ))}
      </div>
      {rows === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p role="status" className="empty">{outside?.length ? t('list.emptyInFilter') : t('list.empty')}</p>
      ) : (
        <DossierTable rows={rows} caption={t('list.title')} procedures={procedures} config={config} now={now()} />
      )}
      {outside && outside.length > 0 && (
        <section aria-labelledby="outside-title" className="outside-filter">
          <h2 id="outside-title">{t('list.outsideFilter', { count: outside.length })}</h2>
          <DossierTable rows={outside} caption={t('list.outsideFilter', { count: outside.length })} procedures={procedures} config={config} now={now()} />
          <button type="button" onClick={showAll}>
            {t('list.showAllStatuses')}
          </button>
        </section>
      )}
      {rows && rows.length >= limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}

function DossierTable({
  rows,
  caption,
  procedures,
  config,
  now,
}: {
  rows: DossierRow[];
  caption: string;
  procedures: Map<string, string>;
  config: CommuneConfig;
  now: Date;
}) {
  const { t } = useTranslation();
  return (
    <table className="dossier-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dossier.code')}</th>
          <th scope="col">{t('dossier.applicant')}</th>
          <th scope="col">{t('dossier.procedure')}</th>
          <th scope="col">{t('dossier.status')}</th>
          <th scope="col">{t('dossier.dueAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const late = isOverdue(row, now, config.calendar);
          return (
            <tr key={row.id} className={late ? 'late' : undefined}>
              <td>
                <a href={`#/d/${row.id}`}>{row.code}</a>
              </td>
              <td>{row.applicant?.name}</td>
              <td>{procedures.get(row.procedureId) ?? row.procedureId}</td>
              <td>
                <StatusBadge status={row.status} />
                {row.flags.length > 0 && <span className="flag"> ⚠ {t('dossier.needsReview')}</span>}
              </td>
              <td>
                {row.dueAt ? formatVnDateTime(currentDueAt(row, config.calendar, now)) : ''}
                {late && <span className="late-label"> · {t('list.late')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
