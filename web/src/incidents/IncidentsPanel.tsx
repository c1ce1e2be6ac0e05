import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import type { IncidentFeature } from '../api/types';
import type { IncidentFilter } from './filters';
import { IncidentFilters } from './IncidentFilters';
import { IncidentList } from './IncidentList';
import { Timeline } from './Timeline';

interface IncidentsPanelProps {
  filter: IncidentFilter;
  onFilter: (filter: IncidentFilter) => void;
  eventTypes: readonly string[];
  sections: readonly string[];
  nations: readonly string[];
  incidents: readonly IncidentFeature[];
  loading: boolean;
  failure: string | null;
  selectedId: string | null;
  canReport: boolean;
  onOpen: (incident: IncidentFeature) => void;
  onNew: () => void;
}

export function IncidentsPanel(props: IncidentsPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="incidents-panel">
      <div className="panel-toolbar">
        <p className="count" data-testid="incident-count" aria-live="polite">
          {props.loading ? t('list.loading') : t('list.count', { count: props.incidents.length, shown: formatNumber(props.incidents.length, i18n.language, 0) })}
        </p>
        {props.canReport && (
          <button type="button" className="primary" onClick={props.onNew}>
            {t('list.newIncident')}
          </button>
        )}
      </div>
      <IncidentFilters
        filter={props.filter}
        eventTypes={props.eventTypes}
        sections={props.sections}
        nations={props.nations}
        onChange={props.onFilter}
      />
      <Timeline incidents={props.incidents} />
      {props.failure && (
        <p className="form-error" role="alert">
          {t('error.loading', { message: props.failure })}
        </p>
      )}
      <IncidentList incidents={props.incidents} selectedId={props.selectedId} onOpen={props.onOpen} />
    </div>
  );
}
