import { useTranslation } from 'react-i18next';
import { computeDueAt, formatVnDateTime, PROCEDURE_LETTER_KINDS, vnDateKey, vnDateTime, zProcedure } from '../../../domain';
import { ListPicker, useListDraft } from './ListPicker';
import type { PartEditorProps, PartValue } from './types';

type Procedure = PartValue<'procedures'>[number];
const UNITS = ['working-days', 'working-hours', 'same-day'] as const;
// Home service (issue 16) may add `atHome` to the procedure schema: the box shows once it is there.
const HAS_AT_HOME = 'atHome' in zProcedure.shape;

/** The commune's procedures, one at a time: name, processing time, fee, documents, the letter it brings. */
export function ProceduresEditor({ value, config, save }: PartEditorProps<'procedures'>) {
  const { t } = useTranslation();
  const { list, index, setIndex, current, edit, add } = useListDraft<Procedure & { atHome?: boolean }>(value);
  const p = current;
  const setUnit = (unit: (typeof UNITS)[number]) => edit({ processingTime: unit === 'same-day' ? { unit } : { unit, value: 'value' in (p?.processingTime ?? {}) ? (p!.processingTime as { value: number }).value : 1 } });
  const docs = p?.documents ?? [];
  const setDoc = (i: number, patch: Partial<Procedure['documents'][number]>) => edit({ documents: docs.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <form
      aria-label={t('admin.configParts.procedures')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(list);
      }}
    >
      <ListPicker
        label={t('admin.config.procedure')}
        names={list.map((x) => x.name || t('admin.config.newProcedure'))}
        index={index}
        onPick={setIndex}
        addLabel={t('admin.config.addProcedure')}
        onAdd={() => add({ id: crypto.randomUUID(), name: '', field: '', processingTime: { unit: 'working-days', value: 5 }, fee: 0, documents: [] })}
      />
      {p && (
        <fieldset>
          <legend>{p.name || t('admin.config.newProcedure')}</legend>
          <label className="field">
            <span>{t('admin.config.procedureName')}</span>
            <input value={p.name} onChange={(e) => edit({ name: e.target.value })} />
          </label>
          <div className="choices-row">
            <label className="field inline">
              <span>{t('admin.config.procedureCode')}</span>
              <input value={p.code ?? ''} onChange={(e) => edit({ code: e.target.value || undefined })} />
            </label>
            <label className="field inline">
              <span>{t('admin.config.procedureField')}</span>
              <input value={p.field} onChange={(e) => edit({ field: e.target.value })} />
            </label>
          </div>
          <div className="choices-row">
            <label className="field inline">
              <span>{t('admin.config.timeUnit')}</span>
              <select value={p.processingTime.unit} onChange={(e) => setUnit(e.target.value as (typeof UNITS)[number])}>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`admin.config.units.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            {p.processingTime.unit !== 'same-day' && (
              <label className="field inline">
                <span>{t('admin.config.timeValue')}</span>
                <input inputMode="numeric" value={Number.isNaN(p.processingTime.value) ? '' : p.processingTime.value} onChange={(e) => edit({ processingTime: { unit: (p.processingTime as { unit: 'working-days' }).unit, value: e.target.value === '' ? Number.NaN : Number(e.target.value) } })} />
              </label>
            )}
            <label className="field inline">
              <span>{t('admin.config.fee')}</span>
              <input inputMode="numeric" value={Number.isNaN(p.fee) ? '' : p.fee} onChange={(e) => edit({ fee: e.target.value === '' ? Number.NaN : Number(e.target.value.replace(/[.\s]/g, '')) })} />
            </label>
          </div>
          <DuePreview procedure={p} calendar={config.calendar} />
          <label className="field">
            <span>{t('admin.config.feeNote')}</span>
            <input value={p.feeNote ?? ''} onChange={(e) => edit({ feeNote: e.target.value || undefined })} />
          </label>
          <label className="field">
            <span>{t('admin.config.resultPlace')}</span>
            <input value={p.resultPlace ?? ''} onChange={(e) => edit({ resultPlace: e.target.value || undefined })} />
          </label>
          <label className="field inline">
            <span>{t('admin.config.letterKind')}</span>
            <select value={p.letterKind ?? ''} onChange={(e) => edit({ letterKind: (e.target.value || undefined) as Procedure['letterKind'] })}>
              <option value="">{t('admin.config.noLetter')}</option>
              {PROCEDURE_LETTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.config.letterKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {HAS_AT_HOME && (
            <label className="choice">
              <input type="checkbox" checked={Boolean(p.atHome)} onChange={(e) => edit({ atHome: e.target.checked })} />
              <span>{t('admin.config.atHome')}</span>
            </label>
          )}
          <fieldset>
            <legend>{t('admin.config.documents')}</legend>
            <ul className="plain-list">
              {docs.map((d, i) => (
                <li key={i} className="entry-row">
                  <input aria-label={t('admin.config.documentName', { n: i + 1 })} value={d.name} onChange={(e) => setDoc(i, { name: e.target.value })} />
                  <label className="choice">
                    <input type="checkbox" checked={d.required} onChange={(e) => setDoc(i, { required: e.target.checked })} />
                    <span>{t('admin.config.documentRequired', { n: i + 1 })}</span>
                  </label>
                  <button type="button" onClick={() => edit({ documents: docs.filter((_, j) => j !== i) })}>
                    {t('admin.config.removeDocument', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => edit({ documents: [...docs, { name: '', required: true }] })}>
              {t('admin.config.addDocument')}
            </button>
          </fieldset>
        </fieldset>
      )}
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.procedures') })}
      </button>
    </form>
  );
}

/** The due date of a dossier received at opening time today, by the commune's calendar. */
function DuePreview({ procedure, calendar }: { procedure: Procedure; calendar: PartEditorProps<'calendar'>['value'] }) {
  const { t } = useTranslation();
  let due: Date | null = null;
  try {
    if (zProcedure.shape.processingTime.safeParse(procedure.processingTime).success)
      due = computeDueAt(calendar, vnDateTime(vnDateKey(new Date()), calendar.officeHours.morning[0]), procedure.processingTime);
  } catch {
    due = null; // a processing time being typed
  }
  return (
    <p role="status" aria-label={t('admin.config.duePreview')}>
      {due ? t('admin.config.procedureDue', { date: formatVnDateTime(due) }) : t('admin.config.noPreview')}
    </p>
  );
}
