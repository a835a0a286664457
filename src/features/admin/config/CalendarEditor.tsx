import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeDueAt, formatVnDate, isDateKey, vnDateKey, vnDateTime, type CalendarData, type ProcessingTime } from '../../../domain';
import { mergeDays, parsePastedDays, type PastedDay } from './pasteDays';
import type { PartEditorProps } from './types';

type ListKey = 'holidays' | 'workingWeekends';

/**
 * The working calendar, one year at a time: holidays (days off) and swapped working days, typed
 * or pasted as announced; office hours and the same-day cut-off; and a due-date preview computed
 * with the draft calendar by the tablets' own rule (src/domain/calendar.ts).
 */
export function CalendarEditor({ value, config, save }: PartEditorProps<'calendar'>) {
  const { t } = useTranslation();
  const [cal, setCal] = useState<CalendarData>(value);
  const thisYear = Number(vnDateKey(new Date()).slice(0, 4));
  const years = [...new Set([thisYear, thisYear + 1, ...[...cal.holidays, ...cal.workingWeekends].map((d) => Number(d.date.slice(0, 4)))])].sort();
  const [year, setYear] = useState(thisYear + 1);
  const [pasteInto, setPasteInto] = useState<ListKey>('holidays');
  const [pasted, setPasted] = useState('');
  const [rejected, setRejected] = useState<string[]>([]);

  const setList = (key: ListKey, list: PastedDay[]) => setCal((c) => ({ ...c, [key]: list }));
  const importPasted = () => {
    const { days, rejected: bad } = parsePastedDays(pasted);
    setList(pasteInto, mergeDays(cal[pasteInto], days));
    setRejected(bad);
    if (days.length) setYear(Number(days[0].date.slice(0, 4)));
    setPasted('');
  };
  const setHours = (session: 'morning' | 'afternoon', i: 0 | 1, v: string) =>
    setCal((c) => {
      const pair = [...c.officeHours[session]] as [string, string];
      pair[i] = v;
      return { ...c, officeHours: { ...c.officeHours, [session]: pair } };
    });

  return (
    <form
      aria-label={t('admin.configParts.calendar')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(cal);
      }}
    >
      <label className="field inline">
        <span>{t('admin.config.year')}</span>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {(['holidays', 'workingWeekends'] as const).map((key) => (
        <DayList key={key} listKey={key} year={year} list={cal[key]} onChange={(list) => setList(key, list)} />
      ))}

      <fieldset>
        <legend>{t('admin.config.pasteTitle')}</legend>
        <label className="field inline">
          <span>{t('admin.config.pasteInto')}</span>
          <select value={pasteInto} onChange={(e) => setPasteInto(e.target.value as ListKey)}>
            <option value="holidays">{t('admin.config.holidays')}</option>
            <option value="workingWeekends">{t('admin.config.workingWeekends')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('admin.config.pasteLines')}</span>
          <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="01/01/2027 Tết Dương lịch" />
        </label>
        <label className="field">
          <span>{t('admin.config.importFile')}</span>
          <input type="file" accept=".txt,.csv,text/plain,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setPasted)} />
        </label>
        <button type="button" onClick={importPasted} disabled={!pasted.trim()}>
          {t('admin.config.pasteAdd')}
        </button>
        {rejected.length > 0 && (
          <p role="alert" className="error">
            {t('admin.config.pasteRejected', { lines: rejected.join(' · ') })}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('admin.config.officeHours')}</legend>
        <div className="choices-row">
          {(['morning', 'afternoon'] as const).flatMap((session) =>
            ([0, 1] as const).map((i) => (
              <label key={`${session}${i}`} className="field inline">
                <span>{t(`admin.config.hours.${session}${i}`)}</span>
                <input type="time" value={cal.officeHours[session][i]} onChange={(e) => setHours(session, i, e.target.value)} />
              </label>
            )),
          )}
          <label className="field inline">
            <span>{t('admin.config.sameDayCutoff')}</span>
            <input type="time" value={cal.sameDayCutoff} onChange={(e) => setCal((c) => ({ ...c, sameDayCutoff: e.target.value }))} />
          </label>
        </div>
      </fieldset>

      <DuePreview cal={cal} procedures={config.procedures} year={year} />
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.calendar') })}
      </button>
    </form>
  );
}

/** One list (holidays or swapped working days) of the chosen year: date, name, remove; add a day. */
function DayList({ listKey, year, list, onChange }: { listKey: ListKey; year: number; list: PastedDay[]; onChange: (list: PastedDay[]) => void }) {
  const { t } = useTranslation();
  const shown = list.map((d, i) => ({ d, i })).filter(({ d }) => d.date.startsWith(`${year}-`) || !isDateKey(d.date));
  const edit = (i: number, patch: Partial<PastedDay>) => onChange(list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const title = t(`admin.config.${listKey}`);
  return (
    <fieldset>
      <legend>{t('admin.config.listOfYear', { list: title, year })}</legend>
      {shown.length === 0 && <p>{t('admin.config.noDays')}</p>}
      <ul className="plain-list">
        {shown.map(({ d, i }, n) => (
          <li key={i} className="entry-row dated">
            <input type="date" aria-label={t('admin.config.dayDate', { list: title, n: n + 1 })} value={d.date} onChange={(e) => edit(i, { date: e.target.value })} />
            <input aria-label={t('admin.config.dayName', { list: title, n: n + 1 })} value={d.name} onChange={(e) => edit(i, { name: e.target.value })} />
            <button type="button" onClick={() => onChange(list.filter((_, j) => j !== i))}>
              {t('admin.config.removeDay', { date: d.date ? formatVnDate(vnDateTime(d.date, '12:00')) : n + 1 })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange([...list, { date: '', name: '' }])}>
        {t('admin.config.addDay', { list: title })}
      </button>
    </fieldset>
  );
}

/** "Received on … with … → due on …", by the tablets' rule on the calendar being edited. */
function DuePreview({ cal, procedures, year }: { cal: CalendarData; procedures: { id: string; name: string; processingTime: ProcessingTime }[]; year: number }) {
  const { t } = useTranslation();
  const [received, setReceived] = useState(`${year}-01-02`);
  const [days, setDays] = useState('5');
  const due = useMemo(() => {
    const n = Number(days);
    if (!isDateKey(received) || !Number.isInteger(n) || n < 0 || n > 365) return null;
    try {
      return computeDueAt(cal, vnDateTime(received, cal.officeHours.morning[0]), { unit: 'working-days', value: n });
    } catch {
      return null; // office hours being typed: no preview until they make sense
    }
  }, [cal, received, days]);
  return (
    <fieldset>
      <legend>{t('admin.config.duePreview')}</legend>
      <div className="choices-row">
        <label className="field inline">
          <span>{t('admin.config.receivedOn')}</span>
          <input type="date" value={received} onChange={(e) => setReceived(e.target.value)} />
        </label>
        <label className="field inline">
          <span>{t('admin.config.workingDays')}</span>
          <input inputMode="numeric" list="procedure-days" value={days} onChange={(e) => setDays(e.target.value)} />
          <datalist id="procedure-days">
            {[...new Set(procedures.flatMap((p) => (p.processingTime.unit === 'working-days' ? [p.processingTime.value] : [])))].map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </label>
      </div>
      <p role="status" aria-label={t('admin.config.duePreview')}>
        {due ? t('admin.config.dueOn', { date: formatVnDate(due) }) : t('admin.config.noPreview')}
      </p>
    </fieldset>
  );
}
