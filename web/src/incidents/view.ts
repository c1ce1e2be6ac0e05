import type { Feature, Point } from 'geojson';
import type { IncidentFeature } from '../api/types';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export function withinBounds(incident: IncidentFeature, bounds: Bounds): boolean {
  const [lon, lat] = incident.geometry.coordinates as [number, number];
  const [west, south, east, north] = bounds;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** ISO instants in UTC order as plain strings; a collator would cost ten times more for nothing. */
export function newestFirst(incidents: readonly IncidentFeature[]): IncidentFeature[] {
  return [...incidents].sort((a, b) => {
    const first = a.properties.occurredAt;
    const second = b.properties.occurredAt;
    return first < second ? 1 : first > second ? -1 : 0;
  });
}

/**
 * What the map needs of an incident: where it is, its type for the colour and its id for a click.
 * Sending the whole record would have the map's worker copy and index every narrative and actor.
 */
export function mapFeature(incident: IncidentFeature): Feature<Point, { id: string; eventType: string }> {
  return {
    type: 'Feature',
    geometry: incident.geometry,
    properties: { id: incident.properties.id, eventType: incident.properties.eventType },
  };
}

export interface DayCount {
  /** First day of the bar, `YYYY-MM-DD` (UTC). */
  day: string;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * Incidents per day between the first and the last one, empty days included so that a quiet
 * stretch shows as a gap; capped to the most recent `maxDays` days to keep bars readable.
 */
export function incidentsPerDay(incidents: readonly IncidentFeature[], maxDays = 90): DayCount[] {
  const counts = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const incident of incidents) {
    const time = Date.parse(incident.properties.occurredAt);
    if (Number.isNaN(time)) continue;
    const day = Math.floor(time / DAY_MS);
    counts.set(day, (counts.get(day) ?? 0) + 1);
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  if (!Number.isFinite(first)) return [];
  const start = Math.max(first, last - maxDays + 1);
  const bars: DayCount[] = [];
  for (let day = start; day <= last; day += 1) {
    bars.push({ day: new Date(day * DAY_MS).toISOString().slice(0, 10), count: counts.get(day) ?? 0 });
  }
  return bars;
}
