import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addAlertRule } from '../api/endpoints';
import {
  ALERT_RULE_KINDS,
  THREAT_LEVELS,
  type AlertRuleKind,
  type AlertTargetKind,
  type Axes,
  type NewAlertRule,
  type Posts,
  type Sections,
  type StoredAlertRule,
  type ThreatLevel,
} from '../api/types';
import { FieldError, errorId } from '../forms/FieldError';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { useSubmission } from '../forms/useSubmission';
import { eventTypeLabel } from '../i18n/taxonomy';

const LABELS: Readonly<Record<string, string>> = {
  id: 'rules.id',
  kind: 'rules.kind',
  eventTypes: 'rules.eventTypes',
  target: 'rules.target',
  withinKm: 'rules.withinKm',
  sections: 'rules.sections',
  minLevel: 'rules.minLevel',
  graceMinutes: 'rules.graceMinutes',
  minSeverity: 'rules.minSeverity',
  releasableTo: 'release.label',
};
const FIELDS = Object.keys(LABELS);
const TARGET_KINDS: readonly AlertTargetKind[] = ['axis', 'section', 'post'];

/** What a new rule may name: event types, the axes, sections and posts it may watch, partners. */
export interface RuleChoices {
  eventTypes: readonly string[];
  axes: Axes | null;
  sections: Sections | null;
  posts: Posts | null;
  partners: readonly string[];
  defaultRelease: readonly string[];
}

interface AlertRuleFormProps extends RuleChoices {
  onAdded: (rule: StoredAlertRule) => void;
  onCancel: () => void;
}

/**
 * A new alert rule. Only the fields of the chosen kind are sent; the node checks them all (a
 * distance of zero, an unknown target, an id taken) and its message lands under the field.
 */
