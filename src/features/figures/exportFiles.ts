import { cellText, type Lang } from './format';
import type { FigureTable } from './tables';

/** The byte-order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Vietnamese. */
export const BOM = '\uFEFF';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The tables as CSV (RFC 4180, CRLF): each table's title, its header and its rows as the screen shows them, a blank line between. */
export function toCsv(tables: FigureTable[], lang: Lang, pointsUnit: string): string {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length) lines.push('');
    lines.push(quote(table.title), table.columns.map(quote).join(','));
    for (const row of table.rows) lines.push(row.cells.map((c) => quote(cellText(c, lang, pointsUnit))).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** One sheet per table, cells typed (counts and days as numbers, rates as fractions shown as percents), so a province office can sum them. */
export async function toXlsx(tables: FigureTable[]): Promise<Blob> {
  // Loaded when someone exports, never with the screens.
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  const sheets = tables.map((table) => ({
    sheet: table.id,
    stickyRowsCount: 1,
    columns: table.columns.map((_, i) => ({ width: i === 0 ? 40 : 16 })),
    data: [
      table.columns.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) =>
        row.cells.map(({ kind, value }) =>
          value === null ? null : typeof value === 'string' ? { value, type: String } : { value, type: Number, format: kind === 'rate' || kind === 'deltaRate' ? '0.0%' : kind === 'count' || kind === 'deltaCount' ? '#,##0' : '0.0' },
        ),
      ),
    ],
  }));
  return writeExcelFile(sheets).toBlob();
}

/** Hand a file to the browser's download. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
