import { splitDays } from '../domain/period-split.js';
import { TILE_EXTENT, tilePosition, type TileAddress } from '../geo/web-tiles.js';
import { COUNTED_LEVELS, type CountedDays, type CoverageCell, type TrackFilters } from '../store/track-tile-repository.js';

/** The MVT layer of patrol coverage: one square per cell, property `patrolDays`. */
export const COVERAGE_LAYER = 'coverage';
/**
 * Above this many track points a tile carries coverage instead of lines. Measured at 10 million
 * positions: a tile of 2,400 points was made in 18 / 25 ms (p50 / p95), one of 13,500 in 39 / 59 ms;
 * a tile of 5,000 stays within 50 ms and draws an area's patrols legibly as lines.
 */
export const POINT_BUDGET = 5_000;
/**
 * A tile's coverage reads the finest counted level with cells of at least 8 pixels of a 512-pixel
 * tile (64 cells a side), or else the coarsest; never cells wider than 32 pixels (16 a side).
 */
const FINEST_BELOW_TILE = 6;
const COARSEST_BELOW_TILE = 4;
/** How far a square is drawn beyond the tile's edge, in tile units, so that none shows a seam. */
const BUFFER = 64;

interface TileAreaFeature {
  id: number;
  type: 3;
  geometry: [number, number][][];
  tags: Record<string, string | number>;
}

/** The counted level a zoom's coverage is read from, or undefined where tiles always draw lines. */
export function coverageLevelFor(z: number): number | undefined {
  const level = COUNTED_LEVELS.findLast((l) => l <= z + FINEST_BELOW_TILE) ?? COUNTED_LEVELS[0];
  return level >= z + COARSEST_BELOW_TILE ? level : undefined;
}

/**
 * The whole days the period's coverage counts: from the day of `from` to the day of `to`, both
 * whole (a patrol-day is one patrol in one cell on one UTC day). Undefined when an end does not
 * start with a day, so that the tile draws lines from the positions.
 */
export function countedDays({ from, to }: TrackFilters): CountedDays | undefined {
  const day = (instant: string | undefined) => (instant === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.test(instant) ? instant.slice(0, 10) : null);
  const [first, last] = [day(from), day(to)];
  if (first === null || last === null) return undefined;
  if (first !== undefined && last !== undefined && first > last) return { years: null, months: [], weeks: [], days: [] };
  return splitDays({ first, last });
}

/**
 * About how many points the tile's lines would hold: a patrol-day in a counted cell is one point
 * where lines read the same level, and where they read a level deeper by `d`, the line crosses
 * about 2^d of its cells.
 */
export function estimatedPoints(cells: readonly CoverageCell[], level: number, lineLevel: number): number {
  const total = cells.reduce((sum, cell) => sum + cell.patrolDays, 0);
  return total * 2 ** Math.max(0, lineLevel - level);
}

/** One square per counted cell, in tile units, cut a little beyond the tile's edges. */
export function coverageSquares(address: TileAddress, level: number, cells: readonly CoverageCell[]): TileAreaFeature[] {
  const size = 360 / 2 ** level;
  const clip = (v: number) => Math.round(Math.min(TILE_EXTENT + BUFFER, Math.max(-BUFFER, v)));
  const features: TileAreaFeature[] = [];
  for (const cell of cells) {
    const [west, south] = [cell.cellX * size - 180, cell.cellY * size - 180];
    const [x0, y0] = tilePosition(address, west, south + size).map(clip) as [number, number];
    const [x1, y1] = tilePosition(address, west + size, south).map(clip) as [number, number];
    if (x0 === x1 || y0 === y1) continue;
    // Clockwise on the screen (y grows southwards): the outer ring of an MVT polygon.
    const ring: [number, number][] = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ];
    features.push({ id: features.length + 1, type: 3, geometry: [ring], tags: { patrolDays: cell.patrolDays } });
  }
  return features;
}
