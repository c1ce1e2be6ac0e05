import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// 1. The live stream's frames are kept, per audience, so that a client that lost its connection
//    gets what it missed when it comes back (`Last-Event-ID`). Each audience (nation) has its own
//    sequence, which goes on across restarts; `pruned_through` is the last sequence number dropped
//    by the retention bound (a client asking from before it must reload instead).
// 2. Alerts form chains: an Alert, the Updates that replaced it when its cause changed, and the
//    Cancel that closed it. A message replaced by the next one of its chain is `superseded`: still
//    served (the chain is read back through it) but no longer in force. Cancels may name several
//    messages, so their references move to a JSON column. `population` marks what this node's
//    nation may tell its population (the public CAP feed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = (statement: string) => sql.raw(statement).execute(trx);

    await run(`CREATE TABLE stream_events (
      audience TEXT NOT NULL,
      seq INTEGER NOT NULL,
      event TEXT NOT NULL,
      data TEXT NOT NULL,
      record TEXT,
      at TEXT NOT NULL,
      PRIMARY KEY (audience, seq)
    ) WITHOUT ROWID`);
    await run('CREATE INDEX stream_events_record ON stream_events (audience, record) WHERE record IS NOT NULL');
    await run(`CREATE TABLE stream_heads (
      audience TEXT PRIMARY KEY,
      last_seq INTEGER NOT NULL,
      pruned_through INTEGER NOT NULL DEFAULT 0
    )`);

    await run('ALTER TABLE alerts ADD COLUMN chain_id TEXT');
    await run('ALTER TABLE alerts ADD COLUMN references_json TEXT');
    await run('ALTER TABLE alerts ADD COLUMN superseded_at TEXT');
    await run('ALTER TABLE alerts ADD COLUMN population INTEGER NOT NULL DEFAULT 0');
    await run(`UPDATE alerts SET chain_id = CASE WHEN msg_type = 'Cancel' THEN references_id ELSE id END`);
    await run(`UPDATE alerts SET references_json = json_array(json_object('identifier', references_id, 'sent', references_sent)) WHERE msg_type = 'Cancel'`);
    // What was raised before cannot tell whether its cause was the host nation's own: it stays off
    // the public feed (officers still read it and its CAP document).
    await run('CREATE INDEX alerts_chain ON alerts (audience, chain_id)');
    // One message in force per cause and audience: replaced and withdrawn ones no longer count.
    await run('DROP INDEX alerts_once');
    await run('CREATE UNIQUE INDEX alerts_in_force ON alerts (audience, dedup_key) WHERE withdrawn_at IS NULL AND superseded_at IS NULL');
  });
}

export async function down(): Promise<void> {
  throw new Error('Migration 0010 cannot be rolled back.');
}
