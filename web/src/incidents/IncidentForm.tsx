import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createIncident, updateIncident } from '../api/endpoints';
import { DATE_PRECISIONS, INCIDENT_STATUSES, type Incident, type Place, type User } from '../api/types';
import { DateInput } from '../forms/DateInput';
import { FieldError, errorId } from '../forms/FieldError';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { useSubmission } from '../forms/useSubmission';
import { formatNumber, nationName } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';
import { canWrite } from '../session/permissions';
import { blankDraft, bodyOf, changesOf, COUNTS, draftOf, unreadableCounts, type IncidentDraft } from './incidentDraft';
import { PlaceSearch } from './PlaceSearch';
import { SourceFields } from './SourceFields';

export interface PickedLocation {
  lat: number;
  lon: number;
}

interface IncidentFormProps {
  user: User;
  /** The incident being changed; a new one is recorded without it. */
  incident?: Incident;
  eventTypes: Record<string, string[]>;
  partners: readonly string[];
  defaultRelease: readonly string[];
  location: PickedLocation | null;
  picking: boolean;
  onPickOnMap: (on: boolean) => void;
  onLocation: (location: PickedLocation) => void;
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
}

/** Each field the node may name, with the label the officer reads for it. */
export const INCIDENT_LABELS: Readonly<Record<string, string>> = {
  occurredAt: 'form.occurredAt',
  datePrecision: 'form.datePrecision',
  location: 'form.location',
  geoPrecision: 'form.location',
  placeName: 'form.placeName',
  eventType: 'form.eventType',
  subEventType: 'form.subEventType',
  actors: 'form.actors',
  fatalities: 'incident.fatalities',
  injured: 'incident.injured',
  abducted: 'incident.abducted',
  narrative: 'form.narrative',
  source: 'incident.source',
  status: 'form.status',
  releasableTo: 'release.label',
};
const FIELDS = Object.keys(INCIDENT_LABELS);

const FORM = 'incident';
const eid = (field: string) => errorId(FORM, field);

