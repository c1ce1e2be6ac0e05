import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createIncident } from '../api/endpoints';
import {
  CREDIBILITIES,
  DATE_PRECISIONS,
  INCIDENT_STATUSES,
  RELIABILITIES,
  SOURCE_KINDS,
  type DatePrecision,
  type Incident,
  type IncidentStatus,
  type NewIncident,
  type Place,
  type Reliability,
  type SourceKind,
} from '../api/types';
import { formatNumber } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';
import { localInputValue, optionalCount, toInstant } from '../forms/datetime';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { PlaceSearch } from './PlaceSearch';
import { DateInput } from '../forms/DateInput';

export interface PickedLocation {
  lat: number;
  lon: number;
}

interface IncidentFormProps {
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

const FIELDS = [
  'occurredAt',
  'datePrecision',
  'location',
  'placeName',
  'eventType',
  'subEventType',
  'actors',
  'fatalities',
  'injured',
  'abducted',
  'narrative',
  'source',
  'status',
  'releasableTo',
] as const;

const FORM = 'incident';
const eid = (field: string) => errorId(FORM, field);

export function IncidentForm(props: IncidentFormProps) {
  const { t, i18n } = useTranslation();
  const [occurredAt, setOccurredAt] = useState(() => localInputValue(new Date()));
  const [datePrecision, setDatePrecision] = useState<DatePrecision>('hour');
  const [placeName, setPlaceName] = useState('');
  const [eventType, setEventType] = useState('');
  const [subEventType, setSubEventType] = useState('');
  const [actors, setActors] = useState('');
  const [fatalities, setFatalities] = useState('');
  const [injured, setInjured] = useState('');
  const [abducted, setAbducted] = useState('');
  const [narrative, setNarrative] = useState('');
  const [sourceKind, setSourceKind] = useState<SourceKind>('patrol');
  const [sourceName, setSourceName] = useState('');
  const [reliability, setReliability] = useState<Reliability | ''>('');
  const [credibility, setCredibility] = useState('');
  const [status, setStatus] = useState<IncidentStatus>('unverified');
  const [releasableTo, setReleasableTo] = useState<string[]>(() => [...props.defaultRelease]);
  const { busy, errors, run } = useSubmission(FIELDS);

  const subTypes = props.eventTypes[eventType] ?? [];

  const choosePlace = (place: Place) => {
    setPlaceName(place.name);
    props.onLocation({ lat: place.lat, lon: place.lon });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const incident: NewIncident = {
      occurredAt: toInstant(occurredAt),
      datePrecision,
      eventType,
      subEventType,
      actors: actors.split(',').map((actor) => actor.trim()).filter(Boolean),
      fatalities: optionalCount(fatalities),
      injured: optionalCount(injured),
      abducted: optionalCount(abducted),
      source: {
        kind: sourceKind,
        name: sourceName.trim() || null,
        reliability: reliability || null,
        credibility: credibility ? Number(credibility) : null,
      },
      status,
      releasableTo,
    };
    if (props.location) incident.location = props.location;
    if (placeName.trim()) incident.placeName = placeName.trim();
    if (narrative.trim()) incident.narrative = narrative.trim();
    await run(
      async () => props.onSaved(await createIncident(incident)),
      (error) => (error instanceof Error ? error.message : t('form.failed')),
    );
  };

  const described = (field: string) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': eid(field) } : {};

  return (
    <form className="entity-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="incident-form-title">
      <h2 id="incident-form-title">{t('form.newIncident')}</h2>

      <div className="form-row">
        <div className="field">
          <label htmlFor="incident-occurredAt">{t('form.occurredAt')}</label>
          <DateInput
            id="incident-occurredAt"
            type="datetime-local"
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.target.value)}
            {...described('occurredAt')}
          />
          <FieldError id={eid('occurredAt')} message={errors.occurredAt} />
        </div>
        <div className="field">
          <label htmlFor="incident-datePrecision">{t('form.datePrecision')}</label>
          <select
            id="incident-datePrecision"
            value={datePrecision}
            onChange={(event) => setDatePrecision(event.target.value as DatePrecision)}
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
            ? t('form.coordinates', {
                lat: formatNumber(props.location.lat, i18n.language, 4),
                lon: formatNumber(props.location.lon, i18n.language, 4),
              })
            : t('form.noLocation')}
        </p>
        <button type="button" aria-pressed={props.picking} onClick={() => props.onPickOnMap(!props.picking)}>
          {props.picking ? t('form.picking') : t('form.pickOnMap')}
        </button>
        <PlaceSearch id="incident-place-search" onChoose={choosePlace} />
        <FieldError id={eid('location')} message={errors.location} />
      </fieldset>

      <div className="field">
        <label htmlFor="incident-placeName">{t('form.placeName')}</label>
        <input id="incident-placeName" value={placeName} onChange={(event) => setPlaceName(event.target.value)} {...described('placeName')} />
        <FieldError id={eid('placeName')} message={errors.placeName} />
      </div>

      <div className="field">
        <label htmlFor="incident-eventType">{t('form.eventType')}</label>
        <select
          id="incident-eventType"
          value={eventType}
          onChange={(event) => {
            setEventType(event.target.value);
            setSubEventType('');
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
          value={subEventType}
          onChange={(event) => setSubEventType(event.target.value)}
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
          value={actors}
          placeholder={t('form.actorsHint')}
          onChange={(event) => setActors(event.target.value)}
          {...described('actors')}
        />
        <FieldError id={eid('actors')} message={errors.actors} />
      </div>

      <div className="form-row three">
        {(
          [
            ['fatalities', fatalities, setFatalities],
            ['injured', injured, setInjured],
            ['abducted', abducted, setAbducted],
          ] as const
        ).map(([field, value, setValue]) => (
          <div className="field" key={field}>
            <label htmlFor={`incident-${field}`}>{t(`incident.${field}`)}</label>
            <input
              id={`incident-${field}`}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              {...described(field)}
            />
            <FieldError id={eid(field)} message={errors[field]} />
          </div>
        ))}
      </div>

      <fieldset className="source" {...described('source')}>
        <legend>{t('incident.source')}</legend>
        <div className="form-row">
          <div className="field">
            <label htmlFor="incident-sourceKind">{t('form.sourceKind')}</label>
            <select id="incident-sourceKind" value={sourceKind} onChange={(event) => setSourceKind(event.target.value as SourceKind)}>
              {SOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`sourceKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-sourceName">{t('form.sourceName')}</label>
            <input id="incident-sourceName" value={sourceName} onChange={(event) => setSourceName(event.target.value)} />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="incident-reliability">{t('form.reliability')}</label>
            <select
              id="incident-reliability"
              value={reliability}
              onChange={(event) => setReliability(event.target.value as Reliability | '')}
            >
              <option value="">{t('form.notGraded')}</option>
              {RELIABILITIES.map((grade) => (
                <option key={grade} value={grade}>
                  {t(`reliability.${grade}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="incident-credibility">{t('form.credibility')}</label>
            <select id="incident-credibility" value={credibility} onChange={(event) => setCredibility(event.target.value)}>
              <option value="">{t('form.notGraded')}</option>
              {CREDIBILITIES.map((grade) => (
                <option key={grade} value={String(grade)}>
                  {t(`credibility.${grade}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FieldError id={eid('source')} message={errors.source} />
      </fieldset>

      <div className="field">
        <label htmlFor="incident-status">{t('form.status')}</label>
        <select id="incident-status" value={status} onChange={(event) => setStatus(event.target.value as IncidentStatus)} {...described('status')}>
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
        <textarea id="incident-narrative" rows={3} value={narrative} onChange={(event) => setNarrative(event.target.value)} {...described('narrative')} />
        <FieldError id={eid('narrative')} message={errors.narrative} />
      </div>

      <ReleaseChooser
        idPrefix={FORM}
        partners={props.partners}
        chosen={releasableTo}
        error={errors.releasableTo}
        errorId={eid('releasableTo')}
        onChange={setReleasableTo}
      />

      <FieldError id={eid('form')} message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('form.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
