import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Derived figures are computed per audience (the nation they are shown to), no longer once for the
// whole node: a section's running score, shown level and history, and alerts, each belong to one
// audience. What was stored before was computed from everything the node held, i.e. the host
// nation's own picture, so it is kept as the host nation's; partners get theirs from the recompute
// at start. Section levels leave the `sections` table, which is geography and the same for all.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = (statement: string) => sql.raw(statement).execute(trx);
    const nation = `coalesce((SELECT value FROM node_meta WHERE key = 'nation'), '')`;

    // One row per (audience, section): the running score with the instant it is valid at, and the
    // level shown now with its source and when it last changed (the head of the history).
    await run(`CREATE TABLE audience_section_levels (
      audience TEXT NOT NULL,
      section TEXT NOT NULL,
      score REAL NOT NULL DEFAULT 0,
      as_of TEXT NOT NULL,
      level TEXT,
      source TEXT,
      changed_at TEXT,
      PRIMARY KEY (audience, section)
    )`);

    await run(`ALTER TABLE threat_level_history ADD COLUMN audience TEXT NOT NULL DEFAULT ''`);
    await run(`UPDATE threat_level_history SET audience = ${nation}`);
    await run('CREATE INDEX threat_level_history_audience ON threat_level_history (audience, section, at)');
    await run(`INSERT INTO audience_section_levels (audience, section, score, as_of, level, source, changed_at)
      SELECT h.audience, h.section, 0, h.at, h.to_level, h.source, h.at FROM threat_level_history h
       WHERE h.seq IN (SELECT max(seq) FROM threat_level_history GROUP BY audience, section)`);
    await run('DROP TABLE section_scores');
    await run('ALTER TABLE sections DROP COLUMN threat_level');

    // An override is a record of the host nation, applied to the audiences it is released to.
    // Those set before applied to every viewer; kept, they become national until set again.
    await run(`ALTER TABLE level_overrides ADD COLUMN owner TEXT NOT NULL DEFAULT ''`);
    await run(`ALTER TABLE level_overrides ADD COLUMN releasable_to TEXT NOT NULL DEFAULT '[]'`);
    await run(`UPDATE level_overrides SET owner = ${nation}`);

    // Alerts: one per cause and audience while in force (a withdrawn one no longer blocks the cause
    // from raising again), and the CAP Cancels sent when a cause leaves an audience's view, in the
    // same sequence so that a nation reads them in order. SQLite cannot drop the old uniqueness of
    // `dedup_key`, so the table is rebuilt, and its acknowledgements with it (they refer to it).
    await run(`CREATE TABLE alerts_next (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      msg_type TEXT NOT NULL DEFAULT 'Alert',
      audience TEXT NOT NULL,
      owner TEXT NOT NULL,
      releasable_to TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      dedup_key TEXT NOT NULL,
      rule_id TEXT,
      rule_kind TEXT,
      severity TEXT,
      cause_kind TEXT,
      cause_id TEXT,
      at TEXT,
      section TEXT,
      lat REAL,
      lon REAL,
      distance_km REAL,
      event_type TEXT,
      headline_fr TEXT,
      headline_en TEXT,
      public INTEGER NOT NULL DEFAULT 0,
      references_id TEXT,
      references_sent TEXT,
      withdrawn_at TEXT
    )`);
    await run(`INSERT INTO alerts_next (seq, id, msg_type, audience, owner, releasable_to, version, created_at, updated_at, dedup_key,
        rule_id, rule_kind, severity, cause_kind, cause_id, at, section, lat, lon, distance_km, event_type, headline_fr, headline_en, public)
      SELECT seq, id, 'Alert', owner, owner, '[]', version, created_at, updated_at, dedup_key,
        rule_id, rule_kind, severity, cause_kind, cause_id, at, section, lat, lon, distance_km, event_type, headline_fr, headline_en, public
        FROM alerts`);
    await run(`CREATE TABLE alert_acknowledgements_next (
      alert_id TEXT NOT NULL REFERENCES alerts_next (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      nation TEXT NOT NULL,
      at TEXT NOT NULL,
      CONSTRAINT alert_acknowledgements_pk PRIMARY KEY (alert_id, user_id)
    )`);
    await run('INSERT INTO alert_acknowledgements_next (alert_id, user_id, nation, at) SELECT alert_id, user_id, nation, at FROM alert_acknowledgements');
    await run('DROP TABLE alert_acknowledgements');
    await run('DROP TABLE alerts');
    // Renaming also rewrites the foreign key of the acknowledgements to the new name.
    await run('ALTER TABLE alerts_next RENAME TO alerts');
    await run('ALTER TABLE alert_acknowledgements_next RENAME TO alert_acknowledgements');
    await run('CREATE UNIQUE INDEX alerts_once ON alerts (audience, dedup_key) WHERE withdrawn_at IS NULL');
    await run('CREATE INDEX alerts_audience ON alerts (audience, seq)');
    await run('CREATE INDEX alerts_cause ON alerts (cause_kind, cause_id)');
    await run('CREATE INDEX alerts_created_at ON alerts (created_at)');
  });
}

export async function down(): Promise<void> {
  throw new Error('Migration 0008 cannot be rolled back.');
}
