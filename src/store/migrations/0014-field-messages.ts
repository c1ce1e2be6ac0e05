import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// Field messages (SMS through a gateway, radio messages typed by an operator): the phone numbers
// bound to users, the SMS gateways (their token's hash only), and one row per message received
// from a known sender, kept to answer a retry with the same reply. The text itself is not kept,
// only its digest. Messages from unknown numbers leave nothing but a count per gateway and day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE user_phones (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    phone TEXT NOT NULL UNIQUE,
    bound_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE sms_gateways (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE field_messages (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'radio', 'tak')),
    gateway_id TEXT REFERENCES sms_gateways(id) ON DELETE CASCADE,
    gateway_message_id TEXT,
    sender_user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    entered_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    text_digest TEXT NOT NULL,
    received_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('recorded', 'refused', 'help')),
    reference TEXT,
    reply TEXT NOT NULL,
    -- A gateway's message id names one message of one sender: a gateway that reused an id for
    -- another sender must not have that sender answered the first one's reply.
    UNIQUE (gateway_id, sender_user_id, gateway_message_id)
  )`.execute(db);
  await sql`CREATE INDEX field_messages_by_sender ON field_messages (sender_user_id, text_digest, recorded_at)`.execute(db);
  await sql`CREATE TABLE sms_refusals (
    gateway_id TEXT NOT NULL REFERENCES sms_gateways(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (gateway_id, day)
  ) WITHOUT ROWID`.execute(db);
}
