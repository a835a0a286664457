import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templatesFor, type CommuneConfig } from '../../domain';
import { useSession } from '../../app/stores';
import { ChecklistForm } from './ChecklistForm';
import { recordCheck } from './record';
import { useLang } from './useLang';

/** The officer's daily self-check: one form per template the commune uses daily. */
export function DailyCheck({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const staff = useSession((s) => s.staff)!;
  const [done, setDone] = useState<Record<string, boolean>>({});
  const templates = templatesFor(config.checklistTemplates, 'daily');
  return (
    <section aria-labelledby="daily-title">
      <h1 id="daily-title">{t('checklists.daily.title')}</h1>
      {templates.length === 0 && <p>{t('checklists.daily.none')}</p>}
      {templates.map((template) =>
        done[template.id] ? (
          <p key={template.id} role="status">
            {template.name[lang] || template.name.vi}: {t('checklists.saved')}
          </p>
        ) : (
          <ChecklistForm
            key={template.id}
            template={template}
            title={template.name[lang] || template.name.vi}
            withNote
            onSave={async (items, note) => {
              await recordCheck({ template, staffId: staff.id, checkedBy: staff.id, mode: 'self', items, note });
              setDone((d) => ({ ...d, [template.id]: true }));
            }}
          />
        ),
      )}
    </section>
  );
}
