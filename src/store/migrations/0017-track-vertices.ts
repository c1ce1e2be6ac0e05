import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Patrol tracks read by map tile. Positions are only ever appended (no path updates or deletes
// one), so triggers on INSERT keep three things:
// - `track_vertices`: each patrol's track thinned per level of a grid in degrees (a cell of level L
//   is 360/2^L degrees a side): the earliest position of each patrol in each cell and each period,
//   a day on the coarse levels (12, 14) and an hour on the fine ones (16, 18). A low-zoom tile
//   reads a level whose cells are a few pixels wide instead of every position; the period keeps a
//   patrol's later return to a cell in its line (on the coarse levels, where a day's return is a
//   few pixels off, its own day only: they hold fewer points). Keyed by cell first, so a
//   tile reads its cells' rows and nothing else.
// - `positions_by_area`: an index of positions by column of level-16 cells (about 600 m) and
//   latitude, for the deep tiles, which draw every position.
// - `track_area_versions`: a counter per nation and per cell of 1/4° that moves when a position
//   that nation may be shown is written there (`partners` 0 for its own patrols, 1 for partners'
//   patrols released to it, which the position policy may still withhold). A row with cell -1, -1
//   moves when a patrol's releasability changes, since that redraws its whole track. A tile's ETag
//   is named from the caller's counters only: a national track never changes a partner's tile.
export const TRACK_LEVELS = [12, 14, 16, 18] as const;
/** Characters of a position's time that name its period on each level: the day, or the hour. */
const PERIOD_LENGTH: Record<(typeof TRACK_LEVELS)[number], number> = { 12: 10, 14: 10, 16: 13, 18: 13 };
export const AREA_INDEX_LEVEL = 16;
export const VERSION_CELLS_PER_DEGREE = 4;

const cell = (degrees: string, level: string) => `CAST((${degrees} + 180) / 360 * (1 << ${level}) AS INTEGER)`;
const LEVELS = TRACK_LEVELS.map((level, i) =>
  i === 0 ? `SELECT ${level} AS level, ${PERIOD_LENGTH[level]} AS span` : `SELECT ${level}, ${PERIOD_LENGTH[level]}`,
).join(' UNION ALL ');

function thin(row: string, from: string): string {
  return `INSERT INTO track_vertices (level, cell_x, cell_y, patrol_id, period, at, lon, lat)
      SELECT grid.level, ${cell(`${row}.lon`, 'grid.level')}, ${cell(`${row}.lat`, 'grid.level')}, ${row}.patrol_id,
        substr(${row}.at, 1, grid.span), ${row}.at, ${row}.lon, ${row}.lat
      FROM ${from} (${LEVELS}) AS grid
      WHERE true
      ON CONFLICT (level, cell_x, cell_y, patrol_id, period)
      DO UPDATE SET at = excluded.at, lon = excluded.lon, lat = excluded.lat WHERE excluded.at < track_vertices.at;`;
}

const versionCell = (row: string) =>
  `CAST((${row}.lon + 180) * ${VERSION_CELLS_PER_DEGREE} AS INTEGER) AS cx, CAST((${row}.lat + 90) * ${VERSION_CELLS_PER_DEGREE} AS INTEGER) AS cy`;

const BUMP = `ON CONFLICT (audience, partners, cell_x, cell_y) DO UPDATE SET version = version + 1;`;

function bumpArea(row: string): string {
  return `INSERT INTO track_area_versions (audience, partners, cell_x, cell_y, version)
      SELECT patrols.owner, 0, ${versionCell(row)}, 1 FROM patrols WHERE patrols.id = ${row}.patrol_id
      UNION ALL
      SELECT json_each.value, 1, ${versionCell(row)}, 1 FROM patrols, json_each(coalesce(patrols.releasable_to, '[]')) WHERE patrols.id = ${row}.patrol_id
      ${BUMP}`;
}

function bumpReleased(row: 'OLD' | 'NEW'): string {
  return `INSERT INTO track_area_versions (audience, partners, cell_x, cell_y, version)
      SELECT ${row}.owner, 0, -1, -1, 1
      UNION ALL
      SELECT value, 1, -1, -1, 1 FROM json_each(coalesce(${row}.releasable_to, '[]'))
      WHERE true
      ${BUMP}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE track_vertices (
    level INTEGER NOT NULL,
    cell_x INTEGER NOT NULL,
    cell_y INTEGER NOT NULL,
    patrol_id TEXT NOT NULL,
    period TEXT NOT NULL,
    at TEXT NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    PRIMARY KEY (level, cell_x, cell_y, patrol_id, period)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE track_area_versions (
    audience TEXT NOT NULL,
    partners INTEGER NOT NULL,
    cell_x INTEGER NOT NULL,
    cell_y INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (audience, partners, cell_x, cell_y)
  ) WITHOUT ROWID`.execute(db);
  await sql.raw(`CREATE INDEX positions_by_area ON positions (${cell('lon', String(AREA_INDEX_LEVEL))}, lat)`).execute(db);
  await sql.raw(`CREATE TRIGGER track_vertices_inserted AFTER INSERT ON positions BEGIN ${thin('NEW', '')} ${bumpArea('NEW')} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER track_release_changed AFTER UPDATE OF owner, releasable_to ON patrols
       WHEN OLD.owner IS NOT NEW.owner OR OLD.releasable_to IS NOT NEW.releasable_to
       BEGIN ${bumpReleased('OLD')} ${bumpReleased('NEW')} END`,
    )
    .execute(db);
  // Positions already stored are thinned and counted once, as the triggers would have.
  await sql.raw(thin('p', 'positions AS p,')).execute(db);
  await sql
    .raw(
      `INSERT INTO track_area_versions (audience, partners, cell_x, cell_y, version)
      SELECT DISTINCT audience, partners, cx, cy, 1 FROM (
        SELECT patrols.owner AS audience, 0 AS partners, ${versionCell('p')} FROM positions AS p JOIN patrols ON patrols.id = p.patrol_id
        UNION ALL
        SELECT json_each.value, 1, ${versionCell('p')} FROM positions AS p JOIN patrols ON patrols.id = p.patrol_id,
          json_each(coalesce(patrols.releasable_to, '[]'))
      ) WHERE true`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Track vertices cannot be rolled back.');
}
