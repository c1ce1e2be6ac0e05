import SQLite from 'better-sqlite3';
import { join } from 'node:path';
import { seededRandom } from './figures.js';

/**
 * Fills the incident table the fast way (prepared statements), spread over the Kayes border region.
 * `first` numbers the incidents on from an earlier fill of the same table.
 */
export function fillIncidents(dir: string, count: number, first = 0): void {
  const db = new SQLite(join(dir, 'diboli.db'));
  const incident =
    db.prepare(`INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision, lat, lon, geo_precision,
    place_name, section, event_type, sub_event_type, actors, source_kind, status) VALUES (?, ?, ?, 1, ?, ?, ?, 'day', ?, ?, 'exact', NULL, NULL, 'Border activity', 'Smuggling', '[]', 'other', 'unverified')`);
  const box = db.prepare('INSERT INTO incident_bbox (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const owners = ['ML', 'ML', 'SN', 'MR'];
  const released = ['["SN"]', '[]', '["ML"]', '["ML"]'];
  const random = seededRandom(42 + first);
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const lon = -13 + random() * 4;
      const lat = 12 + random() * 4;
      const at = new Date(Date.parse('2020-01-01') + random() * 6.9 * 365 * 86_400_000).toISOString();
      const kind = i % 4;
      const { lastInsertRowid } = incident.run(`bench-${i}`, owners[kind], released[kind], at, at, at, lat, lon);
      box.run(lastInsertRowid, lon, lon, lat, lat);
    }
  });
  for (let i = first; i < first + count; i += 50_000) fill(i, Math.min(first + count, i + 50_000));
  db.close();
}
