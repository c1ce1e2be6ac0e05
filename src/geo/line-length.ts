import { length } from '@turf/length';
import type { LineString } from '../kernel/geojson.js';

/** Length of a line in kilometres, along the ground. */
export function lineLengthKm(line: LineString): number {
  return length({ type: 'Feature', geometry: line, properties: {} }, { units: 'kilometers' });
}
