import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, type Borders, type Sections } from '../api/types';
import { DateInput } from '../forms/DateInput';
import { nationName } from '../i18n/format';
import { eventTypeLabel } from '../i18n/taxonomy';
import { NO_FILTER, type IncidentFilter } from './filters';

interface IncidentFiltersProps {
  filter: IncidentFilter;
  eventTypes: readonly string[];
  sections: Sections | null;
  borders: Borders | null;
  nations: readonly string[];
  onChange: (filter: IncidentFilter) => void;
}

/** How long typing may pause before the node is asked: one search per word, not per key. */
const SEARCH_PAUSE_MS = 350;

/** The sections of each border, in order along it: a hundred codes are read border by border. */
function sectionsByBorder(sections: Sections | null, borders: Borders | null, language: string): { label: string; ids: string[] }[] {
  const groups = new Map<string, { index: number; id: string }[]>();
  for (const feature of sections?.features ?? []) {
    const { borderId, index, id } = feature.properties;
    groups.set(borderId, [...(groups.get(borderId) ?? []), { index, id }]);
  }
  return [...groups]
    .map(([borderId, members]) => {
      const nations = borders?.features.find((border) => border.properties.id === borderId)?.properties.nations ?? borderId.split('-');
      return {
        label: nations.map((nation) => nationName(nation, language)).join(' – '),
        ids: members.sort((a, b) => a.index - b.index).map((member) => member.id),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

export function IncidentFilters({ filter, eventTypes, sections, borders, nations, onChange }: IncidentFiltersProps) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof IncidentFilter>(key: K, value: IncidentFilter[K]) => onChange({ ...filter, [key]: value });
  const [search, setSearch] = useState(filter.q);
  const groups = useMemo(() => sectionsByBorder(sections, borders, i18n.language), [sections, borders, i18n.language]);

  // The list is searched once typing pauses; a reset empties the box at once.
  useEffect(() => setSearch(filter.q), [filter.q]);
  useEffect(() => {
    if (search === filter.q) return;
    const timer = setTimeout(() => onChange({ ...filter, q: search }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  return (
    <fieldset className="filters">
      <legend>{t('filters.title')}</legend>
      <div className="filter-row single">
        <label>
          {t('search.label')}
          <input
            type="search"
            value={search}
            placeholder={t('search.hint')}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="incident-search"
          />
        </label>
      </div>
      <div className="filter-row">
        <label>
          {t('filters.from')}
          <DateInput type="date" value={filter.from} onChange={(value) => set('from', value)} />
        </label>
        <label>
          {t('filters.to')}
          <DateInput type="date" value={filter.to} onChange={(value) => set('to', value)} />
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
          <select value={filter.section} onChange={(event) => set('section', event.target.value)} data-testid="filter-section">
            <option value="">{t('filters.any')}</option>
            {groups.map((group) => (
              <optgroup key={group.label} label={t('filters.border', { nations: group.label })}>
                {group.ids.map((section) => (
                  <option key={section} value={section}>
                    {section}
                  </option>
                ))}
              </optgroup>
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
                {nationName(nation, i18n.language)} ({nation})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.status')}
          <select value={filter.status} onChange={(event) => set('status', INCIDENT_STATUSES.find((status) => status === event.target.value) ?? '')}>
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
