import type { Patrol } from '../contracts/patrol.js';
import { DAY_MS } from '../kernel/durations.js';
import type { LineString } from '../kernel/geojson.js';
import { COT_UNKNOWN, markingLine, type CotEvent, type CotMarking } from './cot-event.js';

/**
 * Strategic axes and patrols' planned routes as CoT routes (`b-m-r`): the event's point is the
 * route's start, its waypoints are `<link>` children in order, as ATAK writes its own routes.
 */
export const ROUTE_COT_TYPE = 'b-m-r';
export const AXIS_UID_PREFIX = 'diboli.axis.';
export const PATROL_ROUTE_UID_PREFIX = 'diboli.route.';

/** A route's waypoints kept for a TAK client at most: a longer line is thinned evenly, its ends kept. */
export const MAX_ROUTE_POINTS = 200;

function thinned(coordinates: readonly (readonly number[])[]): (readonly number[])[] {
  if (coordinates.length <= MAX_ROUTE_POINTS) return [...coordinates];
  const step = (coordinates.length - 1) / (MAX_ROUTE_POINTS - 1);
  return Array.from({ length: MAX_ROUTE_POINTS }, (_, i) => coordinates[Math.round(i * step)]!);
}

function routeEvent(uid: string, name: string, line: LineString, remarks: string, marking: CotMarking | undefined, now: Date, staleMs: number): CotEvent {
  const points = thinned(line.coordinates);
  const [lon, lat] = points[0] ?? [0, 0];
  return {
    uid,
    type: ROUTE_COT_TYPE,
    how: 'h-e',
    time: now.toISOString(),
    start: now.toISOString(),
    stale: new Date(now.getTime() + staleMs).toISOString(),
    point: { lat: lat!, lon: lon!, hae: COT_UNKNOWN, ce: COT_UNKNOWN, le: COT_UNKNOWN },
    detail: {
      callsign: name,
      route: points.map(([x, y], i) => ({ uid: `${uid}.${i}`, callsign: `${name} ${i + 1}`, lat: y!, lon: x! })),
      remarks,
      ...(marking ? { marking } : {}),
    },
  };
}

/** An axis is the mechanism's shared geography, the same for every nation: no owner to mark. */
export function axisToCot(axis: { id: string; name: string; nations: readonly string[]; geometry: LineString }, now: Date): CotEvent {
  return routeEvent(`${AXIS_UID_PREFIX}${axis.id}`, axis.name, axis.geometry, `Strategic axis (${axis.nations.join(', ')})`, undefined, now, 7 * DAY_MS);
}

/** A patrol's planned route, or undefined when it has none; valid until the patrol's planned end. */
export function patrolRouteToCot(patrol: Patrol, now: Date): CotEvent | undefined {
  if (!patrol.route || patrol.route.coordinates.length < 2) return undefined;
  const remarks = [markingLine(patrol), `Patrol ${patrol.name} (${patrol.status})`, `${patrol.plannedStart} → ${patrol.plannedEnd}`].join('\n');
  const until = Math.max(Date.parse(patrol.plannedEnd) - now.getTime(), DAY_MS);
  return routeEvent(
    `${PATROL_ROUTE_UID_PREFIX}${patrol.id}`,
    patrol.name,
    patrol.route,
    remarks,
    { owner: patrol.owner, releasableTo: patrol.releasableTo },
    now,
    until,
  );
}
