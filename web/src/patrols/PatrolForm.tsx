import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPatrol, fetchPatrolReporters, updatePatrol } from '../api/endpoints';
import type { Axes, NewPatrol, Patrol, PatrolKind, Unit } from '../api/types';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { localInputValue, toInstant } from '../forms/datetime';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { nationName } from '../i18n/format';
import { DateInput } from '../forms/DateInput';
import { HOUR_MS } from '../../../src/kernel/durations.js';

interface PatrolFormProps {
  /** The draft being changed; a new patrol is planned without it. */
  patrol?: Patrol;
  nodeNation: string;
  nations: readonly string[];
  defaultRelease: readonly string[];
  units: readonly Unit[];
  axes: Axes | null;
  route: [number, number][];
  drawing: boolean;
  onDraw: (on: boolean) => void;
  onClearRoute: () => void;
  onSaved: (patrol: Patrol) => void;
  onCancel: () => void;
}

/** Each field the node may name, with the label the officer reads for it. */
const LABELS: Readonly<Record<string, string>> = {
  name: 'patrol.name',
  kind: 'patrol.kind',
  nations: 'patrol.nations',
  unitIds: 'patrol.units',
  axisId: 'patrol.axis',
  route: 'patrol.route',
  plannedStart: 'patrol.plannedStart',
  plannedEnd: 'patrol.plannedEnd',
  releasableTo: 'release.label',
  leaderUserId: 'patrol.leader',
};
const FIELDS = Object.keys(LABELS);
const FORM = 'patrol';
const eid = (field: string) => errorId(FORM, field);

