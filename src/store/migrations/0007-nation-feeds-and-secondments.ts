import { type Kysely, sql } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each partner nation reads its own feed, numbered by its own sequence, holding at most one
  // envelope per record: the newest version released to it, or the retraction that took its access
  // away. `subject` names the record (`incident:ID`), whether the envelope is a version or a retraction.
  await sql`CREATE TABLE feed_entries (
    nation TEXT NOT NULL,
    position INTEGER NOT NULL,
    subject TEXT NOT NULL,
    outbox_seq INTEGER NOT NULL REFERENCES outbox(seq),
    PRIMARY KEY (nation, position)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE UNIQUE INDEX feed_entries_subject ON feed_entries (nation, subject)`.execute(db);
  await sql`CREATE INDEX feed_entries_outbox ON feed_entries (outbox_seq)`.execute(db);
  // The last position given out per nation: never handed out twice, even once its entry is gone.
  await sql`CREATE TABLE feed_heads (nation TEXT PRIMARY KEY, position INTEGER NOT NULL)`.execute(db);

  // Envelopes already queued keep their old (global) sequence number as their position, so the
  // cursors partners hold stay valid; only the newest envelope of each record is kept.
  await sql`INSERT INTO feed_entries (nation, position, subject, outbox_seq)
    SELECT r.nation, MAX(r.seq), CASE WHEN o.kind = 'retraction' THEN o.record_id ELSE o.kind || ':' || o.record_id END AS subject, MAX(r.seq)
    FROM outbox_release r JOIN outbox o ON o.seq = r.seq
    GROUP BY r.nation, subject`.execute(db);
  await sql`INSERT INTO feed_heads (nation, position) SELECT nation, MAX(position) FROM feed_entries GROUP BY nation`.execute(db);
  await sql`DROP TABLE outbox_release`.execute(db);
  await sql`DELETE FROM outbox WHERE seq NOT IN (SELECT outbox_seq FROM feed_entries)`.execute(db);

  // Nonces of accepted partner requests, until their timestamp has left the replay window: a
  // captured request stays refused across a restart.
  await sql`CREATE TABLE feed_nonces (nonce TEXT PRIMARY KEY, forget_at INTEGER NOT NULL) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX feed_nonces_forget_at ON feed_nonces (forget_at)`.execute(db);

  // Refused partner requests, counted per minute, reason and caller until the minute is written
  // to the audit log as one entry.
  await sql`CREATE TABLE feed_refusals (
    minute TEXT NOT NULL,
    reason TEXT NOT NULL,
    caller TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (minute, reason, caller)
  ) WITHOUT ROWID`.execute(db);

  // Anchors of partners' audit chains, as their signed feed answers carried them.
  await sql`CREATE TABLE peer_anchors (
    id INTEGER PRIMARY KEY,
    nation TEXT NOT NULL,
    anchor TEXT NOT NULL,
    received_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX peer_anchors_nation ON peer_anchors (nation, received_at)`.execute(db);

  // The credential a partner's node signed for one of its officers working on this node.
  await sql`CREATE TABLE secondments (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    issuer TEXT NOT NULL,
    role TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    credential TEXT NOT NULL,
    added_at TEXT NOT NULL
  )`.execute(db);
  // Credentials this node signed for its officers on partner nodes, so that it can revoke them.
  await sql`CREATE TABLE issued_secondments (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  )`.execute(db);
  // Revocations received from the issuing nations' feeds (a nation revokes only what it issued).
  await sql`CREATE TABLE secondment_revocations (
    issuer TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (issuer, credential_id)
  ) WITHOUT ROWID`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0007 cannot be rolled back.');
}
