import { useTranslation } from 'react-i18next';
import { CHECKLIST_USES } from '../../../domain';
import { Bilingual } from './Bilingual';
import { ListPicker, useListDraft } from './ListPicker';
import type { PartEditorProps, PartValue } from './types';

type Template = PartValue<'checklistTemplates'>[number];

/**
 * Service checklists ("5 knows" …). Results name the template version they were ticked on, so a
 * template changed here is saved as its next version; unchanged ones keep theirs.
 */
export function ChecklistTemplatesEditor({ value, save }: PartEditorProps<'checklistTemplates'>) {
  const { t } = useTranslation();
  const { list, index, setIndex, current: tpl, edit, add } = useListDraft<Template>(value);
  const setItem = (i: number, patch: Partial<Template['items'][number]>) => edit({ items: tpl!.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const withVersions = () =>
    list.map((x) => {
      const before = value.find((v) => v.id === x.id);
      return before && JSON.stringify(before) === JSON.stringify(x) ? x : { ...x, version: (before?.version ?? x.version - 1) + 1 };
    });
  return (
    <form
      aria-label={t('admin.configParts.checklistTemplates')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(withVersions());
      }}
    >
      <ListPicker
        label={t('admin.config.template')}
        names={list.map((x) => `${x.name.vi || x.id} (v${x.version})`)}
        index={index}
        onPick={setIndex}
        addLabel={t('admin.config.addTemplate')}
        onAdd={() => add({ id: `checklist-${list.length + 1}`, version: 0, name: { vi: '', en: '' }, items: [], usedFor: [...CHECKLIST_USES] })}
      />
      {tpl && (
        <fieldset>
          <legend>{tpl.name.vi || tpl.id}</legend>
          <Bilingual label={t('admin.config.templateName')} value={tpl.name} onChange={(name) => edit({ name })} />
          <p className="hint">{t('admin.config.versionHint', { version: tpl.version })}</p>
          <ol>
            {tpl.items.map((it, i) => (
              <li key={i}>
                <label className="field inline">
                  <span>{t('admin.config.itemId', { n: i + 1 })}</span>
                  <input value={it.id} autoCapitalize="none" onChange={(e) => setItem(i, { id: e.target.value })} />
                </label>
                <Bilingual label={t('admin.config.itemLabel', { n: i + 1 })} value={it.label} onChange={(label) => setItem(i, { label })} />
                <button type="button" onClick={() => edit({ items: tpl.items.filter((_, j) => j !== i) })}>
                  {t('admin.config.removeItem', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => edit({ items: [...tpl.items, { id: `item-${tpl.items.length + 1}`, label: { vi: '', en: '' } }] })}>
            {t('admin.config.addItem')}
          </button>
        </fieldset>
      )}
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.checklistTemplates') })}
      </button>
    </form>
  );
}
