import type SQLite from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { PeriodSplit } from '../domain/period-split.js';
import type { Mechanism } from '../domain/mechanism.js';
import { showsPartnersPositions } from '../domain/sovereignty.js';
import { inBox } from '../geo/box-around.js';
import { crossesUndrawn, crossingSegments, segmentKey, stretchesOf } from '../geo/crossing-segments.js';
import type { NationCode } from '../kernel/nation.js';
import { AREA_INDEX_LEVEL, VERSION_CELLS_PER_DEGREE } from './migrations/0017-track-vertices.js';
import { positionsVisibleTo } from './sovereignty.js';
import type { Store } from './database.js';
import type { Database } from './schema.js';

export { TRACK_LEVELS } from './migrations/0017-track-vertices.js';
export { COUNTED_LEVELS } from './migrations/0019-track-cell-counts.js';
export { LONG_SEGMENT_DEGREES } from './migrations/0021-track-long-segments.js';

type Box = [number, number, number, number];

/** The filters of the track tiles: the period (ISO instants, inclusive) and one patrol. */
export interface TrackFilters {
  from?: string;
  to?: string;
  patrol?: string;
}

/** Who reads: the nation, and the mechanism whose position policy applies. */
export interface TrackViewer {
  nation: NationCode;
  mechanism: Pick<Mechanism, 'sharingPolicy'>;
}

/** Patrol-days counted in one cell of a level's grid (migration 0019). */
export interface CoverageCell {
  cellX: number;
  cellY: number;
  patrolDays: number;
}

/** The parts of a period of whole days that kept counts answer: years, then months, weeks and days. */
export type CountedDays = Pick<PeriodSplit, 'years' | 'months' | 'weeks' | 'days'>;

export interface TrackPoint {
  patrolId: string;
  at: string;
  lon: number;
  lat: number;
  /** The first point of a stretch of the patrol's track not joined to the points before it. */
  startsRun?: true;
}

/**
 * A deep tile, the box its positions are read from, and the wider box where a segment too short
 * for the index of long segments (migration 0021) may start and still cross the tile (if any).
 */
export interface DeepTileBoxes {
  tile: Box;
  read: Box;
  crossing?: Box;
}

/** Cells of `level` (360/2^level degrees a side) a range of degrees touches. */
function cells(min: number, max: number, level: number): [number, number] {
  const cell = (degrees: number) => Math.floor(((degrees + 180) / 360) * 2 ** level);
  return [cell(min), cell(max)];
}

/** Patrols whose stretches one read asks for: each names three values, well within SQLite's limits. */
const STRETCHES_PER_READ = 200;

/**
 * The patrol named by `column` is one whose positions the viewer may be shown. Asked patrol by
 * patrol (the primary key), not as the list of every patrol the viewer may be shown: SQLite built
 * that list afresh for each tile, 5 ms with ten thousand patrols.
 */
