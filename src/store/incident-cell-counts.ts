import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PeriodSplit } from '../domain/period-split.js';
import type { NationCode } from '../kernel/nation.js';
import { cellAt, GRID_LEVELS, TILE_GRID as GRID, tileBounds, type TileAddress } from '../geo/web-tiles.js';
import { incidentsMatching, type IncidentQuery } from './incident-repository.js';
import type { CellCount } from './incident-tile-repository.js';
import type { Database } from './schema.js';

/** Levels of the counts kept by migrations 0016 and 0018, and which keep years, months and weeks beside days. */
export const COUNT_LEVELS = [10, 12, 14] as const;
const LEVELS_WITH_YEARS: readonly number[] = [10, 12];
/** The level where the whole world is one cell, kept by day: the whole area's count per day. */
const WHOLE_AREA = 0;
/** Up to this many columns (and rows) of cells, a tile seeks each of its cells; beyond, it reads ranges. */
const MAX_COLUMN_READS = 64;

export type CountFilters = Omit<IncidentQuery, 'limit' | 'bbox' | 'q' | 'from' | 'to'>;

/**
 * The map's low zooms, from counts kept ahead of time: a tile's 16×16 grid summed from the
 * viewer's own counts (never another nation's), plus the incidents of the period's first and last
 * day read one by one, since `from` and `to` may fall at any instant of them.
 */
