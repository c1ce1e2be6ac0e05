import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { NationCode } from '../kernel/nation.js';
import { readStringArray } from './columns.js';
import { incidentsMatching, type IncidentQuery } from './incident-repository.js';
import type { Store } from './database.js';
import type { Database } from './schema.js';

/** Cells per degree of the area counters (migration 0012 writes them at this size). */
const AREA_CELLS_PER_DEGREE = 16;

export type TileQuery = Omit<IncidentQuery, 'limit'> & { bbox: [number, number, number, number] };

/** What a single incident shows on the map before it is opened. */
export interface IncidentMark {
  id: string;
  lon: number;
  lat: number;
  eventType: string;
  occurredAt: string;
  owner: string;
  releasableTo: string[];
  status: string;
}

/** A mark's row as SQLite returns it: id, lon, lat, event type, occurred at, owner, releasable to (JSON), status. */
type MarkRow = [string, number, number, string, string, string, string | null, string];

/** Incidents of one event type in one cell of a grid laid over a tile. */
export interface CellCount {
  column: number;
  row: number;
  eventType: string;
  count: number;
  sumLon: number;
  sumLat: number;
}

export interface Grid {
  minLon: number;
  maxLat: number;
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
}

/** The map's reads of incidents: always through `incidentsMatching`, so they agree with the list. */
export class IncidentTileRepository {
  private readonly db: Kysely<Database>;
  private readonly sqlite: SQLite.Database;
  private versionStatement: SQLite.Statement<unknown[], number> | undefined;
  /** The marks' statements, reading rows as arrays (their text varies with the cells a box covers). */
  private readonly markStatements = new LRUCache<string, SQLite.Statement<unknown[], MarkRow>>({ max: 64 });

  constructor(store: Pick<Store, 'db' | 'sqlite'>) {
    this.db = store.db;
    this.sqlite = store.sqlite;
  }

  /**
   * A number that grows each time an incident the viewer may see (or saw) is written in the box:
   * the sum of the viewer's counters over the cells the box touches. Only the viewer's own
   * counters are read, so what partners' officers write moves it and national records do not.
   */
  areaVersion(viewer: NationCode, [minLon, minLat, maxLon, maxLat]: [number, number, number, number]): number {
    const cell = (degrees: number, offset: number) => Math.floor((degrees + offset) * AREA_CELLS_PER_DEGREE);
    // Asked before every tile is sent: one statement prepared once (no query to build per request).
    this.versionStatement ??= this.sqlite
      .prepare<unknown[], number>(
        `SELECT coalesce(sum(version), 0) FROM incident_area_versions
          WHERE audience = ? AND cell_x >= ? AND cell_x <= ? AND cell_y >= ? AND cell_y <= ?`,
      )
      .pluck();
    return Number(this.versionStatement.get(viewer, cell(minLon, 180), cell(maxLon, 180), cell(minLat, 90), cell(maxLat, 90)));
  }

  /** Up to `limit` incidents in the box, newest first (the caller asks one more to learn whether they fit). */
  async marks(viewer: NationCode, query: TileQuery, limit: number): Promise<IncidentMark[]> {
    // The query is built as every read of incidents is (`incidentsMatching`), then run as a statement
    // that returns arrays: a tile reads hundreds of rows a request, and rows made as objects by the
    // driver, then renamed by the query builder, then copied, took as long as SQLite's reading.
    const { sql: text, parameters } = this.marksQuery(viewer, query, limit).compile();
    let statement = this.markStatements.get(text);
    if (!statement || statement.busy) {
      statement = this.sqlite.prepare<unknown[], MarkRow>(text).raw(true);
      this.markStatements.set(text, statement);
    }
    return statement.all(...parameters).map(([id, lon, lat, eventType, occurredAt, owner, releasableTo, status]) => ({
      id,
      lon,
      lat,
      eventType,
      occurredAt,
      owner,
      releasableTo: readStringArray(releasableTo),
      status,
    }));
  }

  /** The read behind `marks`, to run or to look at (its plan is tested); its columns in `MarkRow`'s order. */
  marksQuery(viewer: NationCode, query: TileQuery, limit: number) {
    return incidentsMatching(this.db, viewer, query)
      .select([
        'incidents.id',
        'incidents.lon',
        'incidents.lat',
        'incidents.eventType',
        'incidents.occurredAt',
        'incidents.owner',
        'incidents.releasableTo',
        'incidents.status',
      ])
      .orderBy('incidents.occurredAt', 'desc')
      .orderBy('incidents.seq', 'desc')
      .limit(limit);
  }

  /** The incidents in the box counted per cell of the grid and per event type, summed by SQLite. */
  async cellCounts(viewer: NationCode, query: TileQuery, grid: Grid): Promise<CellCount[]> {
    const column = sql<number>`min(${grid.columns - 1}, max(0, cast((incidents.lon - ${grid.minLon}) / ${grid.cellWidth} as integer)))`;
    const row = sql<number>`min(${grid.rows - 1}, max(0, cast((${grid.maxLat} - incidents.lat) / ${grid.cellHeight} as integer)))`;
    const rows = await incidentsMatching(this.db, viewer, query)
      .select((eb) => [
        column.as('column'),
        row.as('row'),
        'incidents.eventType',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('incidents.lon').as('sumLon'),
        eb.fn.sum<number>('incidents.lat').as('sumLat'),
      ])
      .groupBy([sql`1`, sql`2`, 'incidents.eventType'])
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count), sumLon: Number(r.sumLon), sumLat: Number(r.sumLat) }));
  }

  /** How many incidents matching the list's filters occurred each day (UTC), oldest first. */
  async dailyCounts(viewer: NationCode, query: Omit<IncidentQuery, 'limit'>): Promise<{ day: string; count: number }[]> {
    const day = sql<string>`substr(incidents.occurred_at, 1, 10)`;
    const rows = await incidentsMatching(this.db, viewer, query)
      .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('count')])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }
}