function visiblePatrol(viewer: TrackViewer, column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM patrols WHERE patrols.id = ${sql.ref(column)} AND ${positionsVisibleTo(viewer.nation, viewer.mechanism)})`;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The map's reads of patrol positions (migration 0017). Every read keeps only the patrols whose
 * positions the viewer may be shown (`positionsVisibleTo`), so a track tile cannot hold a point
 * the JSON track route would not give the same caller.
 */
export class TrackTileRepository {
  private readonly db: Kysely<Database>;
  private readonly sqlite: SQLite.Database;
  private versionStatement: SQLite.Statement<unknown[], number> | undefined;

  constructor(store: Pick<Store, 'db' | 'sqlite'>) {
    this.db = store.db;
    this.sqlite = store.sqlite;
  }

  /**
   * A number that grows each time a position the viewer may be shown is written in the box, or a
   * patrol's releasability changes: the viewer's own counters only (partners' patrols only when
   * the policy shows it their positions).
   */
  areaVersion(viewer: TrackViewer, [minLon, minLat, maxLon, maxLat]: Box): number {
    const cell = (degrees: number, offset: number) => Math.floor((degrees + offset) * VERSION_CELLS_PER_DEGREE);
    // Asked before every tile is sent: one statement prepared once. Built by the query builder on
    // each request, it took 0.13 ms of a zoom 6 tile's 1.4 ms in the node (p50 over 300 tiles).
    this.versionStatement ??= this.sqlite
      .prepare<unknown[], number>(
        `SELECT coalesce(sum(version), 0) FROM track_area_versions
          WHERE audience = ? AND partners <= ?
            AND ((cell_x = -1 AND cell_y = -1) OR (cell_x >= ? AND cell_x <= ? AND cell_y >= ? AND cell_y <= ?))`,
      )
      .pluck();
    const partners = showsPartnersPositions(viewer.mechanism, viewer.nation) ? 1 : 0;
    return Number(this.versionStatement.get(viewer.nation, partners, cell(minLon, 180), cell(maxLon, 180), cell(minLat, 90), cell(maxLat, 90)));
  }

  /** The thinned track points of `level` in the box, by patrol and time. */
  async vertices(viewer: TrackViewer, level: number, [minLon, minLat, maxLon, maxLat]: Box, filters: TrackFilters): Promise<TrackPoint[]> {
    const [x0, x1] = cells(minLon, maxLon, level);
    const [y0, y1] = cells(minLat, maxLat, level);
    let query = this.db
      .selectFrom('trackVertices')
      .select(['patrolId', 'at', 'lon', 'lat'])
      .where('level', '=', level)
      // One seek per column of cells: a range on cell_x would read whole columns.
      .where('cellX', 'in', range(x0, x1))
      .where('cellY', '>=', y0)
      .where('cellY', '<=', y1);
    query = this.filtered('trackVertices', query, viewer, filters);
    return query.orderBy('patrolId').orderBy('at').execute();
  }

  /**
   * Patrol-days of the patrols whose positions the viewer may be shown, per cell of `level` in
   * the box, over whole days: one read per part of the period (its years, the months beside them,
   * the weeks and days beside those), each seeking its cells' rows of that span.
   */
  async coverage(viewer: TrackViewer, level: number, [minLon, minLat, maxLon, maxLat]: Box, days: CountedDays): Promise<CoverageCell[]> {
    const [x0, x1] = cells(minLon, maxLon, level);
    const [y0, y1] = cells(minLat, maxLat, level);
    const parts = [
      ...(days.years ? [{ span: 'y', ...days.years }] : []),
      ...days.months.map((months) => ({ span: 'm', ...months })),
      ...days.weeks.map((weeks) => ({ span: 'w', ...weeks })),
      ...days.days.map((range) => ({ span: 'd', ...range })),
    ];
    const summed = new Map<number, CoverageCell>();
    for (const part of parts) {
      let query = this.db
        .selectFrom('trackCellCounts')
        .where('level', '=', level)
        .where('span', '=', part.span)
        .where('cellX', 'in', range(x0, x1))
        .where('cellY', '>=', y0)
        .where('cellY', '<=', y1)
        .where(positionsVisibleTo(viewer.nation, viewer.mechanism));
      if (part.first !== undefined) query = query.where('period', '>=', part.first);
      if (part.last !== undefined) query = query.where('period', '<=', part.last);
      const rows = await query
        .select((eb) => ['cellX', 'cellY', eb.fn.sum<number>('patrolDays').as('patrolDays')])
        .groupBy(['cellX', 'cellY'])
        .execute();
      for (const row of rows) {
        const key = (row.cellX - x0) * (y1 - y0 + 1) + (row.cellY - y0);
        const cell = summed.get(key);
        if (cell) cell.patrolDays += Number(row.patrolDays);
        else summed.set(key, { cellX: row.cellX, cellY: row.cellY, patrolDays: Number(row.patrolDays) });
      }
    }
    return [...summed.values()].filter((cell) => cell.patrolDays > 0);
  }

  /**
   * Every position in the box, by patrol and time (the deep tiles), and for each patrol in it, its
   * positions from the one before its first in the box to the one after its last: a vehicle crosses
   * a deep tile between two positions, and its line must reach the tile's edges, not stop at the
   * last position inside. The positions around are read within the period, like the others. Then
   * the segments crossing the tile from beyond its read box: the long ones from their index, the
   * shorter ones from the wider box (`crossings`).
   */
  async positions(viewer: TrackViewer, boxes: DeepTileBoxes, filters: TrackFilters): Promise<TrackPoint[]> {
    // One read of the wider box, when there is one: the read box's positions are among its own.
    const near = await this.positionsIn(viewer, boxes.crossing ?? boxes.read, filters);
    const inRead = boxes.crossing ? near.filter((p) => inBox([p.lon, p.lat], boxes.read)) : near;
    const stretches = stretchesOf(inRead);
    const read: TrackPoint[] = [];
    const patrols = [...stretches];
    for (let i = 0; i < patrols.length; i += STRETCHES_PER_READ) read.push(...(await this.stretches(patrols.slice(i, i + STRETCHES_PER_READ), filters)));
    const long = await this.longCrossings(viewer, boxes, filters, stretches);
    if (!boxes.crossing) return [...read, ...long];
    const found = new Set(long.filter((p) => p.startsRun).map(segmentKey));
    return [...read, ...long, ...(await this.crossings(near, boxes, stretches, found))];
  }

  /**
   * The long segments (migration 0021) that cross the tile with no end in its read box, each as a
   * stretch of its own: whatever their length, a tile between two distant positions of a patrol
   * draws the road between them. Read with the same filters as the positions, ends included.
   */
  private async longCrossings(
    viewer: TrackViewer,
    { tile, read }: DeepTileBoxes,
    { from, to, patrol }: TrackFilters,
    stretches: Map<string, { first: string; last: string }>,
  ) {
    const [minLon, minLat, maxLon, maxLat] = tile;
    let query = this.db
      .selectFrom('trackLongSegments as segment')
      .innerJoin('positions as a', 'a.seq', 'segment.id')
      .innerJoin('positions as b', 'b.seq', 'segment.toSeq')
      .select(['a.patrolId', 'a.at', 'a.lon', 'a.lat', 'b.at as toAt', 'b.lon as toLon', 'b.lat as toLat'])
      .where('segment.maxLon', '>=', minLon)
      .where('segment.minLon', '<=', maxLon)
      .where('segment.maxLat', '>=', minLat)
      .where('segment.minLat', '<=', maxLat)
      .where(visiblePatrol(viewer, 'a.patrolId'));
    if (from) query = query.where('a.at', '>=', from);
    if (to) query = query.where('b.at', '<=', to);
    if (patrol) query = query.where('a.patrolId', '=', patrol);
    const found: TrackPoint[] = [];
    for (const row of await query.orderBy('a.patrolId').orderBy('a.at').execute()) {
      const a = { patrolId: row.patrolId, at: row.at, lon: row.lon, lat: row.lat };
      const b = { patrolId: row.patrolId, at: row.toAt, lon: row.toLon, lat: row.toLat };
      if (crossesUndrawn(a, b, tile, read, stretches)) found.push({ ...a, startsRun: true }, b);
    }
    return found;
  }

  /**
   * Segments that cross the tile with no end in its read box (a patrol reporting every few minutes
   * passes a deep tile between two positions): two positions of the wider box that follow each
   * other there and whose segment meets the tile are drawn, as a stretch of their own, once the
   * index by patrol and time says no position of the patrol lies between them (it may have gone
   * out of the wider box and come back). Those `found` among the long segments already are not
   * drawn twice.
   */
  private async crossings(
    near: TrackPoint[],
    { tile, read }: DeepTileBoxes,
    stretches: Map<string, { first: string; last: string }>,
    found: ReadonlySet<string>,
  ) {
    const drawn: TrackPoint[] = [];
    for (const [a, b] of crossingSegments(near, tile, read, stretches)) {
      if (found.has(segmentKey(a))) continue;
      const next = await this.db
        .selectFrom('positions')
        .select('at')
        .where('patrolId', '=', a.patrolId)
        .where('at', '>', a.at)
        .orderBy('at')
        .limit(1)
        .executeTakeFirst();
      if (next?.at === b.at) drawn.push({ ...a, startsRun: true }, b);
    }
    return drawn;
  }

  /** The positions in the box the viewer may be shown, by patrol and time. */
  private positionsIn(viewer: TrackViewer, [minLon, minLat, maxLon, maxLat]: Box, filters: TrackFilters): Promise<TrackPoint[]> {
    const [x0, x1] = cells(minLon, maxLon, AREA_INDEX_LEVEL);
    // The expression of the index positions_by_area, written as it is there.
    const column = sql.raw(`CAST((lon + 180) / 360 * (1 << ${AREA_INDEX_LEVEL}) AS INTEGER)`);
    const query = this.db
      .selectFrom('positions')
      .select(['patrolId', 'at', 'lon', 'lat'])
      .where(sql<SqlBool>`${column} IN (${sql.join(range(x0, x1))})`)
      .where('lat', '>=', minLat)
      .where('lat', '<=', maxLat)
      .where('lon', '>=', minLon)
      .where('lon', '<=', maxLon);
    return this.filtered('positions', query, viewer, filters).orderBy('patrolId').orderBy('at').orderBy('seq').execute();
  }

  /** Each patrol's positions from the one before `first` to the one after `last` (within the period). */
  private async stretches(patrols: [string, { first: string; last: string }][], { from, to }: TrackFilters): Promise<TrackPoint[]> {
    const values = sql.join(patrols.map(([id, { first, last }]) => sql`(${id}, ${first}, ${last})`));
    const after = from === undefined ? sql`` : sql`AND q.at >= ${from}`;
    const before = to === undefined ? sql`` : sql`AND q.at <= ${to}`;
    const { rows } = await sql<TrackPoint>`WITH stretch (patrol_id, first, last) AS (VALUES ${values})
      SELECT p.patrol_id, p.at, p.lon, p.lat FROM stretch JOIN positions AS p ON p.patrol_id = stretch.patrol_id
        AND p.at >= coalesce((SELECT q.at FROM positions AS q WHERE q.patrol_id = stretch.patrol_id AND q.at < stretch.first ${after}
          ORDER BY q.at DESC LIMIT 1), stretch.first)
        AND p.at <= coalesce((SELECT q.at FROM positions AS q WHERE q.patrol_id = stretch.patrol_id AND q.at > stretch.last ${before}
          ORDER BY q.at LIMIT 1), stretch.last)
      ORDER BY p.patrol_id, p.at, p.seq`.execute(this.db);
    return rows;
  }

  private filtered<T extends 'trackVertices' | 'positions'>(
    table: T,
    query: SelectQueryBuilder<Database, T, TrackPoint>,
    viewer: TrackViewer,
    { from, to, patrol }: TrackFilters,
  ): SelectQueryBuilder<Database, T, TrackPoint> {
    const where = query as unknown as SelectQueryBuilder<Database, 'positions', TrackPoint>;
    let q = where.where(visiblePatrol(viewer, `${table}.patrolId`));
    if (from) q = q.where('at', '>=', from);
    if (to) q = q.where('at', '<=', to);
    if (patrol) q = q.where('patrolId', '=', patrol);
    return q as unknown as SelectQueryBuilder<Database, T, TrackPoint>;
  }
}
