import { sql, type Kysely } from 'kysely';

// Shipped migrations are never edited: add a new numbered file instead.
//
// A counter per nation and per cell of 1/16° (about 7 km) that moves each time an incident that
// nation may see, or could see before the change, is written in that cell. Incident tiles name
// their version after the counters of the cells they cover, for the caller's nation only: a tile
// answers 304 until a record in its area changes, and a national record written here never
// changes what a partner's tiles say (not even their ETag). Triggers keep the counters, so every
// path that writes incidents (officers, imports, records received from partners) moves them.
const CELL = (lon: string, lat: string) => `CAST((${lon} + 180) * 16 AS INTEGER), CAST((${lat} + 90) * 16 AS INTEGER)`;

function bump(row: 'NEW' | 'OLD'): string {
  return `INSERT INTO incident_area_versions (audience, cell_x, cell_y, version)
      SELECT nation, ${CELL(`${row}.lon`, `${row}.lat`)}, 1
      FROM (SELECT ${row}.owner AS nation UNION SELECT value FROM json_each(coalesce(${row}.releasable_to, '[]')))
      WHERE true
      ON CONFLICT (audience, cell_x, cell_y) DO UPDATE SET version = version + 1;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incident_area_versions (
    audience TEXT NOT NULL,
    cell_x INTEGER NOT NULL,
    cell_y INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (audience, cell_x, cell_y)
  ) WITHOUT ROWID`.execute(db);
  await sql.raw(`CREATE TRIGGER incident_area_inserted AFTER INSERT ON incidents BEGIN ${bump('NEW')} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_area_updated AFTER UPDATE ON incidents BEGIN ${bump('OLD')} ${bump('NEW')} END`).execute(db);
  await sql.raw(`CREATE TRIGGER incident_area_deleted AFTER DELETE ON incidents BEGIN ${bump('OLD')} END`).execute(db);
  // Incidents already stored count once, so that their tiles have a version from the start.
  await sql
    .raw(`INSERT INTO incident_area_versions (audience, cell_x, cell_y, version)
    SELECT DISTINCT nation, ${CELL('lon', 'lat')}, 1 FROM (
      SELECT owner AS nation, lon, lat FROM incidents
      UNION ALL
      SELECT json_each.value, lon, lat FROM incidents, json_each(coalesce(incidents.releasable_to, '[]'))
    ) WHERE true`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Incident area versions cannot be rolled back.');
}
