import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Patrol coverage for the low-zoom track tiles: how many patrol-days passed through each cell of
// the track grids of migration 0017 (levels 12, 14 and 16, cells of 9.8 km, 2.4 km and 610 m),
// per day, week (by its Monday), month and year, and per releasability of the patrols counted
// (`owner`, `releasable_to` as the patrol holds them). A patrol-day is one patrol present in the
// cell on one UTC day, however many positions it sent there: days add up, so a period is summed
// from its whole years, then months, weeks and days, a few thousand rows per tile. Keeping the
// releasability instead of the audience lets a read apply `positionsVisibleTo` to the counts as it
// does to the patrols; when a patrol's owner or releasability changes, its patrol-days move from
// the old releasability to the new one.
//
// A patrol-day is counted when its first row of the cell and day enters `track_vertices` (levels
// 12 and 14 keep a row per day, so every new row is one; level 16 keeps one per hour, so a row is
// one only when no other hour of that day is there). Positions are only appended, so counts only
// grow, except through a change of releasability; positions stored before their patrol are
// counted when it arrives.
export const COUNTED_LEVELS = [12, 14, 16] as const;

const SPANS = `(SELECT 'd' AS span UNION ALL SELECT 'w' UNION ALL SELECT 'm' UNION ALL SELECT 'y')`;
const LEVELS = `(${COUNTED_LEVELS.map((level, i) => (i === 0 ? `SELECT ${level} AS level` : `SELECT ${level}`)).join(' UNION ALL ')})`;

/** The period a day (`YYYY-MM-DD`) falls in for each span; a week is named by its Monday. */
function periodOf(day: string): string {
  return `CASE spans.span WHEN 'y' THEN substr(${day}, 1, 4) WHEN 'm' THEN substr(${day}, 1, 7)
    WHEN 'w' THEN date(${day}, '-6 days', 'weekday 1') ELSE ${day} END`;
}

const UPSERT = `ON CONFLICT (level, span, cell_x, cell_y, period, owner, releasable_to)
  DO UPDATE SET patrol_days = patrol_days + excluded.patrol_days;`;

const cell = (degrees: string, level: string) => `CAST((${degrees} + 180) / 360 * (1 << ${level}) AS INTEGER)`;

/** Adds (sign 1) or takes away (-1) every patrol-day of a patrol, under a releasability. */
function movePatrolDays(patrol: string, owner: string, releasableTo: string, sign: 1 | -1): string {
  return `INSERT INTO track_cell_counts (level, span, cell_x, cell_y, period, owner, releasable_to, patrol_days)
      SELECT passed.level, spans.span, passed.cx, passed.cy, ${periodOf('passed.day')}, ${owner}, coalesce(${releasableTo}, '[]'), ${sign} * count(*)
      FROM (SELECT DISTINCT grid.level, ${cell('p.lon', 'grid.level')} AS cx, ${cell('p.lat', 'grid.level')} AS cy, substr(p.at, 1, 10) AS day
            FROM positions AS p, ${LEVELS} AS grid WHERE p.patrol_id = ${patrol}) AS passed, ${SPANS} AS spans
      WHERE true
      GROUP BY 1, 2, 3, 4, 5
      ${UPSERT}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE track_cell_counts (
    level INTEGER NOT NULL,
    span TEXT NOT NULL,
    cell_x INTEGER NOT NULL,
    cell_y INTEGER NOT NULL,
    period TEXT NOT NULL,
    owner TEXT NOT NULL,
    releasable_to TEXT NOT NULL,
    patrol_days INTEGER NOT NULL,
    PRIMARY KEY (level, span, cell_x, cell_y, period, owner, releasable_to)
  ) WITHOUT ROWID`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER track_cell_counted AFTER INSERT ON track_vertices
       WHEN NEW.level IN (${COUNTED_LEVELS.join(', ')})
         AND NOT EXISTS (SELECT 1 FROM track_vertices AS other WHERE other.level = NEW.level AND other.cell_x = NEW.cell_x
           AND other.cell_y = NEW.cell_y AND other.patrol_id = NEW.patrol_id
           AND other.period >= substr(NEW.period, 1, 10) AND other.period < substr(NEW.period, 1, 10) || 'U' AND other.period <> NEW.period)
       BEGIN
         INSERT INTO track_cell_counts (level, span, cell_x, cell_y, period, owner, releasable_to, patrol_days)
         SELECT NEW.level, spans.span, NEW.cell_x, NEW.cell_y, ${periodOf('substr(NEW.period, 1, 10)')}, patrols.owner, coalesce(patrols.releasable_to, '[]'), 1
         FROM patrols, ${SPANS} AS spans WHERE patrols.id = NEW.patrol_id
         ${UPSERT}
       END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER track_cell_release_changed AFTER UPDATE OF owner, releasable_to ON patrols
       WHEN OLD.owner IS NOT NEW.owner OR OLD.releasable_to IS NOT NEW.releasable_to
       BEGIN ${movePatrolDays('OLD.id', 'OLD.owner', 'OLD.releasable_to', -1)} ${movePatrolDays('NEW.id', 'NEW.owner', 'NEW.releasable_to', 1)} END`,
    )
    .execute(db);
  // Positions carry no foreign key: those of a patrol the node did not hold yet (a partner's,
  // received before its patrol) are counted when the patrol arrives.
  await sql
    .raw(`CREATE TRIGGER track_cell_patrol_arrived AFTER INSERT ON patrols BEGIN ${movePatrolDays('NEW.id', 'NEW.owner', 'NEW.releasable_to', 1)} END`)
    .execute(db);
  // Positions already stored are counted once, from their thinned rows, as the trigger would have.
  await sql
    .raw(
      `INSERT INTO track_cell_counts (level, span, cell_x, cell_y, period, owner, releasable_to, patrol_days)
      SELECT passed.level, spans.span, passed.cell_x, passed.cell_y, ${periodOf('passed.day')}, patrols.owner, coalesce(patrols.releasable_to, '[]'), count(*)
      FROM (SELECT DISTINCT level, cell_x, cell_y, patrol_id, substr(period, 1, 10) AS day FROM track_vertices WHERE level IN (${COUNTED_LEVELS.join(', ')})) AS passed
        JOIN patrols ON patrols.id = passed.patrol_id, ${SPANS} AS spans
      WHERE true
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ${UPSERT}`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Track cell counts cannot be rolled back.');
}
