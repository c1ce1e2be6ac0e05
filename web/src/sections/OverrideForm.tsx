import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { overrideSectionLevel } from '../api/endpoints';
import { THREAT_LEVELS, type SectionLevel, type ThreatLevel } from '../api/types';
import { localInputValue, toInstant } from '../forms/datetime';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { DateInput } from '../forms/DateInput';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { DAY_MS } from '../../../src/kernel/durations.js';

const LABELS: Readonly<Record<string, string>> = {
  level: 'section.level',
  reason: 'section.reason',
  expiresAt: 'section.expiresAt',
  releasableTo: 'release.label',
};
const FIELDS = Object.keys(LABELS);

interface OverrideFormProps {
  sectionId: string;
  current: ThreatLevel;
  /** The partners an override may apply to, and those it applies to unless the coordinator chooses. */
  partners: readonly string[];
  defaultRelease: readonly string[];
  onSaved: (level: SectionLevel) => void;
}

/**
 * A coordinator forces a section's level until an expiry, for their own nation and the partners
 * they release it to (each partner's levels are computed from what it may see). The reason is
 * checked by the node (its message lands under the field), so that the rule lives in one place.
 */
export function OverrideForm({ sectionId, current, partners, defaultRelease, onSaved }: OverrideFormProps) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<ThreatLevel>(current);
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(() => localInputValue(new Date(Date.now() + DAY_MS)));
  const [releasableTo, setReleasableTo] = useState<string[]>(() => [...defaultRelease]);
  const { busy, errors, run, changed } = useSubmission(FIELDS, LABELS);
  const id = (field: string) => errorId('override', field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      async () => {
        onSaved(await overrideSectionLevel(sectionId, { level, reason, expiresAt: toInstant(expiresAt), releasableTo }));
        setReason('');
      },
      () => t('section.overrideFailed'),
    );
  };

  const described = (field: string) => ({ 'data-field': field, ...(errors[field] ? { 'aria-describedby': id(field), 'aria-invalid': true } : {}) });

  return (
    <form className="override-form" onSubmit={(event) => void submit(event)} onChange={changed} noValidate>
      <h3>{t('section.override')}</h3>
      <label htmlFor="override-level">{t('section.level')}</label>
      <select id="override-level" value={level} onChange={(event) => setLevel(event.target.value as ThreatLevel)} {...described('level')}>
        {THREAT_LEVELS.map((name) => (
          <option key={name} value={name}>
            {t(`threat.${name}`)}
          </option>
        ))}
      </select>
      <FieldError id={id('level')} message={errors.level} />
      <label htmlFor="override-reason">{t('section.reason')}</label>
      <textarea id="override-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} {...described('reason')} />
      <FieldError id={id('reason')} message={errors.reason} />
      <label htmlFor="override-expires">{t('section.expiresAt')}</label>
      <DateInput id="override-expires" type="datetime-local" value={expiresAt} onChange={setExpiresAt} {...described('expiresAt')} />
      <FieldError id={id('expiresAt')} message={errors.expiresAt} />
      <ReleaseChooser
        idPrefix="override"
        partners={partners}
        chosen={releasableTo}
        error={errors.releasableTo}
        errorId={id('releasableTo')}
        onChange={setReleasableTo}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-verb="early-warning.override">
        {t('section.applyOverride')}
      </button>
    </form>
  );
}
