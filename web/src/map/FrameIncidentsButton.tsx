import { useTranslation } from 'react-i18next';
import type { IncidentQuery } from '../api/endpoints';
import { frameOfIncidents } from '../incidents/useIncidentList';
import type { Bounds } from '../incidents/view';

/** Moves the map to the frame of the incidents the filters select, asked of the node. */
export function FrameIncidentsButton({ query, disabled, onFrame }: { query: IncidentQuery; disabled: boolean; onFrame: (bounds: Bounds) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="map-frame-incidents"
      disabled={disabled}
      onClick={() =>
        void frameOfIncidents(query).then(
          (around) => around && onFrame(around),
          () => undefined,
        )
      }
    >
      {t('map.frameIncidents')}
    </button>
  );
}
