import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../../locales/vi/translation.json';
import en from '../../locales/en/translation.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'friendly-desk.language';

function rememberedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Both languages are bundled: the tablet must speak Vietnamese with no connection at all. */
export function initI18n(lng: Language = rememberedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { vi: { translation: vi }, en: { translation: en } },
      lng,
      fallbackLng: 'vi',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function setLanguage(lng: Language) {
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this session only */
  }
}
