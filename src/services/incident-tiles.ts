import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { DiboliError } from '../domain/errors.js';
import { splitPeriod } from '../domain/period-split.js';
import type { Actor } from '../domain/user.js';
import { GRID_LEVELS, isTileAddress, TILE_EXTENT, TILE_GRID as GRID, tileBounds, tilePoint, type TileAddress, MAX_TILE_ZOOM } from '../geo/web-tiles.js';
import { COUNT_LEVELS, type IncidentCellCountRepository } from '../store/incident-cell-counts.js';
import type { IncidentQuery } from '../store/incident-repository.js';
import type { CellCount, IncidentMark, IncidentTileRepository } from '../store/incident-tile-repository.js';
import { tagOf, tileCache } from './tile-cache.js';

/** The list's filters, as the map's tiles and the per-day counts take them. */
export type IncidentFilters = Omit<IncidentQuery, 'limit' | 'bbox'>;

/** The MVT layer the web map draws incidents from (single incidents and counted cells alike). */
export const INCIDENT_LAYER = 'incidents';
/** A tile shows its incidents one by one while they are this many or fewer; counted cells beyond. */
export const MARKS_PER_TILE = 1000;
/** Changes when what a tile says about the same data changes, so that browsers drop old copies. */
const TILE_FORMAT = 'incidents-2';

/** A point feature as vt-pbf writes it: tile coordinates and plain properties. */
interface TilePointFeature {
  id?: number;
  type: 1;
  geometry: [number, number][];
  tags: Record<string, string | number | boolean>;
}

export interface IncidentTile {
  etag: string;
  /** The tile gzipped; absent when the caller's copy (If-None-Match) is still the tile. */
  body?: Buffer;
}

/**
 * Incidents as vector tiles made for the caller's nation. A tile's ETag names the caller's nation,
 * the filters, the tile and the version of the caller's incidents in its area (see migration
 * 0012): the same copy is sent again, or 304, until an incident that nation may see is written
 * there. Tiles are kept by ETag, so a copy is never served to a nation it was not made for.
 */
export class IncidentTileService {
  private readonly made = tileCache((request: { actor: Actor; address: TileAddress; query: IncidentFilters & { bbox: [number, number, number, number] } }) =>
    this.make(request.actor, request.address, request.query),
  );

  constructor(
    private readonly tiles: IncidentTileRepository,
    private readonly cellCounts: IncidentCellCountRepository,
  ) {}

  async tile(actor: Actor, address: TileAddress, filters: IncidentFilters, ifNoneMatch?: string): Promise<IncidentTile> {
    if (!isTileAddress(address)) throw new DiboliError('ERR_BAD_TILE', { z: address.z, x: address.x, y: address.y, max: MAX_TILE_ZOOM }, 'x');
    checkPeriod(filters);
    const bbox = tileBounds(address);
    const version = await this.tiles.areaVersion(actor.nation, bbox);
    const etag = tagOf([TILE_FORMAT, actor.nation, address.z, address.x, address.y, filterKey(filters), version]);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return { etag };
    return { etag, body: await this.made(etag, { actor, address, query: { ...filters, bbox } }) };
  }

  /**
   * Incidents per day for the list's filters: over the whole area from the counts kept by day,
   * within a box (or with free text, or a period that does not start with a day) by counting them.
   */
  async dailyCounts(actor: Actor, query: Omit<IncidentQuery, 'limit'>): Promise<{ day: string; count: number }[]> {
    checkPeriod(query);
    const period = query.bbox || query.q?.trim() ? null : splitPeriod(query.from, query.to);
    if (!period) return this.tiles.dailyCounts(actor.nation, query);
    const { eventType, section, owner, status } = query;
    return this.cellCounts.dailyCounts(actor.nation, { eventType, section, owner, status }, period);
  }