export function PatrolForm(props: PatrolFormProps) {
  const { t, i18n } = useTranslation();
  const partners = props.nations.filter((nation) => nation !== props.nodeNation);
  const editing = props.patrol;
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<PatrolKind>(editing?.kind ?? 'joint');
  const [nations, setNations] = useState<string[]>(() =>
    editing
      ? [...editing.nations]
      : [
          props.nodeNation,
          // The partners the mechanism shares patrols with are the likely participants.
          ...(props.defaultRelease.length > 0 ? props.defaultRelease : partners.slice(0, 1)),
        ],
  );
  const [unitIds, setUnitIds] = useState<string[]>(() => editing?.units.map((unit) => unit.id) ?? []);
  const [axisId, setAxisId] = useState(editing?.axisId ?? '');
  const [plannedStart, setPlannedStart] = useState(() => localInputValue(editing ? new Date(editing.plannedStart) : new Date(Date.now() + 24 * HOUR_MS)));
  const [plannedEnd, setPlannedEnd] = useState(() => localInputValue(editing ? new Date(editing.plannedEnd) : new Date(Date.now() + 30 * HOUR_MS)));
  const [releasableTo, setReleasableTo] = useState<string[]>(() => [...(editing?.releasableTo ?? props.defaultRelease)]);
  const [leaderUserId, setLeaderUserId] = useState(editing?.leaderUserId ?? '');
  const [reporters, setReporters] = useState<{ id: string; username: string; displayName: string }[]>([]);
  const { busy, errors, run, fixed } = useSubmission(FIELDS, LABELS);

  useEffect(() => {
    let live = true;
    fetchPatrolReporters()
      .then((found) => {
        if (live) setReporters(found);
      })
      // Without the list the planner still plans; the leader is named later.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const participating = kind === 'joint' ? nations : [props.nodeNation];
  const toggleNation = (nation: string, on: boolean) => {
    fixed('nations');
    fixed('unitIds');
    setNations(on ? [...nations, nation] : nations.filter((other) => other !== nation));
    if (on && !releasableTo.includes(nation) && nation !== props.nodeNation) setReleasableTo([...releasableTo, nation]);
  };
  const toggleUnit = (id: string, on: boolean) => {
    fixed('unitIds');
    setUnitIds(on ? [...unitIds, id] : unitIds.filter((other) => other !== id));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenUnits = unitIds.filter((id) => props.units.some((unit) => unit.id === id && participating.includes(unit.nation)));
    const patrol: NewPatrol = {
      name: name.trim(),
      kind,
      nations: participating,
      unitIds: chosenUnits,
      plannedStart: toInstant(plannedStart),
      plannedEnd: toInstant(plannedEnd),
      releasableTo,
      leaderUserId: leaderUserId || null,
    };
    if (axisId) patrol.axisId = axisId;
    else if (props.route.length >= 2) patrol.route = { type: 'LineString', coordinates: props.route };
    else if (editing) Object.assign(patrol, { axisId: null, route: null });
    await run(
      async () => props.onSaved(editing ? await updatePatrol(editing.id, patrol) : await createPatrol(patrol)),
      (error) => (error instanceof Error ? error.message : t('patrol.failed')),
    );
  };

  const described = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': eid(field) } : {});

  return (
    <form className="entity-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="patrol-form-title">
      <h2 id="patrol-form-title">{editing ? t('edit.patrolTitle', { name: editing.name }) : t('patrol.plan')}</h2>
      <div className="field">
        <label htmlFor="patrol-name">{t('patrol.name')}</label>
        <input
          id="patrol-name"
          value={name}
          onChange={(event) => {
            fixed('name');
            setName(event.target.value);
          }}
          {...described('name')}
        />
        <FieldError id={eid('name')} message={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="patrol-kind">{t('patrol.kind')}</label>
        <select
          id="patrol-kind"
          value={kind}
          onChange={(event) => {
            fixed('kind');
            fixed('unitIds');
            setKind(event.target.value as PatrolKind);
          }}
          {...described('kind')}
        >
          <option value="joint">{t('patrol.kinds.joint')}</option>
          <option value="national">{t('patrol.kinds.national')}</option>
        </select>
        <FieldError id={eid('kind')} message={errors.kind} />
      </div>
      {kind === 'joint' && (
        <fieldset {...described('nations')}>
          <legend>{t('patrol.nations')}</legend>
          {props.nations.map((nation) => (
            <label key={nation} className="checkbox">
              <input
                type="checkbox"
                id={`patrol-nation-${nation}`}
                checked={nations.includes(nation)}
                disabled={nation === props.nodeNation}
                onChange={(event) => toggleNation(nation, event.target.checked)}
              />
              {nationName(nation, i18n.language)} ({nation})
            </label>
          ))}
          <FieldError id={eid('nations')} message={errors.nations} />
        </fieldset>
      )}
      <fieldset {...described('unitIds')}>
        <legend>{t('patrol.units')}</legend>
        {participating.map((nation) => (
          <div key={nation} className="unit-group">
            <h3>{t('patrol.unitsOf', { nation: nationName(nation, i18n.language) })}</h3>
            {props.units
              .filter((unit) => unit.nation === nation)
              .map((unit) => (
                <label key={unit.id} className="checkbox">
                  <input
                    type="checkbox"
                    id={`patrol-unit-${unit.id}`}
                    checked={unitIds.includes(unit.id)}
                    onChange={(event) => toggleUnit(unit.id, event.target.checked)}
                  />
                  <span>
                    {unit.name} <span className="hint">({unit.callSign})</span>
                  </span>
                </label>
              ))}
          </div>
        ))}
        <FieldError id={eid('unitIds')} message={errors.unitIds} />
      </fieldset>
      <div className="field">
        <label htmlFor="patrol-axis">{t('patrol.axis')}</label>
        <select
          id="patrol-axis"
          value={axisId}
          onChange={(event) => {
            fixed('axisId');
            fixed('route');
            setAxisId(event.target.value);
          }}
          {...described('axisId')}
        >
          <option value="">{t('patrol.noAxis')}</option>
          {props.axes?.features.map((axis) => (
            <option key={axis.properties.id} value={axis.properties.id}>
              {axis.properties.name}
            </option>
          ))}
        </select>
        <FieldError id={eid('axisId')} message={errors.axisId} />
      </div>
      {!axisId && (
        <div className="field route-draw" {...described('route')}>
          <button
            type="button"
            aria-pressed={props.drawing}
            onClick={() => {
              fixed('route');
              props.onDraw(!props.drawing);
            }}
          >
            {t('patrol.drawRoute')}
          </button>
          <span className="hint">{t('patrol.drawing', { count: props.route.length })}</span>
          {props.route.length > 0 && (
            <button type="button" className="link" onClick={props.onClearRoute}>
              {t('patrol.clearRoute')}
            </button>
          )}
          <FieldError id={eid('route')} message={errors.route} />
        </div>
      )}
      <div className="form-row">
        <div className="field">
          <label htmlFor="patrol-plannedStart">{t('patrol.plannedStart')}</label>
          <DateInput
            id="patrol-plannedStart"
            type="datetime-local"
            value={plannedStart}
            onChange={(value) => {
              fixed('plannedStart');
              setPlannedStart(value);
            }}
            {...described('plannedStart')}
          />
          <FieldError id={eid('plannedStart')} message={errors.plannedStart} />
        </div>
        <div className="field">
          <label htmlFor="patrol-plannedEnd">{t('patrol.plannedEnd')}</label>
          <DateInput
            id="patrol-plannedEnd"
            type="datetime-local"
            value={plannedEnd}
            onChange={(value) => {
              fixed('plannedEnd');
              setPlannedEnd(value);
            }}
            {...described('plannedEnd')}
          />
          <FieldError id={eid('plannedEnd')} message={errors.plannedEnd} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="patrol-leader">{t('patrol.leader')}</label>
        <select
          id="patrol-leader"
          value={leaderUserId}
          onChange={(event) => {
            fixed('leaderUserId');
            setLeaderUserId(event.target.value);
          }}
          {...described('leaderUserId')}
        >
          <option value="">{t('patrol.noLeader')}</option>
          {reporters.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName} ({user.username})
            </option>
          ))}
        </select>
        <FieldError id={eid('leaderUserId')} message={errors.leaderUserId} />
      </div>
      <ReleaseChooser
        idPrefix={FORM}
        partners={partners}
        chosen={releasableTo}
        error={errors.releasableTo}
        errorId={eid('releasableTo')}
        onChange={(chosen) => {
          fixed('releasableTo');
          setReleasableTo(chosen);
        }}
      />
      <FieldError id={eid('form')} message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-verb={editing ? 'patrol.edit' : 'patrol.create'}>
          {editing ? t('edit.save') : t('patrol.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('patrol.cancel')}
        </button>
      </div>
    </form>
  );
}
