import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Incidents counted ahead of time for the map's low zooms, per nation that may see them: a tile
// that covers the whole border area sums a few thousand of these rows instead of reading a million
// incidents. A row counts the incidents of one event type, owner, status and section, in one cell
// of the Web Mercator grid at `level` (cell x, y as tiles of that zoom are numbered, so a map tile's
// 16×16 grid is made of whole cells), over one period: a month ('m', `YYYY-MM`) or a day ('d',
// `YYYY-MM-DD`). Level 14 keeps days only: there a month row holds barely more than a day row.
// Triggers keep the counts, so every path that writes incidents (officers, imports, records
// received from partners, narrowed releasability) moves them; a row falls to 0, never below.
const LEVELS_AND_SPANS = `(SELECT 10 AS level, 'm' AS span UNION ALL SELECT 10, 'd' UNION ALL SELECT 12, 'm'
  UNION ALL SELECT 12, 'd' UNION ALL SELECT 14, 'd')`;

function cellX(row: string): string {
  return `CAST((${row}.lon + 180) / 360 * (1 << grid.level) AS INTEGER)`;
}

function cellY(row: string): string {
  return `CAST((1 - ln(tan(radians(${row}.lat)) + 1 / cos(radians(${row}.lat))) / pi()) / 2 * (1 << grid.level) AS INTEGER)`;
}

function count(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
      SELECT audience.nation, grid.level, grid.span, ${cellX(row)}, ${cellY(row)},
        CASE grid.span WHEN 'm' THEN substr(${row}.occurred_at, 1, 7) ELSE substr(${row}.occurred_at, 1, 10) END,
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
  await sql`CREATE TABLE incident_cell_counts (
    audience TEXT NOT NULL,
    level INTEGER NOT NULL,
    span TEXT NOT NULL,
    cell_x INTEGER NOT NULL,
    cell_y INTEGER NOT NULL,
    period TEXT NOT NULL,
    event_type TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    section TEXT NOT NULL,
    count INTEGER NOT NULL,
    sum_lon REAL NOT NULL,
    sum_lat REAL NOT NULL,
    PRIMARY KEY (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section)
  ) WITHOUT ROWID`.execute(db);
  // The days beside whole months are read across the cells, day by day.
  await sql`CREATE INDEX incident_cell_counts_by_period ON incident_cell_counts (audience, level, span, period)`.execute(db);
  await sql.raw(`CREATE TRIGGER incident_cells_inserted AFTER INSERT ON incidents BEGIN ${count('NEW', 1)} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_cells_updated AFTER UPDATE OF ${COUNTED} ON incidents BEGIN ${count('OLD', -1)} ${count('NEW', 1)} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_cells_deleted AFTER DELETE ON incidents BEGIN ${count('OLD', -1)} END`).execute(db);
  // Incidents already stored are counted once, as the trigger would have.
  await sql
    .raw(`INSERT INTO incident_cell_counts (audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, sum_lon, sum_lat)
    SELECT audience, level, span, cx, cy, period, event_type, owner, status, section, count(*), sum(lon), sum(lat) FROM (
      SELECT audience.nation AS audience, grid.level AS level, grid.span AS span, ${cellX('i')} AS cx, ${cellY('i')} AS cy,
        CASE grid.span WHEN 'm' THEN substr(i.occurred_at, 1, 7) ELSE substr(i.occurred_at, 1, 10) END AS period,
        i.event_type AS event_type, i.owner AS owner, i.status AS status, coalesce(i.section, '') AS section, i.lon AS lon, i.lat AS lat
      FROM incidents AS i,
        (SELECT i2.seq AS seq, i2.owner AS nation FROM incidents AS i2
         UNION SELECT i3.seq, value FROM incidents AS i3, json_each(coalesce(i3.releasable_to, '[]'))) AS audience,
        ${LEVELS_AND_SPANS} AS grid
      WHERE audience.seq = i.seq
    ) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Incident cell counts cannot be rolled back.');
}
