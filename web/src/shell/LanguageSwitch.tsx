import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of two buttons, not a form's fieldset with its border and legend.
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-label={t(`language.${code}`)}
          aria-pressed={i18n.language === code}
          onClick={() => void i18n.changeLanguage(code)}
        >
          <span className="long-label">{t(`language.${code}`)}</span>
          <span className="short-label" aria-hidden="true">
            {code.toUpperCase()}
          </span>
        </button>
      ))}
    </div>
  );
}
