import { DiboliError } from '../domain/errors.js';
import { splitPeriod } from '../domain/period-split.js';
import type { Actor } from '../domain/user.js';
import { isTileAddress, tileBounds, type TileAddress, MAX_TILE_ZOOM } from '../geo/web-tiles.js';
import type { IncidentCellCountRepository } from '../store/incident-cell-counts.js';
import type { IncidentQuery } from '../store/incident-repository.js';
import type { IncidentTileRepository } from '../store/incident-tile-repository.js';
import { IncidentTileMaker, type IncidentFilters, type IncidentTileOrder } from './incident-tile-maker.js';
import { tagOf, tileCache } from './tile-cache.js';
import type { TileThreads } from './tile-threads.js';

export { INCIDENT_LAYER, MARKS_PER_TILE, type IncidentFilters } from './incident-tile-maker.js';

/** Changes when what a tile says about the same data changes, so that browsers drop old copies. */
const TILE_FORMAT = 'incidents-2';

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
  private readonly maker: IncidentTileMaker;
  private readonly made = tileCache(async (order: IncidentTileOrder) => {
    const bytes = await (this.threads ? this.threads.make(order) : this.maker.make(order));
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });

  /** `threads`: where tiles are made when not on the node's thread (see `tile-threads.ts`). */
  constructor(
    private readonly tiles: IncidentTileRepository,
    private readonly cellCounts: IncidentCellCountRepository,
    private readonly threads?: TileThreads,
  ) {
    this.maker = new IncidentTileMaker(tiles, cellCounts);
  }

  async tile(actor: Actor, address: TileAddress, filters: IncidentFilters, ifNoneMatch?: string): Promise<IncidentTile> {
    if (!isTileAddress(address)) throw new DiboliError('ERR_BAD_TILE', { z: address.z, x: address.x, y: address.y, max: MAX_TILE_ZOOM }, 'x');
    checkPeriod(filters);
    const bbox = tileBounds(address);
    const version = this.tiles.areaVersion(actor.nation, bbox);
    const etag = tagOf([TILE_FORMAT, actor.nation, address.z, address.x, address.y, filterKey(filters), version]);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return { etag };
    return { etag, body: await this.made(etag, { nation: actor.nation, address, query: { ...filters, bbox } }) };
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

  /** Stops the tile threads, if any. */
  async close(): Promise<void> {
    await this.threads?.close();
  }
}

function checkPeriod(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from > query.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
}

function filterKey(filters: IncidentFilters): string {
  const { from, to, eventType, section, owner, status, q } = filters;
  return JSON.stringify([from ?? null, to ?? null, eventType ?? null, section ?? null, owner ?? null, status ?? null, q?.trim() || null]);
}
