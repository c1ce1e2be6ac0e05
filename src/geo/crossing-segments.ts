import type { Box } from './box-around.js';
import { inBox } from './box-around.js';
import { clipLine } from './clip-line.js';

/** A reported position of a track: whose, when (ISO instant) and where. */
export interface TimedPosition {
  patrolId: string;
  at: string;
  lon: number;
  lat: number;
}

/**
 * Each track's first and last instants among `points` (sorted by track then time): the stretch of
 * it drawn from a tile's read box, the `drawn` that `crossingSegments` leaves out.
 */
export function stretchesOf(points: readonly TimedPosition[]): Map<string, { first: string; last: string }> {
  const stretches = new Map<string, { first: string; last: string }>();
  for (const point of points) {
    const stretch = stretches.get(point.patrolId);
    if (stretch) stretch.last = point.at;
    else stretches.set(point.patrolId, { first: point.at, last: point.at });
  }
  return stretches;
}

/**
 * A segment's key, from its first position: a patrol's positions follow one another by time, so the
 * patrol and the first instant name the segment whichever read found it (the index of long
 * segments, or the positions around a tile).
 */
export function segmentKey(first: TimedPosition): string {
  return `${first.patrolId}\u0000${first.at}`;
}

/**
 * Whether the segment from `a` to `b` (two positions in a row of one track) crosses the tile with
 * no end in its read box and outside the stretch of that track already drawn from the read box
 * (`drawn`: its first and last instants there): such a segment is drawn as a stretch of its own.
 */
export function crossesUndrawn(a: TimedPosition, b: TimedPosition, tile: Box, read: Box, drawn: ReadonlyMap<string, { first: string; last: string }>): boolean {
  const [minLon, minLat, maxLon, maxLat] = tile;
  if (inBox([a.lon, a.lat], read) || inBox([b.lon, b.lat], read)) return false;
  // Both ends beyond one edge of the tile: the segment cannot meet it.
  if (Math.max(a.lon, b.lon) < minLon || Math.min(a.lon, b.lon) > maxLon || Math.max(a.lat, b.lat) < minLat || Math.min(a.lat, b.lat) > maxLat) return false;
  const stretch = drawn.get(a.patrolId);
  if (stretch && a.at >= stretch.first && b.at <= stretch.last) return false;
  const segment: [number, number][] = [
    [a.lon, a.lat],
    [b.lon, b.lat],
  ];
  return clipLine(segment, tile).length > 0;
}

/**
 * Segments that may cross a tile with no end in its read box: two positions in a row of the same
 * track (in `near`, sorted by track then time) that `crossesUndrawn`. Whether no position of the
 * track lies between the two (it may have left the wider box and come back) is for the caller to
 * ask of the store.
 */
export function crossingSegments<P extends TimedPosition>(
  near: readonly P[],
  tile: Box,
  read: Box,
  drawn: ReadonlyMap<string, { first: string; last: string }>,
): [P, P][] {
  const segments: [P, P][] = [];
  for (let i = 1; i < near.length; i++) {
    const [a, b] = [near[i - 1]!, near[i]!];
    if (a.patrolId === b.patrolId && crossesUndrawn(a, b, tile, read, drawn)) segments.push([a, b]);
  }
  return segments;
}
