import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartEditorProps } from './types';

/** How long closed dossiers keep personal fields on tablets, and how soon an idle tablet locks. */
export function SettingsEditor({ value, save }: PartEditorProps<'settings'>) {
  const { t } = useTranslation();
  const [retention, setRetention] = useState(String(value.retentionDays));
  const [idle, setIdle] = useState(String(value.idleLockMinutes));
  // Empty or non-numeric input is sent as NaN: the schema says what is wrong, not the browser.
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  return (
    <form
      aria-label={t('admin.configParts.settings')}
      onSubmit={(e) => {
        e.preventDefault();
        void save({ retentionDays: num(retention), idleLockMinutes: num(idle) });
      }}
    >
      <label className="field">
        <span>{t('admin.config.retentionDays')}</span>
        <input inputMode="numeric" value={retention} onChange={(e) => setRetention(e.target.value)} />
      </label>
      <p className="hint">{t('admin.config.retentionHint')}</p>
      <label className="field">
        <span>{t('admin.config.idleLockMinutes')}</span>
        <input inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.settings') })}
      </button>
    </form>
  );
}
