import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import type { IncidentFeature } from '../api/types';
import { IncidentRow } from './IncidentRow';

const ROW_HEIGHT = 58;
const OVERSCAN = 8;

interface IncidentListProps {
  incidents: readonly IncidentFeature[];
  selectedId: string | null;
  onOpen: (incident: IncidentFeature) => void;
}

/**
 * Only the rows in sight are in the page: ten thousand incidents in view must not cost ten
 * thousand DOM nodes.
 */
export function IncidentList({ incidents, selectedId, onOpen }: IncidentListProps) {
  const { t, i18n } = useTranslation();
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const list = useRef<HTMLDivElement>(null);
  const empty = incidents.length === 0;
  // Watched rather than read at each render: reading the height forces the page to lay itself out,
  // and the list renders again at every move of the map.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, [empty]);
  if (empty) return <p className="empty">{t('list.empty')}</p>;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(incidents.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return (
    <div className="incident-list" data-testid="incident-list" ref={list} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul
        style={{ height: incidents.length * ROW_HEIGHT }}
        aria-label={t('list.count', { count: incidents.length, shown: formatNumber(incidents.length, i18n.language, 0) })}
      >
        {incidents.slice(first, last).map((incident, offset) => (
          <li key={incident.properties.id} style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}>
            <IncidentRow incident={incident} selected={incident.properties.id === selectedId} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </div>
  );
}
