import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Events brought in from another data set (ACLED's CSV): the key that data set gives each event,
// and the incident it became here. Importing the same file twice, or a later export of the same
// history, finds its events here and creates nothing the second time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE imported_events (
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT,
    PRIMARY KEY (source, external_id)
  )`.execute(db);
  await sql`CREATE INDEX imported_events_incident ON imported_events (incident_id)`.execute(db);
}
