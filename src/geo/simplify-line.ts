import { simplify } from '@turf/simplify';
import type { LineString } from '../kernel/geojson.js';

type Point = [number, number];

/**
 * A line with the points dropped that stray less than `tolerance` from it (Douglas–Peucker), in
 * the line's own units: the map's tiles simplify in tile units, so one tolerance fits every zoom.
 */
export function simplifyLine(line: readonly Point[], tolerance: number): Point[] {
  if (line.length < 3) return [...line];
  const simplified = simplify({ type: 'LineString', coordinates: line as Point[] } as LineString, { tolerance, highQuality: true });
  return simplified.coordinates as Point[];
}
