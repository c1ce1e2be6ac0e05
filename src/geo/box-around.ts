import { bbox } from '@turf/bbox';
import type { LineString, LonLat } from '../kernel/geojson.js';

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/**
 * The bounding box of a line grown by at least `km` on every side: a cheap test that rules out
 * points too far from the line before measuring their exact distance.
 */
export function boxAround(line: LineString, km: number): Box {
  const [minLon, minLat, maxLon, maxLat] = bbox(line) as Box;
  // A degree of latitude is ~111 km; of longitude, less away from the equator.
  const dLat = km / 111;
  const cos = Math.max(0.1, Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  const dLon = km / (111 * cos);
  return [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
}

export function inBox(point: LonLat, box: Box): boolean {
  return point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3];
}