export class IncidentCellCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async tileCells(viewer: NationCode, filters: CountFilters, address: TileAddress, level: number, period: PeriodSplit): Promise<CellCount[]> {
    // Parts may name the same cell and type: the tile's encoder adds them up.
    const [kept, read] = await Promise.all([this.kept(viewer, filters, address, level, period), this.readOneByOne(viewer, filters, address, period)]);
    return [...kept, ...read];
  }

  /**
   * Incidents per day over the whole area, oldest first: the whole days summed from the kept
   * counts of level 0, the first and last day counted from the incidents.
   */
  async dailyCounts(viewer: NationCode, filters: CountFilters, period: PeriodSplit): Promise<{ day: string; count: number }[]> {
    const perDay = new Map<string, number>();
    if (period.wholeDays) {
      const { first, last } = period.wholeDays;
      let q = this.db.selectFrom('incidentCellCounts').where('audience', '=', viewer).where('level', '=', WHOLE_AREA).where('span', '=', 'd');
      if (first !== undefined) q = q.where('period', '>=', first);
      if (last !== undefined) q = q.where('period', '<=', last);
      q = withFilters(q, filters);
      const rows = await q
        .select((eb) => ['period', eb.fn.sum<number>('count').as('count')])
        .groupBy('period')
        .having((eb) => eb.fn.sum('count'), '>', 0)
        .execute();
      for (const row of rows) perDay.set(row.period, Number(row.count));
    }
    for (const part of period.partial) {
      const day = sql<string>`substr(incidents.occurred_at, 1, 10)`;
      const rows = await this.partialDay(viewer, filters, part)
        .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('count')])
        .groupBy(sql`1`)
        .execute();
      for (const row of rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + Number(row.count));
    }
    return [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
  }

  /**
   * The kept counts of the whole days: one read per part of the period (the years, the months
   * beside them, the weeks and days beside those, or at level 14 every day), so each read seeks on
   * its span.
   */
  private async kept(viewer: NationCode, filters: CountFilters, address: TileAddress, level: number, period: PeriodSplit): Promise<CellCount[]> {
    if (!period.wholeDays) return [];
    const parts = LEVELS_WITH_YEARS.includes(level)
      ? [
          ...(period.years ? [{ span: 'y', ...period.years }] : []),
          ...period.months.map((months) => ({ span: 'm', ...months })),
          ...period.weeks.map((weeks) => ({ span: 'w', ...weeks })),
          ...period.days.map((days) => ({ span: 'd', ...days })),
        ]
      : [{ span: 'd', ...period.wholeDays }];
    const read = await Promise.all(parts.map((part) => this.keptPart(viewer, filters, address, level, part)));
    return read.flat();
  }

  private async keptPart(
    viewer: NationCode,
    filters: CountFilters,
    address: TileAddress,
    level: number,
    part: { span: string; first?: string; last?: string },
  ): Promise<CellCount[]> {
    const perTile = 2 ** (level - address.z);
    const shift = level - address.z - GRID_LEVELS;
    const [firstX, firstY] = [address.x * perTile, address.y * perTile];
    let q = this.db.selectFrom('incidentCellCounts').where('audience', '=', viewer).where('level', '=', level).where('span', '=', part.span);
    // The key goes on (…, span, cell_x, cell_y, period, …): naming every column and row of the
    // tile's cells, SQLite seeks each cell and reads only its rows of the period. A tile of more
    // cells reads ranges of them instead, whole, or for days by day across the cells (the index by
    // period); a unary + keeps SQLite from seeking on a column, so that it takes the index meant.
    const seekCells = perTile <= MAX_COLUMN_READS;
    const byPeriod = !seekCells && part.span === 'd';
    const period = seekCells || byPeriod ? sql<string>`period` : sql<string>`+period`;
    if (part.first !== undefined) q = q.where(period, '>=', part.first);
    if (part.last !== undefined) q = q.where(period, '<=', part.last);
    const cellX = byPeriod ? sql<number>`+cell_x` : sql<number>`cell_x`;
    const cellY = byPeriod ? sql<number>`+cell_y` : sql<number>`cell_y`;
    const span = (first: number) => Array.from({ length: perTile }, (_, i) => first + i);
    q = seekCells
      ? q.where(cellX, 'in', span(firstX)).where(cellY, 'in', span(firstY))
      : q
          .where(cellX, '>=', firstX)
          .where(cellX, '<', firstX + perTile)
          .where(cellY, '>=', firstY)
          .where(cellY, '<', firstY + perTile);
    q = withFilters(q, filters);
    const rows = await q
      .select((eb) => [
        sql<number>`(cell_x >> ${shift}) - ${address.x * GRID}`.as('column'),
        sql<number>`(cell_y >> ${shift}) - ${address.y * GRID}`.as('row'),
        'eventType',
        eb.fn.sum<number>('count').as('count'),
        eb.fn.sum<number>('sumLon').as('sumLon'),
        eb.fn.sum<number>('sumLat').as('sumLat'),
      ])
      .groupBy([sql`1`, sql`2`, 'eventType'])
      .having((eb) => eb.fn.sum('count'), '>', 0)
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count), sumLon: Number(r.sumLon), sumLat: Number(r.sumLat) }));
  }

  /** The incidents the viewer may see in one partial part of the period (its first or last day). */
  private partialDay(viewer: NationCode, filters: CountFilters, part: PeriodSplit['partial'][number]) {
    const q = incidentsMatching(this.db, viewer, { ...filters, from: part.from, to: part.to });
    return part.before === undefined ? q : q.where('incidents.occurredAt', '<', part.before);
  }

  /** The first and last day's incidents in the tile, counted here into the same grid. */
  private async readOneByOne(viewer: NationCode, filters: CountFilters, address: TileAddress, period: PeriodSplit): Promise<CellCount[]> {
    const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
    const counted: CellCount[] = [];
    for (const part of period.partial) {
      const rows = await this.partialDay(viewer, filters, part)
        .where('incidents.lon', '>=', minLon)
        .where('incidents.lon', '<=', maxLon)
        .where('incidents.lat', '>=', minLat)
        .where('incidents.lat', '<=', maxLat)
        .select(['incidents.lon', 'incidents.lat', 'incidents.eventType'])
        .execute();
      for (const row of rows) {
        const cell = cellAt(row.lon, row.lat, address.z + GRID_LEVELS);
        counted.push({
          column: clamp(cell.x - address.x * GRID),
          row: clamp(cell.y - address.y * GRID),
          eventType: row.eventType,
          count: 1,
          sumLon: row.lon,
          sumLat: row.lat,
        });
      }
    }
    return counted;
  }
}

/** The list's filters a kept count has columns for. */
function withFilters<Q extends SelectQueryBuilder<Database, 'incidentCellCounts', object>>(q: Q, filters: CountFilters): Q {
  let filtered = q as SelectQueryBuilder<Database, 'incidentCellCounts', object>;
  if (filters.eventType) filtered = filtered.where('eventType', '=', filters.eventType);
  if (filters.section) filtered = filtered.where('section', '=', filters.section);
  if (filters.owner) filtered = filtered.where('owner', '=', filters.owner);
  if (filters.status) filtered = filtered.where('status', '=', filters.status);
  return filtered as Q;
}

const clamp = (value: number) => Math.min(GRID - 1, Math.max(0, value));
