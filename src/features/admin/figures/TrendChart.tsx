import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../../domain';

const LINES = [
  { key: 'progressRate', color: '#1565c0' },
  { key: 'onTimeRate', color: '#1b5e20' },
  { key: 'satisfiedRate', color: '#b3261e' },
] as const;

/** The three rates month by month, 0–100 %; the figures are in the trend table beside it. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  if (!points.length) return null;
  const width = 600;
  const height = 200;
  const left = 36;
  const step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
  const y = (rate: number) => 10 + (1 - rate) * (height - 40);
  return (
    <figure className="trend-figure">
      <svg role="img" aria-label={t('figures.trend.chart')} className="trend-chart" viewBox={`0 0 ${width} ${height}`}>
        <title>{t('figures.trend.chart')}</title>
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={left} x2={width} y1={y(r)} y2={y(r)} stroke="#ddd" />
            <text x={0} y={y(r) + 4} fontSize="11">
              {r * 100}%
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.month} x={left + i * step} y={height - 8} fontSize="11" textAnchor="middle">
            {p.month.slice(5)}/{p.month.slice(2, 4)}
          </text>
        ))}
        {LINES.map(({ key, color }) => {
          // A month with nothing to divide leaves a gap in its line rather than a fall to zero; a dot marks each month that has a rate.
          const segments: string[][] = [[]];
          points.forEach((p, i) => {
            const v = p[key];
            if (v === null) segments.push([]);
            else segments[segments.length - 1].push(`${left + i * step},${y(v)}`);
          });
          return (
            <g key={key}>
              {segments.filter((s) => s.length).map((s, i) => (
                <polyline key={i} points={s.join(' ')} fill="none" stroke={color} strokeWidth={2.5} />
              ))}
              {points.map((p, i) => (p[key] === null ? null : <circle key={p.month} cx={left + i * step} cy={y(p[key]!)} r={4} fill={color} />))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {LINES.map(({ key, color }) => (
            <li key={key}>
              <span className="swatch" style={{ background: color }} aria-hidden="true" /> {t(`figures.measure.${key}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
