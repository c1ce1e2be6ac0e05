import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Patrols get a short code for SMS and radio (`ML-12`, numbered per owner nation from 1), a leader
// and further reporters. Positions and observations sent from the field carry the device's own id,
// unique per patrol, so a batch sent again after a lost answer is not stored twice. Photos are
// stored as files named by the SHA-256 of their bytes; the tables say which observations hold them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE patrols ADD COLUMN code TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE patrols ADD COLUMN leader_user_id TEXT`.execute(db);
  await sql`ALTER TABLE patrols ADD COLUMN reporter_user_ids TEXT NOT NULL DEFAULT '[]'`.execute(db);
  // Patrols already stored are numbered in the order they were made, per owner nation.
  await sql`UPDATE patrols SET code = (
      SELECT numbered.owner || '-' || numbered.n FROM (
        SELECT id, owner, row_number() OVER (PARTITION BY owner ORDER BY created_at, id) AS n FROM patrols
      ) AS numbered WHERE numbered.id = patrols.id
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX patrols_code ON patrols (code)`.execute(db);

  await sql`ALTER TABLE positions ADD COLUMN client_id TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX positions_client_id ON positions (patrol_id, client_id) WHERE client_id IS NOT NULL`.execute(db);

  await sql`ALTER TABLE observations ADD COLUMN client_id TEXT`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN event_type TEXT`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN people INTEGER`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN fatalities INTEGER`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN injured INTEGER`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN reported_via TEXT NOT NULL DEFAULT 'api'`.execute(db);
  await sql`CREATE UNIQUE INDEX observations_client_id ON observations (patrol_id, client_id) WHERE client_id IS NOT NULL`.execute(db);

  await sql`CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE observation_photos (
    observation_id TEXT NOT NULL REFERENCES observations (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES photos (sha256),
    added_at TEXT NOT NULL,
    PRIMARY KEY (observation_id, sha256)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX observation_photos_sha256 ON observation_photos (sha256)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Field reporting cannot be rolled back.');
}
