import { useTranslation } from 'react-i18next';
import type { IncidentQuery } from '../api/endpoints';
import type { Borders, IncidentFeature, Sections } from '../api/types';
import { formatNumber } from '../i18n/format';
import { ExportLinks } from './ExportLinks';
import { INCIDENT_LIMIT, isDay, type IncidentFilter } from './filters';
import { bboxParam, type Bounds, type DayCount } from './view';
import { IncidentFilters } from './IncidentFilters';
import { IncidentList } from './IncidentList';
import { Timeline } from './Timeline';

interface IncidentsPanelProps {
  filter: IncidentFilter;
  onFilter: (filter: IncidentFilter) => void;
  /** The list's filters as the node reads them (the exports take the same). */
  query: IncidentQuery;
  eventTypes: readonly string[];
  sections: Sections | null;
  borders: Borders | null;
  nations: readonly string[];
  incidents: readonly IncidentFeature[];
  /** The node's count per day of the incidents matching the filters (and the visible area, when the list is limited to it). */
  perDay: readonly DayCount[];
  /** How many incidents match in all (the node's count), or null while it is being counted. */
  total: number | null;
  /** The list holds a full page: more may be asked for. */
  hasMore: boolean;
  onMore: () => void;
  /** The visible area, when the list is limited to it. */
  bounds: Bounds | null;
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
          {props.loading || props.total === null
            ? t('list.loading')
            : t('list.count', { count: props.total, shown: formatNumber(props.total, i18n.language, 0) })}
        </p>
        {props.canReport && (
          <button type="button" className="primary" data-verb="incident.create" onClick={props.onNew}>
            {t('list.newIncident')}
          </button>
        )}
      </div>
      <IncidentFilters
        filter={props.filter}
        eventTypes={props.eventTypes}
        sections={props.sections}
        borders={props.borders}
        nations={props.nations}
        onChange={props.onFilter}
      />
      <Timeline perDay={props.perDay} from={isDay(props.filter.from) ? props.filter.from : null} to={isDay(props.filter.to) ? props.filter.to : null} />
      <ExportLinks query={props.query} bbox={props.filter.inView && props.bounds ? bboxParam(props.bounds) : null} />
      {props.failure && (
        <p className="form-error" role="alert">
          {t('error.loading', { message: props.failure })}
        </p>
      )}
      <IncidentList incidents={props.incidents} selectedId={props.selectedId} onOpen={props.onOpen} />
      {props.hasMore && (
        <button type="button" className="list-more" onClick={props.onMore}>
          {t('list.more', { count: INCIDENT_LIMIT })}
        </button>
      )}
    </div>
  );
}
