import { useTranslation } from 'react-i18next';
import { dateKeyText } from './format';
import { PERIOD_KINDS, type Period, type PeriodKind, type Periods } from './periods';


/** The period and what it is compared with, said in words under the choice. */
export function PeriodPicker({ kind, onKind, custom, onCustom, periods }: { kind: PeriodKind; onKind: (k: PeriodKind) => void; custom: Period; onCustom: (p: Period) => void; periods: Periods }) {
  const { t } = useTranslation();
  const span = (p: Period) => `${dateKeyText(p.from)} – ${dateKeyText(p.to)}`;
  return (
    <div className="period-picker no-print">
      <div className="choices-row" role="radiogroup" aria-label={t('figures.period.label')}>
        {PERIOD_KINDS.map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'primary' : undefined} onClick={() => onKind(k)}>
            {t(`figures.period.${k}`)}
          </button>
        ))}
      </div>
      {kind === 'custom' && (
        <div className="choices-row">
          <label className="field inline">
            <span>{t('figures.period.from')}</span>
            <input type="date" value={custom.from} onChange={(e) => e.target.value && onCustom({ ...custom, from: e.target.value })} />
          </label>
          <label className="field inline">
            <span>{t('figures.period.to')}</span>
            <input type="date" value={custom.to} onChange={(e) => e.target.value && onCustom({ ...custom, to: e.target.value })} />
          </label>
        </div>
      )}
      <p className="period-spans" role="status">
        {t('figures.period.spans', { current: span(periods.current), previous: span(periods.previous), yearBefore: span(periods.yearBefore) })}
      </p>
    </div>
  );
}
