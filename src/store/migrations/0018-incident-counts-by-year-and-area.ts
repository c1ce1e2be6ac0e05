import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Years and weeks beside the months and days of migration 0016's counts, on levels 10 and 12. A
// zoom 6 tile over seven years of incidents summed about 35,000 month rows of its viewer; with a
// row per year (span 'y', period `YYYY`) it sums a tenth of that, plus the months at the period's
// ends, then its weeks (span 'w', period the Monday `YYYY-MM-DD`) and at most six days each side.
// And level 0, where the whole world is one cell, by day: the chart of incidents per day over the
// whole area sums these instead of counting every incident (a million of them took seconds).
// The triggers of 0016 are written again here with the year rows added; the statements are this
// migration's own copy, so that what 0016 does never changes once shipped.
const LEVELS_AND_SPANS = `(SELECT 0 AS level, 'd' AS span UNION ALL SELECT 10, 'y' UNION ALL SELECT 10, 'm' UNION ALL SELECT 10, 'w'
  UNION ALL SELECT 10, 'd' UNION ALL SELECT 12, 'y' UNION ALL SELECT 12, 'm' UNION ALL SELECT 12, 'w' UNION ALL SELECT 12, 'd'
  UNION ALL SELECT 14, 'd')`;

/** The Monday on or before a day (`weekday 1` moves forward to a Monday, so from six days earlier). */
const mondayOf = (day: string) => `date(${day}, '-6 days', 'weekday 1')`;

function cellX(row: string): string {
  return `CAST((${row}.lon + 180) / 360 * (1 << grid.level) AS INTEGER)`;
}

function cellY(row: string): string {
  return `CAST((1 - ln(tan(radians(${row}.lat)) + 1 / cos(radians(${row}.lat))) / pi()) / 2 * (1 << grid.level) AS INTEGER)`;
}

function periodOf(row: string): string {
  return `CASE grid.span WHEN 'y' THEN substr(${row}.occurred_at, 1, 4) WHEN 'm' THEN substr(${row}.occurred_at, 1, 7)
    WHEN 'w' THEN ${mondayOf(`substr(${row}.occurred_at, 1, 10)`)} ELSE substr(${row}.occurred_at, 1, 10) END`;
}

function count(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
      SELECT audience.nation, grid.level, grid.span, ${cellX(row)}, ${cellY(row)}, ${periodOf(row)},
        ${row}.event_type, ${row}.owner, ${row}.status, coalesce(${row}.section, ''), ${sign}, ${sign} * ${row}.lon, ${sign} * ${row}.lat
      FROM (SELECT ${row}.owner AS nation UNION SELECT value FROM json_each(coalesce(${row}.releasable_to, '[]'))) AS audience,
        ${LEVELS_AND_SPANS} AS grid
      WHERE true
      ON CONFLICT (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section)
      DO UPDATE SET count = count + excluded.count, sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat;`;
}

/** The columns a count depends on: an edit of the narrative alone does not touch the counts. */
const COUNTED = 'lon, lat, occurred_at, event_type, owner, status, section, releasable_to';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['incident_cells_inserted', 'incident_cells_updated', 'incident_cells_deleted']) {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
  }
  await sql.raw(`CREATE TRIGGER incident_cells_inserted AFTER INSERT ON incidents BEGIN ${count('NEW', 1)} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_cells_updated AFTER UPDATE OF ${COUNTED} ON incidents BEGIN ${count('OLD', -1)} ${count('NEW', 1)} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_cells_deleted AFTER DELETE ON incidents BEGIN ${count('OLD', -1)} END`).execute(db);
  // A node that already holds counts gets its years from its months (a year is its twelve months),
  // its weeks from its days, and its days of the whole world from those of level 10's cells.
  await sql
    .raw(`INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
    SELECT audience, level, 'y', cell_x, cell_y, substr(period, 1, 4), event_type, owner, status, section, sum(count), sum(sum_lon), sum(sum_lat)
    FROM incident_cell_counts WHERE span = 'm' AND level IN (10, 12)
    GROUP BY audience, level, cell_x, cell_y, substr(period, 1, 4), event_type, owner, status, section
    HAVING sum(count) > 0`)
    .execute(db);
  await sql
    .raw(`INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
    SELECT audience, level, 'w', cell_x, cell_y, ${mondayOf('period')}, event_type, owner, status, section, sum(count), sum(sum_lon), sum(sum_lat)
    FROM incident_cell_counts WHERE span = 'd' AND level IN (10, 12)
    GROUP BY audience, level, cell_x, cell_y, ${mondayOf('period')}, event_type, owner, status, section
    HAVING sum(count) > 0`)
    .execute(db);
  await sql
    .raw(`INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
    SELECT audience, 0, 'd', 0, 0, period, event_type, owner, status, section, sum(count), sum(sum_lon), sum(sum_lat)
    FROM incident_cell_counts WHERE span = 'd' AND level = 10
    GROUP BY audience, period, event_type, owner, status, section
    HAVING sum(count) > 0`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Incident counts by year and by area cannot be rolled back.');
}
