import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Strings are split the way the screens are: a kiosk never downloads the counter's words. */
export type StringPart = 'core' | 'counter' | 'kiosk' | 'admin' | 'home' | 'figures';
const STORAGE_KEY = 'friendly-desk.language';

// Each file is a chunk of its own; the service worker precaches them all, so any language and
// any screen works with no connection.
const FILES = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json');
const wantedParts = new Set<StringPart>(['core']);

function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

async function load(lng: Language, part: StringPart) {
  if (i18next.hasResourceBundle(lng, part)) return;
  const strings = (await FILES[`../../locales/${lng}/${part}.json`]()).default;
  // Every part lands in the one default namespace, so keys stay "intake.name", "kiosk.thanks"…
  i18next.addResourceBundle(lng, 'translation', strings, true, true);
  i18next.addResourceBundle(lng, part, {}, true); // marks the part as loaded
}

/** Load a screen's strings (in the current language and the Vietnamese fallback) before showing it. */
export async function loadStrings(part: StringPart) {
  wantedParts.add(part);
  const lng = (i18next.language as Language) ?? 'vi';
  await Promise.all([load(lng, part), load('vi', part)]);
}

export async function initI18n(lng: Language = rememberedLanguage(), parts: StringPart[] = []) {
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
  await i18next.changeLanguage(lng);
  await Promise.all(['core' as const, ...parts].map((p) => loadStrings(p)));
  document.documentElement.lang = lng;
  return i18next;
}

/** Switch language; `remember` keeps the choice for the next start (a kiosk never keeps it). */
export async function setLanguage(lng: Language, remember = true) {
  await Promise.all([...wantedParts].map((p) => load(lng, p)));
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this session only */
  }
}
