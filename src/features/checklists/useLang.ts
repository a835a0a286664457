import { useTranslation } from 'react-i18next';

/** Which side of a config label to show: English when the app is in English, else Vietnamese. */
export function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