export function AlertRuleForm(props: AlertRuleFormProps) {
  const { t, i18n } = useTranslation();
  const [id, setId] = useState('');
  const [kind, setKind] = useState<AlertRuleKind>('incident-near');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [targetKind, setTargetKind] = useState<AlertTargetKind>('axis');
  const [targetId, setTargetId] = useState('');
  const [withinKm, setWithinKm] = useState('10');
  const [minLevel, setMinLevel] = useState<ThreatLevel>('high');
  const [watchedSections, setWatchedSections] = useState<string[]>([]);
  const [graceMinutes, setGraceMinutes] = useState('60');
  const [isPublic, setIsPublic] = useState(false);
  const [releasableTo, setReleasableTo] = useState<string[]>(() => [...props.defaultRelease]);
  const { busy, errors, run, changed } = useSubmission(FIELDS, LABELS);
  const fieldId = (field: string) => errorId('rule', field);
  const described = (field: string) => ({ 'data-field': field, ...(errors[field] ? { 'aria-describedby': fieldId(field), 'aria-invalid': true } : {}) });

  const targets: { id: string; name: string }[] =
    targetKind === 'axis'
      ? (props.axes?.features ?? []).map((axis) => ({ id: axis.properties.id, name: axis.properties.name }))
      : targetKind === 'section'
        ? (props.sections?.features ?? []).map((section) => ({ id: section.properties.id, name: section.properties.id }))
        : (props.posts?.features ?? []).map((post) => ({ id: post.properties.id, name: post.properties.name }));

  const levelField = kind === 'level-rising' ? 'minLevel' : 'minSeverity';

  const definition = (): NewAlertRule => {
    const common = { id: id.trim(), kind, public: isPublic, releasableTo };
    // An empty number field goes out as null, which the node refuses under that field.
    // Typed as the officer writes numbers, a comma or a point before the decimals, whatever the browser's language.
    const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(/\s/g, '').replace(',', '.')));
    switch (kind) {
      case 'incident-near':
        return { ...common, eventTypes, target: { kind: targetKind, id: targetId }, withinKm: number(withinKm) };
      case 'level-rising':
        return { ...common, minLevel, ...(watchedSections.length > 0 ? { sections: watchedSections } : {}) };
      case 'patrol-overdue':
        return { ...common, graceMinutes: number(graceMinutes) };
      case 'news-severity':
        return { ...common, minSeverity: minLevel, ...(eventTypes.length > 0 ? { eventTypes } : {}) };
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      async () => props.onAdded(await addAlertRule(definition())),
      () => t('rules.failed'),
    );
  };

  const toggleType = (code: string, on: boolean) => setEventTypes((current) => (on ? [...current, code] : current.filter((other) => other !== code)));

  return (
    <form className="rule-form" onSubmit={(event) => void submit(event)} onChange={changed} noValidate aria-label={t('rules.new')}>
      <h3>{t('rules.new')}</h3>
      <label htmlFor="rule-id">{t('rules.id')}</label>
      <input id="rule-id" value={id} onChange={(event) => setId(event.target.value)} placeholder="rn1-combats" {...described('id')} />
      <FieldError id={fieldId('id')} message={errors.id} />
      <label htmlFor="rule-kind">{t('rules.kind')}</label>
      <select id="rule-kind" value={kind} onChange={(event) => setKind(event.target.value as AlertRuleKind)} {...described('kind')}>
        {ALERT_RULE_KINDS.map((name) => (
          <option key={name} value={name}>
            {t(`alerts.kinds.${name}`)}
          </option>
        ))}
      </select>
      <FieldError id={fieldId('kind')} message={errors.kind} />

      {(kind === 'incident-near' || kind === 'news-severity') && (
        <fieldset className="rule-types" {...described('eventTypes')}>
          <legend>{kind === 'incident-near' ? t('rules.eventTypes') : t('rules.eventTypesOptional')}</legend>
          {props.eventTypes.map((code) => (
            <label key={code} className="checkbox">
              <input type="checkbox" checked={eventTypes.includes(code)} onChange={(event) => toggleType(code, event.target.checked)} />
              {eventTypeLabel(code, i18n.language)}
            </label>
          ))}
          <FieldError id={fieldId('eventTypes')} message={errors.eventTypes} />
        </fieldset>
      )}

      {kind === 'incident-near' && (
        <>
          <label htmlFor="rule-target-kind">{t('rules.targetKind')}</label>
          <select
            id="rule-target-kind"
            value={targetKind}
            onChange={(event) => {
              setTargetKind(event.target.value as AlertTargetKind);
              setTargetId('');
            }}
          >
            {TARGET_KINDS.map((name) => (
              <option key={name} value={name}>
                {t(`rules.targetKinds.${name}`)}
              </option>
            ))}
          </select>
          <label htmlFor="rule-target">{t('rules.target')}</label>
          <select id="rule-target" value={targetId} onChange={(event) => setTargetId(event.target.value)} {...described('target')}>
            <option value="">{t('rules.chooseTarget')}</option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </select>
          <FieldError id={fieldId('target')} message={errors.target} />
          <label htmlFor="rule-within">{t('rules.withinKm')}</label>
          <input
            id="rule-within"
            inputMode="decimal"
            autoComplete="off"
            value={withinKm}
            onChange={(event) => setWithinKm(event.target.value)}
            {...described('withinKm')}
          />
          <FieldError id={fieldId('withinKm')} message={errors.withinKm} />
        </>
      )}

      {kind === 'level-rising' && (
        <>
          <label htmlFor="rule-sections">{t('rules.sections')}</label>
          <select
            id="rule-sections"
            multiple
            size={6}
            value={watchedSections}
            onChange={(event) => setWatchedSections([...event.target.selectedOptions].map((option) => option.value))}
            {...described('sections')}
          >
            {(props.sections?.features ?? []).map((section) => (
              <option key={section.properties.id} value={section.properties.id}>
                {section.properties.id}
              </option>
            ))}
          </select>
          <p className="hint">{t('rules.sectionsHint')}</p>
          <FieldError id={fieldId('sections')} message={errors.sections} />
        </>
      )}

      {(kind === 'level-rising' || kind === 'news-severity') && (
        <>
          <label htmlFor="rule-level">{kind === 'level-rising' ? t('rules.minLevel') : t('rules.minSeverity')}</label>
          <select id="rule-level" value={minLevel} onChange={(event) => setMinLevel(event.target.value as ThreatLevel)} {...described(levelField)}>
            {THREAT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`threat.${level}`)}
              </option>
            ))}
          </select>
          <FieldError id={fieldId(levelField)} message={errors[levelField]} />
        </>
      )}

      {kind === 'patrol-overdue' && (
        <>
          <label htmlFor="rule-grace">{t('rules.graceMinutes')}</label>
          <input
            id="rule-grace"
            inputMode="numeric"
            autoComplete="off"
            value={graceMinutes}
            onChange={(event) => setGraceMinutes(event.target.value)}
            {...described('graceMinutes')}
          />
          <FieldError id={fieldId('graceMinutes')} message={errors.graceMinutes} />
        </>
      )}

      <label className="checkbox">
        <input type="checkbox" checked={isPublic} onChange={(event) => setIsPublic(event.target.checked)} />
        {t('rules.public')}
      </label>
      <ReleaseChooser
        idPrefix="rule"
        partners={props.partners}
        chosen={releasableTo}
        error={errors.releasableTo}
        errorId={fieldId('releasableTo')}
        onChange={setReleasableTo}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-verb="alert.rules">
          {t('rules.add')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('rules.cancel')}
        </button>
      </div>
    </form>
  );
}
