import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of two buttons, not a form's fieldset.
    <div className="field-languages" role="group" aria-label={t('field.language')}>
      {LANGUAGES.map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={i18n.language === code} onClick={() => void i18n.changeLanguage(code)}>
          {code === 'fr' ? 'Français' : 'English'}
        </button>
      ))}
    </div>
  );
}
