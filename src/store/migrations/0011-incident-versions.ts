import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Every version of an incident written on this node, and the officer who wrote it: the incident's
// history as officers read it ("who recorded what"). The audit log says that a version was
// written; this keeps what it said. Each version keeps its own releasability, so that a partner
// is shown only the versions released to it (domain/sovereignty.ts, versionsVisibleTo). Incidents
// recorded before this migration have no rows; their current version stands for their history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incident_versions (
    incident_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    owner TEXT NOT NULL,
    releasable_to TEXT NOT NULL,
    body TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT,
    PRIMARY KEY (incident_id, version)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Incident versions cannot be rolled back.');
}
