import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sv from './locales/sv.json';

/** Swedish first; English on request. The choice is kept in this browser only. */
const stored =
  typeof localStorage !== 'undefined' ? localStorage.getItem('fristad.language') : null;

void i18next.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem('fristad.language', language);
});
document.documentElement.lang = i18next.language;

export { i18next };
