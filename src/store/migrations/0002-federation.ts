import { type Kysely, sql } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Partner nodes, registered by hand by an admin; `cursor` is how far their feed has been applied.
  await db.schema
    .createTable('peers')
    .addColumn('nation', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('last_error', 'text')
    .execute();

  // AUTOINCREMENT: a sequence number is never reused, even if the newest rows were removed, so a
  // peer's cursor can never skip a later envelope.
  await sql`CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    released_to TEXT NOT NULL,
    envelope TEXT NOT NULL,
    queued_at TEXT NOT NULL
  )`.execute(db);
  // One row per (nation, envelope): a peer's page is a range scan of its own rows.
  await sql`CREATE TABLE outbox_release (
    nation TEXT NOT NULL,
    seq INTEGER NOT NULL REFERENCES outbox(seq),
    PRIMARY KEY (nation, seq)
  ) WITHOUT ROWID`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // Append-only as far as the node's own code goes; someone who drops these triggers by hand is
  // still caught by the hash chain.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The federation schema cannot be rolled back.');
}
