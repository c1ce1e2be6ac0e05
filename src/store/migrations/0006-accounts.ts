import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
// Second factors of accounts, in tables of their own beside `users` (whose rows stay as they were):
// - `second_factors`: one per user; the TOTP secret sealed with the key file of the data folder
//   (see AccountKeys), `confirmed_at` null until the first code proves the authenticator has it,
//   and `last_step`, the last 30-second step whose code was accepted (codes are single use).
// - `recovery_codes`: SHA-256 of each unused recovery code; a used code's row is deleted.
// Sessions of coordinators and administrators opened before second factors existed are ended:
// they must log in again, and enrol.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('second_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await sql`delete from sessions where user_id in (select id from users where role in ('coordinator', 'admin'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0006 cannot be rolled back.');
}
