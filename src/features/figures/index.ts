// What other parts of the app may use of the figures screens; everything else here is internal.
export { ReportView } from './ReportView';
export { FigureTableView } from './FigureTableView';
export { BarChart } from './BarChart';
export { ExportBar } from './ExportBar';
export { PeriodPicker } from './PeriodPicker';
export { PrintReport } from './PrintReport';
export { LeaderFigures } from './LeaderFigures';
export { periodsOf, shiftMonths, type Period, type PeriodKind, type Periods } from './periods';
export { labelsFrom, reportTables, trendTable, provinceTable, RANKINGS, type Compared, type FigureTable, type FigureRow, type Labels, type Ranking } from './tables';
export { useCompared, type LoadReport, type Loaded } from './useCompared';
export { toCsv, toXlsx, BOM } from './exportFiles';
export { cellText, type Lang } from './format';
export { figureRoutes } from './routes';
