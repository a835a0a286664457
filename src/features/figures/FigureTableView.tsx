import { useId } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { cellText, type Lang } from './format';
import type { FigureRow, FigureTable } from './tables';

/** One figures table as the screen shows it; a row that drills down opens with its first cell, a button. */
export function FigureTableView({ table, onDrill, lang: fixed }: { table: FigureTable; onDrill?: (drill: NonNullable<FigureRow['drill']>) => void; lang?: Lang }) {
  const { i18n } = useTranslation();
  // The printed report is always Vietnamese, whatever the screen's language.
  const lang: Lang = fixed ?? (i18n.language === 'en' ? 'en' : 'vi');
  const t = i18next.getFixedT(lang);
  const points = t('figures.points');
  const captionId = useId();
  if (!table.rows.length)
    return (
      <p className="report-empty" data-table={table.id}>
        {table.title}: {t('figures.empty')}
      </p>
    );
  const drawn = (
    <table className={`report-table report-${table.id}`} data-table={table.id}>
      <caption id={captionId}>{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} className={row.total ? 'total' : undefined}>
            {row.cells.map((cell, i) => {
              const text = cellText(cell, lang, points);
              // The first text cell names the row; a change is coloured better or worse (the sign says which way, in words too).
              const name = cell.kind === 'text' && i === (row.cells[0].kind === 'text' ? 0 : 1);
              const className = cell.kind === 'text' ? undefined : typeof cell.value === 'number' && cell.kind.startsWith('delta') && cell.value !== 0 ? ((cell.value > 0) !== Boolean(row.lowerIsBetter) ? 'better' : 'worse') : 'num';
              if (name)
                return (
                  <th key={i} scope="row">
                    {row.drill && onDrill ? (
                      <button type="button" className="link" onClick={() => onDrill(row.drill!)}>
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </th>
                );
              return (
                <td key={i} className={className}>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A wide table scrolls sideways on a portrait tablet: its box takes the keyboard focus, so it can be scrolled without a finger.
  return table.columns.length > 6 ? (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      {drawn}
    </div>
  ) : (
    drawn
  );
}
