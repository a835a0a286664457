import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { apologySignal, DOSSIER_STATUSES, formatVnDateTime, isOverdue, type CommuneConfig, type DossierStatus } from '../../domain';
import { listDossiers, type DossierFilter } from '../../db';
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

  const rows = useLiveQuery(
    () => listDossiers(db, { filter, status: status || undefined, search, limit, calendar: config.calendar, now: now() }),
    [filter, status, search, limit, config.calendar],
  );

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
        <p role="status" className="empty">{t('list.empty')}</p>
      ) : (
        <table className="dossier-table">
          <caption className="sr-only">{t('list.title')}</caption>
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
              const late = isOverdue(row, now());
              // Decree 118: the apology and extension goes out at least one working day before the due date.
              const apology = apologySignal(row, config.calendar, now());
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
                    {row.dueAt ? formatVnDateTime(row.dueAt) : ''}
                    {late && <span className="late-label"> · {t('list.late')}</span>}
                    {apology === 'apologise-now' && <span className="late-label"> · {t('list.apologiseNow')}</span>}
                    {apology === 'apology-late' && <span className="late-label"> · {t('list.apologyLate')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows && rows.length >= limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}
