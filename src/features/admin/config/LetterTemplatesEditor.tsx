import { useTranslation } from 'react-i18next';
import { addWorkingDays, computeDueAt, formatVnDate, LETTER_KINDS, vnDateKey, MERGE_FIELDS, mergeLetter, unknownMergeFields, type MergeValues } from '../../../domain';
import { Bilingual } from './Bilingual';
import { ListPicker, useListDraft } from './ListPicker';
import type { PartEditorProps, PartValue } from './types';

type Template = PartValue<'letterTemplates'>[number];

/** Letter templates: title and body in both languages, the merge fields they may use, and the letter as it would print. */
export function LetterTemplatesEditor({ value, config, save }: PartEditorProps<'letterTemplates'>) {
  const { t } = useTranslation();
  const { list, index, setIndex, current: tpl, edit, add } = useListDraft<Template>(value);
  // Sample values for the preview: the commune's own name, procedure, officer and calendar; an example applicant.
  const today = new Date();
  const due = computeDueAt(config.calendar, today, { unit: 'working-days', value: 5 });
  const sample: Required<MergeValues> = {
    applicantName: 'Nguyễn Văn An',
    recipientName: 'Nguyễn Văn An',
    dossierCode: `${config.commune.code}-${vnDateKey(today).slice(2).replaceAll('-', '')}-0001`,
    procedureName: config.procedures[0]?.name ?? '',
    receivedDate: formatVnDate(today),
    dueDate: formatVnDate(due),
    newDueDate: formatVnDate(`${addWorkingDays(config.calendar, vnDateKey(due), 5)}T12:00:00+07:00`),
    reason: t('admin.config.sampleReason'),
    occasion: t('admin.config.sampleOccasion'),
    communeName: config.commune.name,
    signerTitle: t('admin.config.sampleSignerTitle'),
    signerName: config.staff[0]?.name ?? '',
    staffName: config.staff[0]?.name ?? '',
    today: formatVnDate(today),
  };
  const unknown = tpl ? unknownMergeFields(`${tpl.body.vi}\n${tpl.body.en}`) : [];
  return (
    <form
      aria-label={t('admin.configParts.letterTemplates')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(list);
      }}
    >
      <ListPicker
        label={t('admin.config.template')}
        names={list.map((x) => x.title.vi || x.id)}
        index={index}
        onPick={setIndex}
        addLabel={t('admin.config.addTemplate')}
        onAdd={() => add({ id: `letter-${list.length + 1}`, kind: 'thanks', version: 1, title: { vi: '', en: '' }, body: { vi: '', en: '' } })}
      />
      {tpl && (
        <fieldset>
          <legend>{tpl.title.vi || tpl.id}</legend>
          <label className="field inline">
            <span>{t('admin.config.letterKind')}</span>
            <select value={tpl.kind} onChange={(e) => edit({ kind: e.target.value as Template['kind'] })}>
              {LETTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.config.letterKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <Bilingual label={t('admin.config.letterTitle')} value={tpl.title} onChange={(title) => edit({ title })} />
          <Bilingual label={t('admin.config.letterBody')} value={tpl.body} onChange={(body) => edit({ body })} multiline />
          <details open>
            <summary>{t('admin.config.mergeHelp')}</summary>
            <dl className="facts">
              {MERGE_FIELDS.map((f) => (
                <div key={f}>
                  <dt>
                    <code>{`{{${f}}}`}</code>
                  </dt>
                  <dd>{t(`admin.config.mergeFields.${f}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
          {unknown.length > 0 && (
            <p role="alert" className="error">
              {t('admin.config.unknownFields', { fields: unknown.map((f) => `{{${f}}}`).join(', ') })}
            </p>
          )}
          <section aria-label={t('admin.config.letterPreview')} className="letter-preview" lang="vi">
            <h3>{tpl.title.vi}</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{mergeLetter(tpl.body.vi, sample).text}</p>
          </section>
        </fieldset>
      )}
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.letterTemplates') })}
      </button>
    </form>
  );
}
