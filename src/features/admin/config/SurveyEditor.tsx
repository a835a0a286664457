import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS } from '../../../domain';
import { Bilingual } from './Bilingual';
import type { PartEditorProps, PartValue } from './types';

type Survey = PartValue<'survey'>;
type Question = Survey['questions'][number];
type Criterion = Survey['criteria'][number];

/**
 * The kiosk's survey: which faces it shows, the SIPAS criteria and the yes/no questions, each
 * question optionally linked to the checklist item it asks citizens about. Flow and misuse rules
 * are kept as they are. A changed survey is saved as its next version.
 */
export function SurveyEditor({ value, config, save }: PartEditorProps<'survey'>) {
  const { t } = useTranslation();
  // A commune could have no survey yet (the part is nullable): start from the three usual faces.
  const [survey, setSurvey] = useState<Survey>(value ?? { version: 0, levels: ['very-satisfied', 'satisfied', 'not-satisfied'], criteria: [], questions: [] });
  const items = config.checklistTemplates.flatMap((tpl) => tpl.items.map((it) => ({ key: `${tpl.id}/${it.id}`, label: `${tpl.name.vi} › ${it.label.vi}` })));
  const setQuestion = (i: number, patch: Partial<Question>) => setSurvey((s) => ({ ...s, questions: s.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) }));
  const setCriterion = (i: number, patch: Partial<Criterion>) => setSurvey((s) => ({ ...s, criteria: s.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const toggleLevel = (level: (typeof RATINGS)[number], on: boolean) =>
    setSurvey((s) => ({ ...s, levels: RATINGS.filter((r) => (r === level ? on : s.levels.includes(r))) }));
  return (
    <form
      aria-label={t('admin.configParts.survey')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(JSON.stringify(survey) === JSON.stringify(value) ? survey : { ...survey, version: (value?.version ?? 0) + 1 });
      }}
    >
      <fieldset>
        <legend>{t('admin.config.levels')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className="choice">
            <input type="checkbox" checked={survey.levels.includes(r)} onChange={(e) => toggleLevel(r, e.target.checked)} />
            <span>{t(`admin.config.ratings.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.config.questions')}</legend>
        <ol>
          {survey.questions.map((q, i) => (
            <li key={i}>
              <label className="field inline">
                <span>{t('admin.config.questionId', { n: i + 1 })}</span>
                <input value={q.id} autoCapitalize="none" onChange={(e) => setQuestion(i, { id: e.target.value })} />
              </label>
              <Bilingual label={t('admin.config.questionText', { n: i + 1 })} value={q.label} onChange={(label) => setQuestion(i, { label })} />
              <label className="field inline">
                <span>{t('admin.config.checklistItem', { n: i + 1 })}</span>
                <select value={q.checklistItem ?? ''} onChange={(e) => setQuestion(i, { checklistItem: e.target.value || undefined })}>
                  <option value="">{t('admin.config.noChecklistItem')}</option>
                  {items.map((it) => (
                    <option key={it.key} value={it.key}>
                      {it.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => setSurvey((s) => ({ ...s, questions: s.questions.filter((_, j) => j !== i) }))}>
                {t('admin.config.removeQuestion', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => setSurvey((s) => ({ ...s, questions: [...s.questions, { id: `q${s.questions.length + 1}`, label: { vi: '', en: '' } }] }))}>
          {t('admin.config.addQuestion')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('admin.config.criteria')}</legend>
        <ol>
          {survey.criteria.map((c, i) => (
            <li key={i}>
              <Bilingual label={t('admin.config.criterionLabel', { n: i + 1 })} value={c.label} onChange={(label) => setCriterion(i, { label })} />
            </li>
          ))}
        </ol>
      </fieldset>
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.survey') })}
      </button>
    </form>
  );
}
