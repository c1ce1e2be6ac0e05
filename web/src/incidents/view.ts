import type { IncidentFeature } from '../api/types';
import { DAY_MS } from '../../../src/kernel/durations.js';

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

/** The bounds as the API's `bbox` (minLon,minLat,maxLon,maxLat), kept within WGS 84. */
export function bboxParam([west, south, east, north]: Bounds): string {
  const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value)).toFixed(5);
  return [clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)].join(',');
}

/** One bar of the chart: incidents from `day` (UTC) over `days` days. */
export interface Bar {
  day: string;
  days: number;
  count: number;
}

/** Above this many days the bars count weeks, and above three years, months: bars stay readable. */
const DAYS_PER_DAY_BAR = 120;
const DAYS_PER_WEEK_BAR = 3 * 366;

/** How many incidents occurred on a day (UTC), as the node counts them. */
export interface DayCount {
  day: string;
  count: number;
}

/**
 * Incidents per day, week or month over exactly the period listed: the filter's dates when set,
 * otherwise from the first day with incidents to the last. Empty stretches show as gaps.
 */
export function incidentBars(
  perDay: readonly DayCount[],
  from: string | null,
  to: string | null,
): { unit: 'day' | 'week' | 'month'; bars: Bar[]; first: string; last: string } {
  const days: number[] = [];
  const onDay = new Map<number, number>();
  for (const { day, count } of perDay) {
    const time = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(time)) continue;
    days.push(Math.floor(time / DAY_MS));
    onDay.set(Math.floor(time / DAY_MS), count);
  }
  if (days.length === 0 && !(from && to)) return { unit: 'day', bars: [], first: '', last: '' };
  const first = from ? Math.floor(Date.parse(`${from}T00:00:00Z`) / DAY_MS) : Math.min(...days);
  const last = to ? Math.floor(Date.parse(`${to}T00:00:00Z`) / DAY_MS) : Math.max(...days);
  const span = last - first + 1;
  const unit = span <= DAYS_PER_DAY_BAR ? 'day' : span <= DAYS_PER_WEEK_BAR ? 'week' : 'month';
  const startOf = (day: number) => {
    if (unit === 'day') return day;
    if (unit === 'week') return first + Math.floor((day - first) / 7) * 7;
    const date = new Date(day * DAY_MS);
    return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
  };
  const counts = new Map<number, number>();
  for (const day of days) if (day >= first && day <= last) counts.set(startOf(day), (counts.get(startOf(day)) ?? 0) + onDay.get(day)!);
  const bars: Bar[] = [];
  for (let start = startOf(first); start <= last; ) {
    const date = new Date(start * DAY_MS);
    const next = unit === 'day' ? start + 1 : unit === 'week' ? start + 7 : Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS);
    bars.push({ day: date.toISOString().slice(0, 10), days: next - start, count: counts.get(start) ?? 0 });
    start = next;
  }
  const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return { unit, bars, first: dayText(first), last: dayText(last) };
}
