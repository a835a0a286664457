import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './i18n';

/** `remember={false}`: the choice lasts until the screen says otherwise (the kiosk's next citizen). */
export function LanguageSwitch({ remember = true }: { remember?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => void setLanguage(lng, remember)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
