import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { LineString, LonLat } from '../kernel/geojson.js';

/** Shortest distance in kilometres from a point to a line (a section, an axis, a patrol's path). */
export function distanceToLineKm(point: LonLat, line: LineString): number {
  return pointToLineDistance(point, line, { units: 'kilometers' });
}
