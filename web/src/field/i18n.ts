import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enField } from '../i18n/en-field';
import { frField } from '../i18n/fr-field';
import { setNodeLanguage } from './api';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// The same choice as the operations UI's: one language per officer on this device.
const STORED_LANGUAGE = 'diboli.language';

function apply(language: string): void {
  document.documentElement.lang = language;
  setNodeLanguage(language);
  localStorage.setItem(STORED_LANGUAGE, language);
}

/** French first; English when the officer chose it, here or in the operations UI. */
export async function startFieldI18n(): Promise<void> {
  const language: Language = localStorage.getItem(STORED_LANGUAGE) === 'en' ? 'en' : 'fr';
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: frField }, en: { translation: enField } },
    lng: language,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  apply(language);
  i18next.on('languageChanged', apply);
}
