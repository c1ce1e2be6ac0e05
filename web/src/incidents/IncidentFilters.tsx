import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES } from '../api/types';
import { eventTypeLabel } from '../i18n/taxonomy';
import { NO_FILTER, type IncidentFilter } from './filters';
import { DateInput } from '../forms/DateInput';

interface IncidentFiltersProps {
  filter: IncidentFilter;
  eventTypes: readonly string[];
  sections: readonly string[];
  nations: readonly string[];
  onChange: (filter: IncidentFilter) => void;
}

export function IncidentFilters({ filter, eventTypes, sections, nations, onChange }: IncidentFiltersProps) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof IncidentFilter>(key: K, value: IncidentFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <fieldset className="filters">
      <legend>{t('filters.title')}</legend>
      <div className="filter-row">
        <label>
          {t('filters.from')}
          <DateInput type="date" value={filter.from} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label>
          {t('filters.to')}
          <DateInput type="date" value={filter.to} onChange={(event) => set('to', event.target.value)} />
        </label>
      </div>
      <div className="filter-row">
        <label>
          {t('filters.eventType')}
          <select value={filter.eventType} onChange={(event) => set('eventType', event.target.value)} data-testid="filter-type">
            <option value="">{t('filters.any')}</option>
            {eventTypes.map((eventType) => (
              <option key={eventType} value={eventType}>
                {eventTypeLabel(eventType, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.section')}
          <select value={filter.section} onChange={(event) => set('section', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {sections.map((section) => (
              <option key={section} value={section}>
                {section}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <label>
          {t('filters.owner')}
          <select value={filter.owner} onChange={(event) => set('owner', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {nations.map((nation) => (
              <option key={nation} value={nation}>
                {nation}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.status')}
          <select value={filter.status} onChange={(event) => set('status', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <label className="checkbox">
          <input type="checkbox" checked={filter.inView} onChange={(event) => set('inView', event.target.checked)} />
          {t('filters.inView')}
        </label>
        <button type="button" className="link" onClick={() => onChange(NO_FILTER)}>
          {t('filters.reset')}
        </button>
      </div>
    </fieldset>
  );
}
