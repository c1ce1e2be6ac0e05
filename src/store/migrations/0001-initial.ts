import { type Kysely, sql } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('node_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mechanisms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nations', 'text', (c) => c.notNull())
    .addColumn('agreement_title', 'text', (c) => c.notNull())
    .addColumn('agreement_date', 'text', (c) => c.notNull())
    .addColumn('agreement_reference', 'text', (c) => c.notNull())
    .addColumn('sharing_policy', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('call_sign', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('section', 'text')
    .execute();

  await db.schema
    .createTable('borders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nations', 'text', (c) => c.notNull())
    .addColumn('length_km', 'real', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('border_id', 'text', (c) => c.notNull().references('borders.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('nations', 'text', (c) => c.notNull())
    .addColumn('start_km', 'real', (c) => c.notNull())
    .addColumn('length_km', 'real', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('threat_level', 'text', (c) => c.notNull().defaultTo('low'))
    .execute();

  await db.schema
    .createTable('axes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nations', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('geo_precision', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('section', 'text')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sub_event_type', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('fatalities', 'integer')
    .addColumn('injured', 'integer')
    .addColumn('abducted', 'integer')
    .addColumn('narrative', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_reliability', 'text')
    .addColumn('source_credibility', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('incidents_occurred_at').on('incidents').column('occurred_at').execute();
  await db.schema.createIndex('incidents_section').on('incidents').columns(['section', 'occurred_at']).execute();
  await sql`CREATE VIRTUAL TABLE incident_bbox USING rtree(id, min_lon, max_lon, min_lat, max_lat)`.execute(db);

  await db.schema
    .createTable('patrols')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nations', 'text', (c) => c.notNull())
    .addColumn('unit_ids', 'text', (c) => c.notNull())
    .addColumn('axis_id', 'text')
    .addColumn('route', 'text')
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('debrief', 'text')
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('patrol_approvals')
    .addColumn('patrol_id', 'text', (c) => c.notNull().references('patrols.id').onDelete('cascade'))
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_approvals_pk', ['patrol_id', 'nation'])
    .execute();

  await db.schema
    .createTable('positions')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('patrol_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('reported_by', 'text')
    .execute();
  await db.schema.createIndex('positions_patrol_at').on('positions').columns(['patrol_id', 'at']).execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('patrol_id', 'text', (c) => c.notNull().references('patrols.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('section', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The initial schema cannot be rolled back.');
}