export function IncidentForm(props: IncidentFormProps) {
  const { t, i18n } = useTranslation();
  const editing = props.incident;
  const [draft, setDraft] = useState<IncidentDraft>(() => (editing ? draftOf(editing) : blankDraft(new Date(), props.defaultRelease)));
  const { busy, errors, run, fixed, refuse } = useSubmission(FIELDS, INCIDENT_LABELS);
  const mayRelease = canWrite(props.user, 'incident.release', { owner: props.user.nodeNation });

  const set = <K extends keyof IncidentDraft>(field: K, value: IncidentDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    fixed(field === 'sourceKind' || field === 'sourceName' || field === 'reliability' || field === 'credibility' ? 'source' : field);
  };
  const subTypes = props.eventTypes[draft.eventType] ?? [];

  const choosePlace = (place: Place) => {
    set('placeName', place.name);
    fixed('location');
    props.onLocation({ lat: place.lat, lon: place.lon });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unreadable = unreadableCounts(draft);
    if (unreadable.length > 0) {
      refuse(
        Object.fromEntries(unreadable.map((field) => [field, t('form.fieldError', { label: t(INCIDENT_LABELS[field]!), message: t('form.wholeNumber') })])),
      );
      return;
    }
    await run(
      async () =>
        props.onSaved(
          editing
            ? await updateIncident(editing.id, changesOf(editing, draft, props.location, mayRelease))
            : await createIncident(bodyOf(draft, props.location, mayRelease)),
        ),
      (error) => (error instanceof Error ? error.message : t('form.failed')),
    );
  };

  const described = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': eid(field) } : {});
  const defaultRelease = props.defaultRelease.length ? props.defaultRelease.map((nation) => nationName(nation, i18n.language)).join(', ') : t('release.none');

  return (
    <form className="entity-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="incident-form-title" data-testid="incident-form">
      <h2 id="incident-form-title">{editing ? t('edit.incidentTitle', { version: editing.version }) : t('form.newIncident')}</h2>

      <div className="form-row">
        <div className="field">
          <label htmlFor="incident-occurredAt">{t('form.occurredAt')}</label>
          <DateInput
            id="incident-occurredAt"
            type="datetime-local"
            value={draft.occurredAt}
            onChange={(value) => set('occurredAt', value)}
            {...described('occurredAt')}
          />
          <FieldError id={eid('occurredAt')} message={errors.occurredAt} />
        </div>
        <div className="field">
          <label htmlFor="incident-datePrecision">{t('form.datePrecision')}</label>
          <select
            id="incident-datePrecision"
            value={draft.datePrecision}
            onChange={(event) => set('datePrecision', event.target.value as IncidentDraft['datePrecision'])}
            {...described('datePrecision')}
          >
            {DATE_PRECISIONS.map((precision) => (
              <option key={precision} value={precision}>
                {t(`precision.${precision}`)}
              </option>
            ))}
          </select>
          <FieldError id={eid('datePrecision')} message={errors.datePrecision} />
        </div>
      </div>

      <fieldset className="location" {...described('location')}>
        <legend>{t('form.location')}</legend>
        <p className="picked" data-testid="incident-location">
          {props.location
            ? t('form.coordinates', { lat: formatNumber(props.location.lat, i18n.language, 4), lon: formatNumber(props.location.lon, i18n.language, 4) })
            : editing
              ? t('edit.keepLocation')
              : t('form.noLocation')}
        </p>
        <button
          type="button"
          aria-pressed={props.picking}
          onClick={() => {
            fixed('location');
            props.onPickOnMap(!props.picking);
          }}
        >
          {props.picking ? t('form.picking') : t('form.pickOnMap')}
        </button>
        <PlaceSearch id="incident-place-search" onChoose={choosePlace} />
        <FieldError id={eid('location')} message={errors.location} />
      </fieldset>

      <div className="field">
        <label htmlFor="incident-placeName">{t('form.placeName')}</label>
        <input id="incident-placeName" value={draft.placeName} onChange={(event) => set('placeName', event.target.value)} {...described('placeName')} />
        <FieldError id={eid('placeName')} message={errors.placeName} />
      </div>

      <div className="field">
        <label htmlFor="incident-eventType">{t('form.eventType')}</label>
        <select
          id="incident-eventType"
          value={draft.eventType}
          onChange={(event) => {
            set('eventType', event.target.value);
            // The sub-type is emptied for the new type; its error, if any, stands until it is chosen.
            setDraft((current) => ({ ...current, subEventType: '' }));
          }}
          {...described('eventType')}
        >
          <option value="">{t('form.choose')}</option>
          {Object.keys(props.eventTypes).map((code) => (
            <option key={code} value={code}>
              {eventTypeLabel(code, i18n.language)}
            </option>
          ))}
        </select>
        <FieldError id={eid('eventType')} message={errors.eventType} />
      </div>

      <div className="field">
        <label htmlFor="incident-subEventType">{t('form.subEventType')}</label>
        <select
          id="incident-subEventType"
          value={draft.subEventType}
          onChange={(event) => set('subEventType', event.target.value)}
          {...described('subEventType')}
        >
          <option value="">{t('form.choose')}</option>
          {subTypes.map((code) => (
            <option key={code} value={code}>
              {subEventTypeLabel(code, i18n.language)}
            </option>
          ))}
        </select>
        <FieldError id={eid('subEventType')} message={errors.subEventType} />
      </div>

      <div className="field">
        <label htmlFor="incident-actors">{t('form.actors')}</label>
        <input
          id="incident-actors"
          value={draft.actors}
          placeholder={t('form.actorsHint')}
          onChange={(event) => set('actors', event.target.value)}
          {...described('actors')}
        />
        <FieldError id={eid('actors')} message={errors.actors} />
      </div>

      <div className="form-row three">
        {COUNTS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`incident-${field}`}>{t(`incident.${field}`)}</label>
            <input
              id={`incident-${field}`}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('form.unknownCount')}
              value={draft[field]}
              onChange={(event) => set(field, event.target.value)}
              {...described(field)}
            />
            <FieldError id={eid(field)} message={errors[field]} />
          </div>
        ))}
      </div>
      <p className="hint">{t('form.blankIsUnknown')}</p>

      <SourceFields draft={draft} set={set} error={errors.source} errorId={eid('source')} described={described('source')} />

      <div className="field">
        <label htmlFor="incident-status">{t('form.status')}</label>
        <select
          id="incident-status"
          value={draft.status}
          onChange={(event) => set('status', event.target.value as IncidentDraft['status'])}
          {...described('status')}
        >
          {INCIDENT_STATUSES.map((code) => (
            <option key={code} value={code}>
              {t(`status.${code}`)}
            </option>
          ))}
        </select>
        <FieldError id={eid('status')} message={errors.status} />
      </div>

      <div className="field">
        <label htmlFor="incident-narrative">{t('form.narrative')}</label>
        <textarea
          id="incident-narrative"
          rows={3}
          value={draft.narrative}
          onChange={(event) => set('narrative', event.target.value)}
          {...described('narrative')}
        />
        <FieldError id={eid('narrative')} message={errors.narrative} />
      </div>

      {mayRelease ? (
        <ReleaseChooser
          idPrefix={FORM}
          partners={props.partners}
          chosen={draft.releasableTo}
          error={errors.releasableTo}
          errorId={eid('releasableTo')}
          onChange={(nations) => set('releasableTo', nations)}
        />
      ) : (
        <p className="hint" data-testid="incident-release-default">
          {editing ? t('edit.releaseKept') : t('edit.releaseDefault', { partners: defaultRelease })}
        </p>
      )}

      <FieldError id={eid('form')} message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-verb={editing ? 'incident.edit' : 'incident.create'}>
          {t('form.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
