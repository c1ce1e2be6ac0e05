import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { Mechanism } from '../domain/mechanism.js';
import { showsPartnersPositions } from '../domain/sovereignty.js';
import { clipLine } from '../geo/clip-line.js';
import { simplifyLine } from '../geo/simplify-line.js';
import { isTileAddress, MAX_TILE_ZOOM, TILE_EXTENT, tileBounds, tilePosition, type TileAddress } from '../geo/web-tiles.js';
import {
  LONG_SEGMENT_DEGREES,
  TRACK_LEVELS,
  type DeepTileBoxes,
  type TrackFilters,
  type TrackPoint,
  type TrackTileRepository,
  type TrackViewer,
} from '../store/track-tile-repository.js';
import { tagOf, tileCache } from './tile-cache.js';
import { COVERAGE_LAYER, POINT_BUDGET, countedDays, coverageLevelFor, coverageSquares, estimatedPoints } from './track-coverage.js';

export type { TrackFilters } from '../store/track-tile-repository.js';

/** The MVT layer the web map draws patrol tracks from: one line per patrol per tile (`COVERAGE_LAYER` instead at low zoom). */
export const TRACK_LAYER = 'tracks';
/** Changes when what a tile says about the same data changes, so that browsers drop old copies. */
const TRACK_FORMAT = 'tracks-4';
/**
 * How far a track is drawn beyond the tile's edge, in tile units (1/64 of the tile), so that the
 * line joins its neighbour's without a seam; positions are read a little further out still.
 */
const BUFFER = 64;
const READ_MARGIN = 1 / 8;
/** Douglas–Peucker tolerance in tile units: one pixel of a 512-pixel tile. */
const TOLERANCE = TILE_EXTENT / 512;
/**
 * A tile of zoom z reads the thinned points of the first level at least this much deeper (cells of
 * at most 8 pixels); from the zoom where no level is deep enough, every position.
 */
const LEVELS_BELOW_TILE = 6;

interface TileLineFeature {
  id: number;
  type: 2;
  geometry: [number, number][][];
  tags: Record<string, string | number>;
}

export interface TrackTile {
  etag: string;
  /** The tile gzipped; absent when the caller's copy (If-None-Match) is still the tile. */
  body?: Buffer;
}

/** The thinned level a zoom reads, or undefined where it reads every position. */
export function trackLevelFor(z: number): number | undefined {
  return TRACK_LEVELS.find((level) => level >= z + LEVELS_BELOW_TILE);
}

/**
 * Patrol tracks as vector tiles made for the caller's nation: only the positions it may be shown
 * (the owner's, and those of partners' patrols released to it when the position policy names it),
 * thinned for the zoom, one line per patrol clipped to the tile; at low zoom, where the lines
 * would exceed the budget of points, the patrol coverage of the same patrols instead. The ETag
 * names the nation, the filters, the tile and the caller's own counters of positions written in
 * the tile's area (a change of releasability moves them too).
 */
export class TrackTileService {
  private readonly made = tileCache(
    async (request: { viewer: TrackViewer; address: TileAddress; box: [number, number, number, number]; filters: TrackFilters }) => {
      const { viewer, address, box, filters } = request;
      const level = trackLevelFor(address.z);
      const coverage = await this.coverage(viewer, address, filters, level);
      if (coverage) return encode({ [COVERAGE_LAYER]: coverage });
      const points =
        level === undefined
          ? await this.tracks.positions(viewer, deepTileBoxes(address, box), filters)
          : await this.tracks.vertices(viewer, level, box, filters);
      return encode({ [TRACK_LAYER]: trackLines(address, points) });
    },
  );

  constructor(
    private readonly tracks: TrackTileRepository,
    private readonly mechanism: Pick<Mechanism, 'sharingPolicy'>,
  ) {}

