import type { IncidentQuery } from '../api/endpoints';
import type { IncidentStatus } from '../api/types';

/** What the officer filters the picture by; dates are `YYYY-MM-DD` from date inputs. */
export interface IncidentFilter {
  /** Free text, searched by the node. */
  q: string;
  from: string;
  to: string;
  eventType: string;
  section: string;
  owner: string;
  /** Blank: every status. */
  status: IncidentStatus | '';
  inView: boolean;
}

export const NO_FILTER: IncidentFilter = {
  q: '',
  from: '',
  to: '',
  eventType: '',
  section: '',
  owner: '',
  status: '',
  inView: true,
};

/**
 * A page of the list: the newest incidents matching the filters (and the visible area, when the
 * list keeps to it). The map draws every incident from the node's tiles; the list asks for more
 * pages when the officer wants them.
 */
export const INCIDENT_LIMIT = 500;

/** A day as a date field gives it; what is still being typed (or unreadable) filters nothing. */
export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function toQuery(filter: IncidentFilter): IncidentQuery {
  return {
    q: filter.q.trim() || undefined,
    from: isDay(filter.from) ? `${filter.from}T00:00:00.000Z` : undefined,
    to: isDay(filter.to) ? `${filter.to}T23:59:59.999Z` : undefined,
    eventType: filter.eventType || undefined,
    section: filter.section || undefined,
    owner: filter.owner || undefined,
    status: filter.status || undefined,
    limit: INCIDENT_LIMIT,
  };
}

/** Same filter applied in the browser, so that the list and map agree whatever the server honours. */
export function matchesFilter(
  incident: { occurredAt: string; eventType: string; section: string | null; owner: string; status: string },
  filter: IncidentFilter,
): boolean {
  const day = incident.occurredAt.slice(0, 10);
  if (isDay(filter.from) && day < filter.from) return false;
  if (isDay(filter.to) && day > filter.to) return false;
  if (filter.eventType && incident.eventType !== filter.eventType) return false;
  if (filter.section && incident.section !== filter.section) return false;
  if (filter.owner && incident.owner !== filter.owner) return false;
  if (filter.status && incident.status !== filter.status) return false;
  return true;
}
