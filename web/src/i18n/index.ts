import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORED_LANGUAGE = 'diboli.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED_LANGUAGE);
  return stored === 'en' ? 'en' : 'fr';
}

export async function startI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
  i18next.on('languageChanged', (code) => applyLanguage(code as Language));
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  setApiLanguage(language);
  localStorage.setItem(STORED_LANGUAGE, language);
}

export { i18next };
