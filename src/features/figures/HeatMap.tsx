import { useTranslation } from 'react-i18next';
import type { SatisfactionFigures } from '../../domain';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Satisfaction by weekday and hour: the cell's shade is the satisfied share, its number the answers.
 * A picture for sighted readers (role img); the same figures are in the table beside it.
 */
export function HeatMap({ byHour }: { byHour: SatisfactionFigures['byHour'] }) {
  const { t } = useTranslation();
  if (!byHour.length) return null;
  // Office hours at least, widened to any hour that had answers.
  const hours = byHour.map((c) => c.hour);
  const first = Math.min(7, ...hours);
  const last = Math.max(17, ...hours);
  const cell = 34;
  const left = 44;
  const top = 22;
  const at = new Map(byHour.map((c) => [`${c.weekday}-${c.hour}`, c]));
  const columns = last - first + 1;
  return (
    <svg role="img" aria-label={t('figures.hours.chart')} className="heat-map" viewBox={`0 0 ${left + columns * cell} ${top + 7 * cell}`}>
      <title>{t('figures.hours.chart')}</title>
      {Array.from({ length: columns }, (_, i) => (
        <text key={i} x={left + i * cell + cell / 2} y={16} fontSize="12" textAnchor="middle">
          {first + i}
        </text>
      ))}
      {WEEKDAYS.map((w, row) => (
        <g key={w}>
          <text x={0} y={top + row * cell + 22} fontSize="13">
            {t(`figures.weekdayShort.${w}`)}
          </text>
          {Array.from({ length: columns }, (_, i) => {
            const c = at.get(`${w}-${first + i}`);
            const share = c && c.responses ? c.satisfied / c.responses : null;
            // Red (few satisfied) to green (all satisfied); grey: nobody answered then.
            const fill = share === null ? '#eeeeee' : `hsl(${Math.round(share * 120)}, 60%, ${75 - Math.min(c!.responses, 20)}%)`;
            return (
              <g key={i}>
                <rect x={left + i * cell + 1} y={top + row * cell + 1} width={cell - 2} height={cell - 2} fill={fill} rx={3} />
                {c && (
                  <text x={left + i * cell + cell / 2} y={top + row * cell + 22} fontSize="12" textAnchor="middle">
                    {c.responses}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
