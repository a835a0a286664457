import i18next from 'i18next';
import { formatVnDate } from '../../domain';
import { dateKeyText } from './format';
import { FigureTableView } from './FigureTableView';
import { labelsFrom, lettersTable, homeTable, proceduresTable, satisfactionTable, settlementTable, type Compared, type Labels } from './tables';


/**
 * The report on paper: A4, the standard table layout, one page for a commune, always in
 * Vietnamese (a report sent up is an official paper). Screen readers read the screen's tables,
 * not this copy.
 */
export function PrintReport({ compared, unit, labels, made = new Date() }: { compared: Compared; unit: string; labels?: Labels; made?: Date }) {
  const vi = i18next.getFixedT('vi');
  const names = labels ?? labelsFrom(null, 'vi');
  const r = compared.current;
  return (
    <div className="report-print" lang="vi" aria-hidden="true">
      <p className="report-unit">{unit}</p>
      <h1>{vi('figures.print.title', { from: dateKeyText(r.from), to: dateKeyText(r.to) })}</h1>
      <p className="report-made">{vi('figures.print.made', { date: formatVnDate(made) })}</p>
      <FigureTableView table={settlementTable(compared, vi)} lang="vi" />
      <div className="report-print-grid">
        <div>
          <FigureTableView table={satisfactionTable(r, vi)} lang="vi" />
          <FigureTableView table={homeTable(r, vi)} lang="vi" />
        </div>
        <FigureTableView table={lettersTable(r, vi)} lang="vi" />
      </div>
      <FigureTableView table={proceduresTable(r, vi, names)} lang="vi" />
      <div className="report-signatures">
        <div>
          <strong>{vi('figures.print.preparer')}</strong>
          <br />
          <em>{vi('figures.print.sign')}</em>
        </div>
        <div>
          <strong>{vi('figures.print.head')}</strong>
          <br />
          <em>{vi('figures.print.sign')}</em>
        </div>
      </div>
    </div>
  );
}
