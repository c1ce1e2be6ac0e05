import { useTranslation } from 'react-i18next';
import type { IncidentFeature } from '../api/types';
import { formatDateTime, formatNumber, formatOccurred } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';
import { ReleaseBadge } from '../shell/ReleaseBadge';

interface IncidentDetailsProps {
  incident: IncidentFeature;
  /** Opens the section the incident counts towards (its threat level and history). */
  onOpenSection?: (sectionId: string) => void;
}

export function IncidentDetails({ incident, onOpenSection }: IncidentDetailsProps) {
  const { t, i18n } = useTranslation();
  const p = incident.properties;
  const [lon, lat] = incident.geometry.coordinates as [number, number];
  const count = (value: number | null) => (value === null ? t('incident.unknown') : formatNumber(value, i18n.language, 0));
  const grading = [p.source.reliability, p.source.credibility].filter((part) => part !== null).join('');
  return (
    <article className="details incident-details" data-testid="incident-details">
      <h2>
        {subEventTypeLabel(p.subEventType, i18n.language)}
        <ReleaseBadge owner={p.owner} releasableTo={p.releasableTo} />
      </h2>
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
            p.section ?? t('incident.noSection')
          )}
        </dd>
        <dt>{t('incident.actors')}</dt>
        <dd>{p.actors.length ? p.actors.join(', ') : t('incident.unknown')}</dd>
        <dt>{t('incident.fatalities')}</dt>
        <dd>{count(p.fatalities)}</dd>
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
        <dd>{t(`status.${p.status}`)}</dd>
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
    </article>
  );
}
