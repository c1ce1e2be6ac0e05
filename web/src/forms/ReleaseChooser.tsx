import { useTranslation } from 'react-i18next';
import { nationName } from '../i18n/format';
import { FieldError } from './FieldError';

interface ReleaseChooserProps {
  idPrefix: string;
  partners: readonly string[];
  chosen: readonly string[];
  error: string | undefined;
  errorId: string;
  onChange: (nations: string[]) => void;
}

/** Which partner nations may receive the record; none means it stays national. */
export function ReleaseChooser({ idPrefix, partners, chosen, error, errorId, onChange }: ReleaseChooserProps) {
  const { t, i18n } = useTranslation();
  const toggle = (nation: string, on: boolean) => onChange(on ? [...chosen, nation] : chosen.filter((other) => other !== nation));
  return (
    <fieldset className="release-chooser" aria-describedby={error ? errorId : undefined} aria-invalid={Boolean(error)}>
      <legend>{t('release.label')}</legend>
      {partners.map((nation) => (
        <label key={nation} className="checkbox">
          <input
            type="checkbox"
            id={`${idPrefix}-release-${nation}`}
            checked={chosen.includes(nation)}
            onChange={(event) => toggle(nation, event.target.checked)}
          />
          {nationName(nation, i18n.language)} ({nation})
        </label>
      ))}
      {chosen.length === 0 && <p className="hint">{t('release.none')}</p>}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
