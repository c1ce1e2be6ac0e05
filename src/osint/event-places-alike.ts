/**
 * Whether two events read in one article happened at one place, at three strengths: the same
 * place (within 25 km), places that may be one (within 60 km, or one of them unknown), and the
 * same name however it is written (« TOMINIAN » and « Tominian »).
 */
import { foldName } from '../geo/gazetteer.js';
import { haversineKm } from '../geo/great-circle.js';
import type { ExtractedEvent } from './article.js';

/** Two events' places are one: within 25 km; or the first has no coordinates. */
export function samePlace(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.lat === null || a.lon === null) return true;
  return b.lat !== null && b.lon !== null && haversineKm(a.lon, a.lat, b.lon, b.lat) <= 25;
}

/** Two events' places may be one: same name, one unknown or unplaced, or within 60 km. */
export function closePlaces(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.location === null || b.location === null || a.location === b.location) return true;
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return true;
  return haversineKm(a.lon, a.lat, b.lon, b.lat) <= 60;
}

/** Two events' places bear the same name, whatever its case and accents. */
export function samePlaceName(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return a.location !== null && b.location !== null && foldName(a.location) === foldName(b.location);
}
