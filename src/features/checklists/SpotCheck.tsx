import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templatesFor, type CommuneConfig } from '../../domain';
import { useSession } from '../../app/stores';
import { StaffSelect } from '../../app/StaffSelect';
import { ChecklistForm } from './ChecklistForm';
import { recordCheck } from './record';
import { useLang } from './useLang';
import { isLeader } from './roles';

/**
 * A check of another officer's conduct: a leader's spot check, or a colleague's where the commune
 * allows peer checks on that template.
 */
export function SpotCheck({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession((s) => s.staff)!;
  const leader = isLeader(config, me.id);
  const templates = templatesFor(config.checklistTemplates, 'spot-check').filter((tpl) => leader || tpl.peerChecks);
  const officers = config.staff.filter((s) => s.active && s.id !== me.id);
  const [officerId, setOfficerId] = useState('');
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const template = templates.find((tpl) => tpl.id === templateId);

  if (templates.length === 0)
    return (
      <section aria-labelledby="spot-title">
        <h1 id="spot-title">{t('checklists.spot.title')}</h1>
        <p role="alert">{t('checklists.spot.notAllowed')}</p>
      </section>
    );

  return (
    <section aria-labelledby="spot-title">
      <h1 id="spot-title">{t('checklists.spot.title')}</h1>
      <p className="hint">{t(leader ? 'checklists.spot.asLeader' : 'checklists.spot.asPeer')}</p>
      <div className="spot-pickers">
        <StaffSelect
          label={t('checklists.spot.officer')}
          staff={officers}
          value={officerId}
          onChange={(id) => (setOfficerId(id), setSavedFor(null))}
          none={t('checklists.spot.choose')}
        />
        <label className="field">
          <span>{t('checklists.spot.template')}</span>
          <select value={templateId} onChange={(e) => (setTemplateId(e.target.value), setSavedFor(null))}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[lang] || tpl.name.vi}
              </option>
            ))}
          </select>
        </label>
      </div>
      {savedFor && (
        <p role="status">
          {config.staff.find((s) => s.id === savedFor)?.name}: {t('checklists.saved')}
        </p>
      )}
      {template && officerId && !savedFor && (
        <ChecklistForm
          key={`${officerId}/${template.id}`}
          template={template}
          title={`${template.name[lang] || template.name.vi} — ${officers.find((s) => s.id === officerId)?.name ?? ''}`}
          withNote
          onSave={async (items, note) => {
            await recordCheck({ template, staffId: officerId, checkedBy: me.id, mode: leader ? 'leader' : 'peer', items, note });
            setSavedFor(officerId);
          }}
        />
      )}
    </section>
  );
}
