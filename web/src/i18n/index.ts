import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { enNews } from './en-news';
import { enTasks } from './en-tasks';
import { fr } from './fr';
import { frNews } from './fr-news';
import { frTasks } from './fr-tasks';

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
    resources: { fr: { translation: { ...fr, ...frNews, ...frTasks } }, en: { translation: { ...en, ...enNews, ...enTasks } } },
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
