import { lineSliceAlong } from '@turf/line-slice-along';
import type { LineString } from '../kernel/geojson.js';

/** The stretch of a line between `fromKm` and `toKm` from its start. */
export function sliceLineKm(line: LineString, fromKm: number, toKm: number): LineString {
  return lineSliceAlong(line, fromKm, toKm, { units: 'kilometers' }).geometry;
}
