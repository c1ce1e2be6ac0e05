import { bboxClip } from '@turf/bbox-clip';

type Point = [number, number];

/**
 * The parts of a line inside a box [minX, minY, maxX, maxY], cut where the line crosses its edge;
 * each part keeps two points or more. Planar: the map's tiles clip in their own units.
 */
export function clipLine(line: readonly Point[], box: [number, number, number, number]): Point[][] {
  if (line.length < 2) return [];
  const clipped = bboxClip({ type: 'LineString', coordinates: line as Point[] }, box).geometry;
  const parts = clipped.type === 'MultiLineString' ? clipped.coordinates : clipped.type === 'LineString' ? [clipped.coordinates] : [];
  return parts.filter((part) => part.length >= 2) as Point[][];
}
