import { sql, type Kysely } from 'kysely';
import { VERSION_CELLS_PER_DEGREE } from './0017-track-vertices.js';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Long segments of patrol tracks, for the deep track tiles. A deep tile draws the positions read
// around it, and from the wider box around it the segments that cross it with no end near it; a
// segment longer than that box reaches was not drawn: a vehicle reporting every few minutes, or a
// patrol that went quiet for an hour, left holes in its line at street scale. Every segment whose
// ends are more than `LONG_SEGMENT_DEGREES` apart in longitude or latitude is kept in an R*Tree of
// its box (`id`: the seq of its first position, `to_seq`: that of the next one by time), so that a
// tile asks for the long segments over it whatever their length, and reads around itself only as
// far as a shorter segment reaches.
//
// Positions are only ever appended, but not always in time order (a patrol's phone sends what it
// kept offline): a position that falls between two others splits their segment. The trigger takes
// the old segment out and puts in the two new ones where they are long, and moves the area
// counters (migration 0017) of the cells each of the three segments' boxes covers, for every
// nation that may be shown the patrol: a tile whose line such a segment crosses is made again.
export const LONG_SEGMENT_DEGREES = 0.0025;

/** The position of the patrol just before NEW, by time (then by arrival, as every read orders them). */
const BEFORE = `(SELECT seq FROM positions WHERE patrol_id = NEW.patrol_id AND (at, seq) < (NEW.at, NEW.seq) ORDER BY at DESC, seq DESC LIMIT 1)`;
/** …and just after it: one written earlier with a later time (a later one with the same time is not yet written). */
const AFTER = `(SELECT seq FROM positions WHERE patrol_id = NEW.patrol_id AND at > NEW.at ORDER BY at, seq LIMIT 1)`;

const isLong = (a: string, b: string) => `(abs(${a}.lon - ${b}.lon) > ${LONG_SEGMENT_DEGREES} OR abs(${a}.lat - ${b}.lat) > ${LONG_SEGMENT_DEGREES})`;

/** Keeps the segment from position `a` to position `b` (the trigger's and the upgrade's one insert). */
const KEEP_SEGMENT = `INSERT INTO track_long_segments (id, min_lon, max_lon, min_lat, max_lat, to_seq)
      SELECT a.seq, min(a.lon, b.lon), max(a.lon, b.lon), min(a.lat, b.lat), max(a.lat, b.lat), b.seq`;

function keepIfLong(first: string, second: string): string {
  return `${KEEP_SEGMENT}
      FROM positions AS a, positions AS b WHERE a.seq = ${first} AND b.seq = ${second} AND ${isLong('a', 'b')};`;
}

const cellOf = (degrees: string, offset: number) => `CAST((${degrees} + ${offset}) * ${VERSION_CELLS_PER_DEGREE} AS INTEGER)`;
/** One row per cell from `first` to `last` (SQLite allows no WITH in a trigger): `key` counts them from 0. */
const cellsBetween = (first: string, last: string) => `json_each('[0' || replace(substr(printf('%.*c', ${last} - ${first} + 1, 'x'), 2), 'x', ',0') || ']')`;

/** Moves the area counters of every cell the box of the segment between two positions covers. */
function bumpBox(first: string, second: string): string {
  const x0 = cellOf('min(a.lon, b.lon)', 180);
  const y0 = cellOf('min(a.lat, b.lat)', 90);
  return `INSERT INTO track_area_versions (audience, partners, cell_x, cell_y, version)
      SELECT viewer.audience, viewer.partners, ${x0} + cx.key, ${y0} + cy.key, 1
      FROM positions AS a, positions AS b,
        (SELECT patrols.owner AS audience, 0 AS partners FROM patrols WHERE patrols.id = NEW.patrol_id
         UNION ALL
         SELECT json_each.value, 1 FROM patrols, json_each(coalesce(patrols.releasable_to, '[]')) WHERE patrols.id = NEW.patrol_id) AS viewer,
        ${cellsBetween(x0, cellOf('max(a.lon, b.lon)', 180))} AS cx,
        ${cellsBetween(y0, cellOf('max(a.lat, b.lat)', 90))} AS cy
      WHERE a.seq = ${first} AND b.seq = ${second}
        -- A box within the new position's own cell: migration 0017's trigger moved it already.
        AND NOT (${x0} = ${cellOf('NEW.lon', 180)} AND ${cellOf('max(a.lon, b.lon)', 180)} = ${x0}
          AND ${y0} = ${cellOf('NEW.lat', 90)} AND ${cellOf('max(a.lat, b.lat)', 90)} = ${y0})
      ON CONFLICT (audience, partners, cell_x, cell_y) DO UPDATE SET version = version + 1;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE track_long_segments USING rtree(id, min_lon, max_lon, min_lat, max_lat, +to_seq INTEGER)`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER track_long_segments_inserted AFTER INSERT ON positions BEGIN
        ${bumpBox(BEFORE, AFTER)}
        ${bumpBox(BEFORE, 'NEW.seq')}
        ${bumpBox('NEW.seq', AFTER)}
        DELETE FROM track_long_segments WHERE id = ${BEFORE};
        ${keepIfLong(BEFORE, 'NEW.seq')}
        ${keepIfLong('NEW.seq', AFTER)}
      END`,
    )
    .execute(db);
  // Positions already stored: each one and the next of its patrol, once, as the trigger keeps them.
  await sql
    .raw(
      `${KEEP_SEGMENT}
      FROM (SELECT seq, lead(seq) OVER (PARTITION BY patrol_id ORDER BY at, seq) AS next FROM positions) AS pair
        JOIN positions AS a ON a.seq = pair.seq JOIN positions AS b ON b.seq = pair.next
      WHERE ${isLong('a', 'b')}`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Track long segments cannot be rolled back.');
}
