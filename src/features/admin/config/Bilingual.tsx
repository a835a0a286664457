import { useTranslation } from 'react-i18next';

/** A text set centrally in both languages: Vietnamese first. */
export function Bilingual({ label, value, onChange, multiline }: { label: string; value: { vi: string; en: string }; onChange: (v: { vi: string; en: string }) => void; multiline?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="choices-row">
      {(['vi', 'en'] as const).map((lang) => {
        const name = t('admin.config.inLanguage', { label, lang: t(`admin.config.languages.${lang}`) });
        return (
          <label key={lang} className="field">
            <span>{name}</span>
            {multiline ? (
              <textarea rows={10} value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
            ) : (
              <input value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
            )}
          </label>
        );
      })}
    </div>
  );
}
