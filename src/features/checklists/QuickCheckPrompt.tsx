import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { templatesFor, type CommuneConfig } from '../../domain';
import { hasQuickCheck } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { ChecklistForm } from './ChecklistForm';
import { recordCheck } from './record';
import { useLang } from './useLang';

/**
 * The quick self-check right after the signed-in officer received this dossier or returned its
 * result: shown until answered or skipped (a skip is recorded and counted as skipped).
 */
export function QuickCheckPrompt({ dossierId, config }: { dossierId: string; config: CommuneConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const staff = useSession((s) => s.staff);
  const [outcome, setOutcome] = useState<'saved' | 'skipped' | null>(null);
  const template = templatesFor(config.checklistTemplates, 'interaction')[0];
  const due = useLiveQuery(async () => {
    if (!staff || !template) return false;
    const dossier = await db.dossiers.get(dossierId);
    const last = dossier?.history.at(-1);
    const served = last?.staffId === staff.id && (last.type === 'dossier.received' || last.action === 'return-result');
    // One check per occasion: the one after receiving does not answer the one after returning.
    return served && !(await hasQuickCheck(db, dossierId, staff.id, last.at));
  }, [dossierId, staff?.id, template?.id]);

  if (outcome)
    return (
      <p role="status" className="checklist-done no-print">
        {t(outcome === 'saved' ? 'checklists.saved' : 'checklists.skipped')}
      </p>
    );
  if (!due || !staff || !template) return null;
  const base = { template, staffId: staff.id, checkedBy: staff.id, mode: 'self' as const, dossierId };
  return (
    <section className="quick-check no-print">
      <ChecklistForm
        template={template}
        title={t('checklists.quick.title', { name: template.name[lang] || template.name.vi })}
        hint={t('checklists.quick.hint')}
        onSave={async (items) => {
          await recordCheck({ ...base, items });
          setOutcome('saved');
        }}
        onSkip={async () => {
          await recordCheck({ ...base, items: {}, skipped: true });
          setOutcome('skipped');
        }}
      />
    </section>
  );
}
