import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addDaysToKey, dayPlan, formatVnDate, vnDateTime, vnDateKey, type CommuneConfig, type PlannedVisit } from '../../domain';
import { loadPlanData } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { useReadiness } from './readiness';
import { CheckRow } from '../../app/CheckRow';

/** The mobile tablet's first screen: the day's visits in walking order, then what is overdue or missed. */
export function DayPlan({ config, now = () => new Date() }: { config: CommuneConfig; now?: () => Date }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const today = vnDateKey(now());
  const [date, setDate] = useState(today);
  const [mineOnly, setMineOnly] = useState(true);
  const data = useLiveQuery(() => loadPlanData(db), []);
  if (!data) return <p role="status">{t('app.loading')}</p>;
  const plan = dayPlan(data.visits, data.clients, date, today, mineOnly ? staff.id : undefined);

  return (
    <section className="home-plan" aria-labelledby="plan-title">
      <h1 id="plan-title">{date === today ? t('home.plan.today') : t('home.plan.titleOn', { date: formatVnDate(vnDateTime(date, '12:00')) })}</h1>
      <div className="plan-days choices-row">
        <button type="button" aria-pressed={date === today} onClick={() => setDate(today)}>
          {t('home.plan.todayButton')}
        </button>
        <button type="button" aria-pressed={date === addDaysToKey(today, 1)} onClick={() => setDate(addDaysToKey(today, 1))}>
          {t('home.plan.tomorrow')}
        </button>
        <CheckRow checked={mineOnly} onChange={setMineOnly}>
          {t('home.plan.mineOnly')}
        </CheckRow>
      </div>
      {plan.day.length === 0 ? <p>{t('home.plan.empty')}</p> : <VisitList label={t('home.plan.dayList')} items={plan.day} config={config} />}
      {plan.overdue.length > 0 && (
        <>
          <h2>{t('home.plan.overdue', { count: plan.overdue.length })}</h2>
          <VisitList label={t('home.plan.overdueList')} items={plan.overdue} config={config} showDate />
        </>
      )}
      {plan.missed.length > 0 && (
        <>
          <h2>{t('home.plan.missed', { count: plan.missed.length })}</h2>
          <VisitList label={t('home.plan.missedList')} items={plan.missed} config={config} showDate />
        </>
      )}
      <p className="plan-actions">
        <a className="button big" href="#/home/clients">
          {t('home.nav.clients')}
        </a>
      </p>
    </section>
  );
}

function VisitList({ label, items, config, showDate }: { label: string; items: PlannedVisit[]; config: CommuneConfig; showDate?: boolean }) {
  return (
    <ol className="visit-list" aria-label={label}>
      {items.map((item) => (
        <VisitItem key={item.visit.id} item={item} config={config} showDate={showDate} />
      ))}
    </ol>
  );
}

function VisitItem({ item: { visit, client }, config, showDate }: { item: PlannedVisit; config: CommuneConfig; showDate?: boolean }) {
  const { t } = useTranslation();
  const missing = useReadiness(visit, client, config);
  return (
    <li className="visit-item">
      <a href={`#/home/v/${visit.id}`} className="visit-link">
        <strong>{client?.name ?? t('home.plan.unknownClient')}</strong>
        <span>{[client?.village, client?.address].filter(Boolean).join(' · ')}</span>
        <span>
          {t(`home.purpose.${visit.purpose}`)}
          {showDate && ` · ${formatVnDate(vnDateTime(visit.date, '12:00'))}`}
          {visit.outcome && ` · ${t(`home.outcome.${visit.outcome}`)}`}
        </span>
      </a>
      {missing.length > 0 && !visit.outcome && (
        <p className="error" role="note">
          {t('home.ready.missing', { what: missing.map((m) => t(`home.ready.${m}`)).join(', ') })}
        </p>
      )}
    </li>
  );
}
