import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DebriefForm } from './DebriefForm';
import { ObservationForm } from './ObservationForm';
import { timeOfDay } from './PatrolList';
import type { Recorder } from './recorder';
import { INTERVALS_S } from './rules';
import type { PatrolOnDevice } from './store';

function intervalLabel(seconds: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  return seconds < 60 ? t('field.interval.seconds', { count: seconds }) : t('field.interval.minutes', { count: seconds / 60 });
}

/** One patrol: start, pause, end, observations and the debrief, each recorded on the device first. */
export function PatrolScreen({
  patrol,
  recorder,
  eventTypes,
  gpsProblem,
  onBack,
}: {
  patrol: PatrolOnDevice;
  recorder: Recorder;
  eventTypes: string[];
  gpsProblem: string | null;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [observing, setObserving] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { localStatus: status } = patrol;

  if (observing) {
    return (
      <ObservationForm
        eventTypes={eventTypes}
        lastFix={patrol.lastFix}
        onCancel={() => setObserving(false)}
        onSave={async (input) => {
          await recorder.observation(patrol.id, input);
          setObserving(false);
        }}
      />
    );
  }

  return (
    <section className="field-patrol">
      <button type="button" className="field-back" onClick={onBack}>
        ← {t('field.patrols.title')}
      </button>
      <p className="field-code field-code-large" data-testid="patrol-code">
        {patrol.patrol.code}
      </p>
      <h1>{patrol.patrol.name}</h1>
      <p>
        {timeOfDay(patrol.patrol.plannedStart, i18n.language)} – {timeOfDay(patrol.patrol.plannedEnd, i18n.language)} ·{' '}
        <span className={`field-status-badge field-${status}`} data-testid="patrol-status">
          {t(`field.status.${status}`, { defaultValue: status })}
        </span>
      </p>

      {status === 'approved' && (
        <button type="button" className="field-primary field-go" onClick={() => void recorder.start(patrol.id)}>
          {t('field.actions.start')}
        </button>
      )}

      {status === 'underway' && (
        <>
          <p className="field-tracking" data-testid="positions" data-count={patrol.positions}>
            {patrol.tracking ? t('field.tracking.on') : t('field.tracking.paused')} · {t('field.tracking.positions', { count: patrol.positions })}
          </p>
          {gpsProblem && (
            <p className="field-error" role="alert">
              {t(gpsProblem === 'denied' ? 'field.tracking.denied' : 'field.tracking.noSignal')}
            </p>
          )}
          <fieldset className="field-intervals">
            <legend>{t('field.interval.label')}</legend>
            {INTERVALS_S.map((seconds) => (
              <label key={seconds} className={patrol.intervalS === seconds ? 'field-chosen' : undefined}>
                <input
                  type="radio"
                  name="interval"
                  checked={patrol.intervalS === seconds}
                  onChange={() => void recorder.track(patrol.id, patrol.tracking, seconds)}
                />
                {intervalLabel(seconds, t)}
              </label>
            ))}
          </fieldset>
          <div className="field-actions">
            <button type="button" onClick={() => void recorder.track(patrol.id, !patrol.tracking)}>
              {patrol.tracking ? t('field.actions.pause') : t('field.actions.resume')}
            </button>
            <button type="button" className="field-primary" onClick={() => setObserving(true)}>
              {t('field.actions.observe')}
            </button>
            {confirmEnd ? (
              <button type="button" className="field-danger" onClick={() => void recorder.complete(patrol.id).then(() => setConfirmEnd(false))}>
                {t('field.actions.confirmEnd')}
              </button>
            ) : (
              <button type="button" className="field-danger" onClick={() => setConfirmEnd(true)}>
                {t('field.actions.end')}
              </button>
            )}
          </div>
          <p>{t('field.tracking.observations', { count: patrol.observations })}</p>
        </>
      )}

      {status === 'completed' &&
        (patrol.debriefSent ? (
          <p className="field-done" data-testid="debrief-done">
            {t('field.debrief.done')}
          </p>
        ) : (
          <DebriefForm onSave={(text) => recorder.debrief(patrol.id, text)} />
        ))}

      {(status === 'draft' || status === 'proposed') && <p>{t('field.patrols.notApproved')}</p>}
      {status === 'cancelled' && <p className="field-error">{t('field.patrols.cancelled')}</p>}
    </section>
  );
}
