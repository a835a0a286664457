import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartEditorProps } from './types';

/** The long code that opens the kiosks' staff panel: set, never read back (the server keeps its hash). */
export function KioskCodeEditor({ save }: PartEditorProps<'kioskCode'>) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      aria-label={t('admin.configParts.kioskCode')}
      onSubmit={(e) => {
        e.preventDefault();
        void save({ code: code.trim() }).then((ok) => ok && setCode(''));
      }}
    >
      <label className="field">
        <span>{t('admin.config.kioskCode')}</span>
        <input type="password" autoComplete="new-password" autoCapitalize="none" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <p className="hint">{t('admin.config.kioskCodeHint')}</p>
      <button type="submit" className="primary">
        {t('admin.config.save', { part: t('admin.configParts.kioskCode') })}
      </button>
    </form>
  );
}
