import { along } from '@turf/along';
import type { LineString, LonLat } from '../kernel/geojson.js';

/** The point `km` kilometres from the start of a line (its end if the line is shorter). */
export function pointAlongKm(line: LineString, km: number): LonLat {
  return along(line, km, { units: 'kilometers' }).geometry.coordinates as LonLat;
}
