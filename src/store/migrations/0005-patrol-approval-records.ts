import type { Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
// An approval a nation gives from its own node is a record of its own, kept apart from the
// patrol's `patrol_approvals` (which mirror the approvals the patrol's owner has accepted).
// No foreign key to `patrols`: an approval is kept even when it names a patrol this node lacks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patrol_approval_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('patrol_id', 'text', (c) => c.notNull())
    .addColumn('patrol_version', 'integer', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_approval_records_patrol').on('patrol_approval_records').columns(['patrol_id', 'nation']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migration 0005 cannot be rolled back.');
}
