import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// An index of incidents by their cell of 1/64° (about 1.7 km), then date, holding every column a
// map tile or a short list reads and filters on. A tile of zoom 12 and deeper (a few kilometres)
// reads its incidents as a few runs of neighbouring index entries, where the R*Tree handed out row
// numbers whose rows lay one per page across the whole table. The expressions are written as
// `store/incidents-in-box.ts` writes them: SQLite uses the index only for the same expression.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX incidents_by_place ON incidents (
    CAST((lon + 180) * 64 AS INTEGER), CAST((lat + 90) * 64 AS INTEGER),
    occurred_at, owner, releasable_to, event_type, section, status, id, lon, lat
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX incidents_by_place`.execute(db);
}
