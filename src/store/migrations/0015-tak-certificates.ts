import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// The client certificates the node's own TAK certificate authority issued (`diboli tak enrol`), by
// serial number: whose they are, until when, and whether they were revoked (`diboli tak revoke`).
// A TAK connection is accepted only with a certificate listed here, not revoked, whose user still
// exists; the running node looks here again to close the connections of a revoked certificate.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tak_certificates (
    serial TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX tak_certificates_username ON tak_certificates (username)`.execute(db);
}
