/**
 * The one great-circle distance of the code base. Every distance between two points (news events,
 * gazetteer places, imported duplicates, alert targets, nearest sections) goes through it, so two
 * features never disagree on how far apart two places are.
 */

/** Mean Earth radius, the one Turf uses, so distances agree with Turf's other measures. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres between (lon1, lat1) and (lon2, lat2), in degrees. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
