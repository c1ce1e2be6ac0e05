import { buffer } from '@turf/buffer';
import { simplify } from '@turf/simplify';
import type { LineString, LonLat, Polygon } from '../kernel/geojson.js';

/**
 * The outer ring of the zone within `radiusKm` of a line, simplified to a tenth of the radius so
 * that it keeps its shape with few vertices. Empty when the line has no zone (no points).
 */
export function ringAroundLine(line: LineString, radiusKm: number): LonLat[] {
  const zone = buffer({ type: 'Feature', geometry: line, properties: {} }, radiusKm, { units: 'kilometers', steps: 4 });
  const geometry = zone?.geometry;
  if (!geometry) return [];
  const outer = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  if (!outer) return [];
  // Tolerance in degrees (a degree is ~111 km), a tenth of the radius.
  const simplified = simplify({ type: 'Polygon', coordinates: [outer] } as Polygon, { tolerance: radiusKm / 1110, highQuality: true });
  return (simplified.coordinates[0] ?? outer) as LonLat[];
}
