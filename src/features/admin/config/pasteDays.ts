import { isDateKey } from '../../../domain';

export interface PastedDay {
  date: string;
  name: string;
}

/**
 * A year's list as announced and pasted: one day per line, "dd/mm/yyyy name" (also d/m/yyyy,
 * dashes or dots, and ISO "yyyy-mm-dd name"; a dash, colon, tab, comma or semicolon may follow
 * the date, so a CSV file of two columns reads too). Lines
 * that do not start with a real date are returned apart, so the editor can show them.
 */
export function parsePastedDays(text: string): { days: PastedDay[]; rejected: string[] } {
  const days: PastedDay[] = [];
  const rejected: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b\s*[-–:;,\t]?\s*(.*)$/.exec(line);
    const iso = /^(\d{4})-(\d{2})-(\d{2})\b\s*[-–:;,\t]?\s*(.*)$/.exec(line);
    const date = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : '';
    // A CSV cell may be quoted.
    const name = (vn?.[4] ?? iso?.[4] ?? '').trim().replace(/^"(.*)"$/, '$1');
    if (isDateKey(date)) days.push({ date, name });
    else rejected.push(line);
  }
  return { days, rejected };
}

/** `list` with `added` put in (a pasted date replaces the same date), by date. */
export function mergeDays(list: PastedDay[], added: PastedDay[]): PastedDay[] {
  const byDate = new Map(list.map((d) => [d.date, d]));
  for (const d of added) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
