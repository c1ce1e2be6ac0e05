import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { updateIncident } from '../api/endpoints';
import type { Incident, IncidentFeature, IncidentStatus, User } from '../api/types';
import { ConfirmButton } from '../forms/ConfirmButton';
import { formatDateTime, formatNumber, formatOccurred } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';
import { canWrite } from '../session/permissions';
import { ReleaseBadge } from '../shell/ReleaseBadge';
import { VersionHistory } from './VersionHistory';

interface IncidentDetailsProps {
  incident: IncidentFeature;
  user: User;
  /** Opens the section the incident counts towards (its threat level and history). */
  onOpenSection?: (sectionId: string) => void;
  onEdit: (incident: Incident) => void;
  onChanged: (incident: Incident) => void;
}

export function recordOf(feature: IncidentFeature): Incident {
  const [lon, lat] = feature.geometry.coordinates as [number, number];
  return { ...feature.properties, location: { lat, lon } };
}

export function IncidentDetails({ incident, user, onOpenSection, onEdit, onChanged }: IncidentDetailsProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const p = incident.properties;
  const [lon, lat] = incident.geometry.coordinates as [number, number];
  const count = (value: number | null) => (value === null ? t('incident.unknown') : formatNumber(value, i18n.language, 0));
  const grading = [p.source.reliability, p.source.credibility].filter((part) => part !== null).join('');
  // The owner nation's officers change it, on its own node; a partner's copy is read-only here.
  const editable = canWrite(user, 'incident.edit', p);

  const setStatus = async (status: IncidentStatus) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await updateIncident(p.id, { status }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('form.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="details incident-details" data-testid="incident-details" data-status={p.status}>
      <h2>
        {subEventTypeLabel(p.subEventType, i18n.language)}
        <ReleaseBadge owner={p.owner} releasableTo={p.releasableTo} />
      </h2>
      {editable && (
        <div className="record-actions">
          <button type="button" className="primary" data-verb="incident.edit" onClick={() => onEdit(recordOf(incident))}>
            {t('edit.edit')}
          </button>
          {p.status !== 'confirmed' && (
            <button type="button" disabled={busy} data-verb="incident.edit" onClick={() => void setStatus('confirmed')}>
              {t('edit.confirm')}
            </button>
          )}
          {p.status !== 'refuted' && (
            <ConfirmButton
              label={t('edit.refute')}
              question={t('edit.refuteQuestion')}
              confirm={t('edit.refute')}
              disabled={busy}
              verb="incident.edit"
              onConfirm={() => void setStatus('refuted')}
            />
          )}
        </div>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <dl>
        <dt>{t('incident.eventType')}</dt>
        <dd>{eventTypeLabel(p.eventType, i18n.language)}</dd>
        <dt>{t('incident.occurredAt')}</dt>
        <dd>{formatOccurred(p.occurredAt, p.datePrecision, i18n.language)}</dd>
        <dt>{t('incident.place')}</dt>
        <dd>
          {p.placeName ?? t('incident.unknown')} ({formatNumber(lat, i18n.language, 4)}, {formatNumber(lon, i18n.language, 4)})
        </dd>
        <dt>{t('incident.section')}</dt>
        <dd>
          {p.section && onOpenSection ? (
            <button type="button" className="link section-link" onClick={() => onOpenSection(p.section!)}>
              {p.section}
            </button>
          ) : (
            (p.section ?? t('incident.noSection'))
          )}
        </dd>
        <dt>{t('incident.actors')}</dt>
        <dd>{p.actors.length ? p.actors.join(', ') : t('incident.unknown')}</dd>
        <dt>{t('incident.fatalities')}</dt>
        <dd data-testid="incident-fatalities">{count(p.fatalities)}</dd>
        <dt>{t('incident.injured')}</dt>
        <dd>{count(p.injured)}</dd>
        <dt>{t('incident.abducted')}</dt>
        <dd>{count(p.abducted)}</dd>
        <dt>{t('incident.source')}</dt>
        <dd>
          {t(`sourceKind.${p.source.kind}`)}
          {p.source.name ? ` — ${p.source.name}` : ''}
        </dd>
        <dt>{t('incident.grading')}</dt>
        <dd>{grading || t('incident.unknown')}</dd>
        <dt>{t('incident.status')}</dt>
        <dd data-testid="incident-status">{t(`status.${p.status}`)}</dd>
        <dt>{t('incident.version')}</dt>
        <dd>
          {p.version} · {formatDateTime(p.updatedAt, i18n.language)}
        </dd>
      </dl>
      {p.narrative && (
        <>
          <h3>{t('incident.narrative')}</h3>
          <p className="narrative">{p.narrative}</p>
        </>
      )}
      <VersionHistory id={p.id} version={p.version} />
    </article>
  );
}
