import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'friendly-desk.language';

/**
 * Each language is its own chunk: a tablet downloads the one it shows first, and the service
 * worker precaches both, so switching works with no connection too.
 */
const BUNDLES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('../../locales/vi/translation.json'),
  en: () => import('../../locales/en/translation.json'),
};

function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

async function ensureLoaded(lng: Language) {
  if (!i18next.hasResourceBundle(lng, 'translation')) i18next.addResourceBundle(lng, 'translation', (await BUNDLES[lng]()).default);
}

export async function initI18n(lng: Language = rememberedLanguage()) {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: {},
      lng,
      fallbackLng: 'vi',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  await Promise.all([ensureLoaded(lng), ensureLoaded('vi')]);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  return i18next;
}

export async function setLanguage(lng: Language) {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this session only */
  }
}
