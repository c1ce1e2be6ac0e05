import { splitPeriod } from '../domain/period-split.js';
import type { NationCode } from '../kernel/nation.js';
import { MvtPointLayer } from '../map/mvt-point-layer.js';
import { GRID_LEVELS, TILE_EXTENT, TILE_GRID as GRID, tilePoint, type TileAddress } from '../geo/web-tiles.js';
import { COUNT_LEVELS, type IncidentCellCountRepository } from '../store/incident-cell-counts.js';
import type { IncidentQuery } from '../store/incident-repository.js';
import type { CellCount, IncidentMark, IncidentTileRepository } from '../store/incident-tile-repository.js';

/** The list's filters, as the map's tiles and the per-day counts take them. */
export type IncidentFilters = Omit<IncidentQuery, 'limit' | 'bbox'>;
/** What one tile is made of: the caller's nation, the tile, the list's filters and the tile's box. */
export interface IncidentTileOrder {
  nation: NationCode;
  address: TileAddress;
  query: IncidentFilters & { bbox: [number, number, number, number] };
}

/** The MVT layer the web map draws incidents from (single incidents and counted cells alike). */
export const INCIDENT_LAYER = 'incidents';
/** A tile shows its incidents one by one while they are this many or fewer; counted cells beyond. */
export const MARKS_PER_TILE = 1000;

/**
 * Makes one incident tile (MVT bytes, not compressed) for a nation: from the counts kept per cell
 * at low zoom, else from the incidents, one by one where they fit and counted per cell beyond.
 * It reads only; it runs on the node's thread or on a tile thread of its own (`incident-tile-thread.ts`).
 */
export class IncidentTileMaker {
  constructor(
    private readonly tiles: IncidentTileRepository,
    private readonly cellCounts: IncidentCellCountRepository,
  ) {}

  async make({ nation, address, query }: IncidentTileOrder): Promise<Uint8Array> {
    const fromCounts = await this.fromKeptCounts(nation, address, query);
    if (fromCounts) return fromCounts;
    const marks = await this.tiles.marks(nation, query, MARKS_PER_TILE + 1);
    if (marks.length <= MARKS_PER_TILE) return markTile(address, marks);
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    const grid = { minLon, maxLat, columns: GRID, rows: GRID, cellWidth: (maxLon - minLon) / GRID, cellHeight: (maxLat - minLat) / GRID };
    return cellTile(address, await this.tiles.cellCounts(nation, query, grid));
  }

  /**
   * A tile of a low zoom from the counts kept per cell (migration 0016): its cells summed, or its
   * incidents one by one when the counts say they fit. Undefined where the counts cannot answer:
   * a deep zoom (the incidents are few there), a free-text filter, a period that does not start
   * with a day.
   */
  private async fromKeptCounts(nation: NationCode, address: TileAddress, query: IncidentTileOrder['query']): Promise<Uint8Array | undefined> {
    const level = COUNT_LEVELS.find((l) => l >= address.z + GRID_LEVELS);
    if (level === undefined || query.q?.trim()) return undefined;
    const period = splitPeriod(query.from, query.to);
    if (!period) return undefined;
    const { eventType, section, owner, status } = query;
    const counts = await this.cellCounts.tileCells(nation, { eventType, section, owner, status }, address, level, period);
    if (counts.reduce((total, c) => total + c.count, 0) > MARKS_PER_TILE) return cellTile(address, counts);
    return markTile(address, await this.tiles.marks(nation, query, MARKS_PER_TILE));
  }
}

/** What the map shows of each incident before it is opened: enough to colour, badge and open it. */
function markTile(address: TileAddress, marks: IncidentMark[]): Uint8Array {
  const layer = new MvtPointLayer(INCIDENT_LAYER, TILE_EXTENT);
  for (const mark of marks) {
    const [x, y] = tilePoint(address, mark.lon, mark.lat);
    layer
      .point(x, y)
      .property('id', mark.id)
      .property('eventType', mark.eventType)
      .property('occurredAt', mark.occurredAt)
      .property('owner', mark.owner)
      // The release badge: the nations it is released to, comma-separated ('' for a national record).
      .property('releasableTo', mark.releasableTo.join(','))
      .property('status', mark.status);
  }
  return layer.bytes();
}

/**
 * One point per non-empty cell, at the mean position of its incidents, with their count
 * (`point_count`, as MapLibre names a cluster's), the event type most of them share (to colour it)
 * and a count per event type (`count:<type>`).
 */
function cellTile(address: TileAddress, counts: CellCount[]): Uint8Array {
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
  const layer = new MvtPointLayer(INCIDENT_LAYER, TILE_EXTENT);
  for (const [key, cell] of cells) {
    const types = [...cell.types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const [x, y] = tilePoint(address, cell.lon / cell.total, cell.lat / cell.total);
    layer.point(x, y, key).property('cluster', true).property('point_count', cell.total).property('eventType', types[0]![0]);
    for (const [type, n] of types) layer.property(`count:${type}`, n);
  }
  return layer.bytes();
}