  /**
   * The tile's patrol coverage, where its lines would hold more than the budget of points: counted
   * from the viewer's kept patrol-days (never from a patrol it may not be shown), so that a tile
   * stays small whatever the number of positions. Undefined where the tile draws lines: deep
   * zooms, one patrol asked for, or few enough points.
   */
  private async coverage(viewer: TrackViewer, address: TileAddress, filters: TrackFilters, lineLevel: number | undefined) {
    const level = coverageLevelFor(address.z);
    const days = countedDays(filters);
    if (level === undefined || lineLevel === undefined || filters.patrol !== undefined || days === undefined) return undefined;
    const cells = await this.tracks.coverage(viewer, level, tileBounds(address), days);
    if (estimatedPoints(cells, level, lineLevel) <= POINT_BUDGET) return undefined;
    return coverageSquares(address, level, cells);
  }

  async tile(actor: Actor, address: TileAddress, filters: TrackFilters, ifNoneMatch?: string): Promise<TrackTile> {
    if (!isTileAddress(address)) throw new DiboliError('ERR_BAD_TILE', { z: address.z, x: address.x, y: address.y, max: MAX_TILE_ZOOM }, 'x');
    if (filters.from && filters.to && filters.from > filters.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    const viewer = { nation: actor.nation, mechanism: this.mechanism };
    const box = readBox(address);
    const version = this.tracks.areaVersion(viewer, box);
    const shown = showsPartnersPositions(this.mechanism, actor.nation);
    const { from, to, patrol } = filters;
    const etag = tagOf([TRACK_FORMAT, actor.nation, shown, address.z, address.x, address.y, from ?? null, to ?? null, patrol ?? null, version]);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return { etag };
    return { etag, body: await this.made(etag, { viewer, address, box, filters }) };
  }
}

/** The tile's box in degrees, widened by the read margin on each side. */
function readBox(address: TileAddress): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
  const dLon = (maxLon - minLon) * READ_MARGIN;
  const dLat = (maxLat - minLat) * READ_MARGIN;
  return [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
}

/**
 * A deep tile's boxes: the tile, where its positions are read, and, where the read margin is
 * narrower than the index of long segments' threshold, the box a shorter segment crossing the tile
 * may start in: the tile widened by that threshold. A segment with no end in the read box that
 * meets the tile has its ends further apart than the margin in longitude or latitude; where the
 * margin is at least the threshold, every such segment is in the index (migration 0021).
 */
export function deepTileBoxes(address: TileAddress, read: [number, number, number, number]): DeepTileBoxes {
  const tile = tileBounds(address);
  const margin = Math.min(tile[0] - read[0], tile[1] - read[1], read[2] - tile[2], read[3] - tile[3]);
  if (margin >= LONG_SEGMENT_DEGREES) return { tile, read };
  const d = LONG_SEGMENT_DEGREES;
  return { tile, read, crossing: [tile[0] - d, tile[1] - d, tile[2] + d, tile[3] + d] };
}

/** One feature per patrol (points come sorted by patrol, then time): simplified, then clipped. */
export function trackLines(address: TileAddress, points: readonly TrackPoint[]): TileLineFeature[] {
  const features: TileLineFeature[] = [];
  const clipBox: [number, number, number, number] = [-BUFFER, -BUFFER, TILE_EXTENT + BUFFER, TILE_EXTENT + BUFFER];
  let start = 0;
  while (start < points.length) {
    const patrolId = points[start]!.patrolId;
    let end = start + 1;
    // A patrol's points are one line until another patrol's, or a stretch of its own not joined to them.
    while (end < points.length && points[end]!.patrolId === patrolId && !points[end]!.startsRun) end++;
    const line = points.slice(start, end).map((p) => tilePosition(address, p.lon, p.lat));
    const parts = clipLine(simplifyLine(line, TOLERANCE), clipBox)
      .map((part) => dropRepeats(part.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number])))
      .filter((part) => part.length >= 2);
    if (parts.length > 0) features.push({ id: features.length + 1, type: 2, geometry: parts, tags: { patrol: patrolId } });
    start = end;
  }
  return features;
}

function dropRepeats(line: [number, number][]): [number, number][] {
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]);
}

function encode(layers: Record<string, readonly { id: number; type: 2 | 3 }[]>): Buffer {
  const named = Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, { features }])) as unknown as Parameters<typeof fromGeojsonVt>[0];
  const bytes = fromGeojsonVt(named, { version: 2, extent: TILE_EXTENT });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
