import { useTranslation } from 'react-i18next';
import type { IncidentFeature } from '../api/types';
import { formatOccurred } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';
import { eventTypeColour } from '../map/palette';
import { ReleaseBadge } from '../shell/ReleaseBadge';

interface IncidentRowProps {
  incident: IncidentFeature;
  selected: boolean;
  onOpen: (incident: IncidentFeature) => void;
}

export function IncidentRow({ incident, selected, onOpen }: IncidentRowProps) {
  const { t, i18n } = useTranslation();
  const p = incident.properties;
  return (
    <button
      type="button"
      className={`incident-row${selected ? ' selected' : ''}`}
      onClick={() => onOpen(incident)}
      data-incident-id={p.id}
      aria-current={selected || undefined}
    >
      <span className="type-dot" style={{ background: eventTypeColour(p.eventType) }} aria-hidden="true" />
      <span className="row-main">
        <span className="row-title">
          {subEventTypeLabel(p.subEventType, i18n.language)}
          <span className="row-type"> · {eventTypeLabel(p.eventType, i18n.language)}</span>
        </span>
        <span className="row-meta">
          {formatOccurred(p.occurredAt, p.datePrecision, i18n.language)}
          {' · '}
          {p.placeName ?? t('incident.unknown')}
          {p.section ? ` · ${p.section}` : ''}
          {' · '}
          {t(`status.${p.status}`)}
        </span>
      </span>
      <ReleaseBadge owner={p.owner} releasableTo={p.releasableTo} />
    </button>
  );
}