  private async make(actor: Actor, address: TileAddress, query: IncidentFilters & { bbox: [number, number, number, number] }): Promise<Buffer> {
    const fromCounts = await this.fromKeptCounts(actor, address, query);
    if (fromCounts) return fromCounts;
    const marks = await this.tiles.marks(actor.nation, query, MARKS_PER_TILE + 1);
    if (marks.length <= MARKS_PER_TILE) return encode(marks.map((mark) => markFeature(address, mark)));
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    const grid = { minLon, maxLat, columns: GRID, rows: GRID, cellWidth: (maxLon - minLon) / GRID, cellHeight: (maxLat - minLat) / GRID };
    return encode(cellFeatures(address, await this.tiles.cellCounts(actor.nation, query, grid)));
  }

  /**
   * A tile of a low zoom from the counts kept per cell (migration 0016): its cells summed, or its
   * incidents one by one when the counts say they fit. Undefined where the counts cannot answer:
   * a deep zoom (the incidents are few there), a free-text filter, a period that does not start
   * with a day.
   */
  private async fromKeptCounts(
    actor: Actor,
    address: TileAddress,
    query: IncidentFilters & { bbox: [number, number, number, number] },
  ): Promise<Buffer | undefined> {
    const level = COUNT_LEVELS.find((l) => l >= address.z + GRID_LEVELS);
    if (level === undefined || query.q?.trim()) return undefined;
    const period = splitPeriod(query.from, query.to);
    if (!period) return undefined;
    const { eventType, section, owner, status } = query;
    const counts = await this.cellCounts.tileCells(actor.nation, { eventType, section, owner, status }, address, level, period);
    if (counts.reduce((total, c) => total + c.count, 0) > MARKS_PER_TILE) return encode(cellFeatures(address, counts));
    const marks = await this.tiles.marks(actor.nation, query, MARKS_PER_TILE);
    return encode(marks.map((mark) => markFeature(address, mark)));
  }
}

function checkPeriod(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from > query.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
}

function filterKey(filters: IncidentFilters): string {
  const { from, to, eventType, section, owner, status, q } = filters;
  return JSON.stringify([from ?? null, to ?? null, eventType ?? null, section ?? null, owner ?? null, status ?? null, q?.trim() || null]);
}

/** What the map shows of one incident before it is opened: enough to colour, badge and open it. */
function markFeature(address: TileAddress, mark: IncidentMark): TilePointFeature {
  return {
    type: 1,
    geometry: [tilePoint(address, mark.lon, mark.lat)],
    tags: {
      id: mark.id,
      eventType: mark.eventType,
      occurredAt: mark.occurredAt,
      owner: mark.owner,
      // The release badge: the nations it is released to, comma-separated ('' for a national record).
      releasableTo: mark.releasableTo.join(','),
      status: mark.status,
    },
  };
}

/**
 * One point per non-empty cell, at the mean position of its incidents, with their count
 * (`point_count`, as MapLibre names a cluster's), the event type most of them share (to colour it)
 * and a count per event type (`count:<type>`).
 */
function cellFeatures(address: TileAddress, counts: CellCount[]): TilePointFeature[] {
  const cells = new Map<number, { total: number; lon: number; lat: number; types: Map<string, number> }>();
  for (const c of counts) {
    const key = c.row * GRID + c.column;
    const cell = cells.get(key) ?? { total: 0, lon: 0, lat: 0, types: new Map<string, number>() };
    cell.total += c.count;
    cell.lon += c.sumLon;
    cell.lat += c.sumLat;
    cell.types.set(c.eventType, (cell.types.get(c.eventType) ?? 0) + c.count);
    cells.set(key, cell);
  }
  return [...cells].map(([key, cell]) => {
    const types = [...cell.types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      id: key,
      type: 1,
      geometry: [tilePoint(address, cell.lon / cell.total, cell.lat / cell.total)],
      tags: {
        cluster: true,
        point_count: cell.total,
        eventType: types[0]![0],
        ...Object.fromEntries(types.map(([type, n]) => [`count:${type}`, n])),
      },
    };
  });
}

function encode(features: TilePointFeature[]): Buffer {
  const layer = { features } as unknown as Parameters<typeof fromGeojsonVt>[0][string];
  const bytes = fromGeojsonVt({ [INCIDENT_LAYER]: layer }, { version: 2, extent: TILE_EXTENT });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
