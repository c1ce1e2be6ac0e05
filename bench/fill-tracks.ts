import SQLite from 'better-sqlite3';
import { join } from 'node:path';
import { seededRandom } from './figures.js';

/** The area the bench's patrols walk in: along the Mali–Senegal border around Kidira and Diboli. */
export const TRACK_AREA = { minLon: -12.6, minLat: 13.6, maxLon: -10.6, maxLat: 15.1 };
/** A patrol reports every 30 s for 8 hours. */
export const POSITIONS_PER_PATROL = 960;
const STEP_DEGREES = 0.0004; // about 45 m: walking pace at one report every 30 s

/**
 * Stored patrols and their positions the fast way (prepared statements, the triggers of migration
 * 0017 keeping the thinned tracks and area counters): a third Mali's kept national, a third Mali's
 * released to Senegal, a third Senegal's released to Mali. Each walks from a random start, its
 * heading drifting, for `POSITIONS_PER_PATROL` reports.
 */
export function fillTracks(dir: string, positions: number): { patrols: number } {
  const db = new SQLite(join(dir, 'diboli.db'));
  const columns = (db.prepare('PRAGMA table_info(patrols)').all() as { name: string }[]).map((c) => c.name);
  const changed = new Set(['id', 'owner', 'releasable_to', 'code']);
  const copy = db.prepare(
    `INSERT INTO patrols (${columns.join(', ')}) SELECT ${columns.map((c) => (changed.has(c) ? `@${c}` : c)).join(', ')} FROM patrols WHERE id = 'demo-patrol-launch'`,
  );
  const insert = db.prepare('INSERT INTO positions (patrol_id, at, lat, lon, section, reported_by) VALUES (?, ?, ?, ?, NULL, NULL)');
  const kinds = [
    { owner: 'ML', releasable_to: '[]' },
    { owner: 'ML', releasable_to: '["SN"]' },
    { owner: 'SN', releasable_to: '["ML"]' },
  ];
  const random = seededRandom(17);
  const patrols = Math.ceil(positions / POSITIONS_PER_PATROL);
  const walk = db.transaction((first: number, last: number) => {
    for (let p = first; p < last; p++) {
      const id = `bench-patrol-${p}`;
      copy.run({ id, code: `BENCH-${p}`, ...kinds[p % kinds.length]! });
      let lon = TRACK_AREA.minLon + random() * (TRACK_AREA.maxLon - TRACK_AREA.minLon);
      let lat = TRACK_AREA.minLat + random() * (TRACK_AREA.maxLat - TRACK_AREA.minLat);
      let heading = random() * 2 * Math.PI;
      const start = Date.parse('2026-01-01') + Math.floor(random() * 330) * 86_400_000 + 6 * 3_600_000;
      const count = Math.min(POSITIONS_PER_PATROL, positions - p * POSITIONS_PER_PATROL);
      for (let i = 0; i < count; i++) {
        insert.run(id, new Date(start + i * 30_000).toISOString(), lat, lon);
        heading += (random() - 0.5) * 0.3;
        lon += Math.cos(heading) * STEP_DEGREES * 1.03;
        lat += Math.sin(heading) * STEP_DEGREES;
        // Turned back at the area's edge.
        if (lon < TRACK_AREA.minLon || lon > TRACK_AREA.maxLon || lat < TRACK_AREA.minLat || lat > TRACK_AREA.maxLat) heading += Math.PI;
      }
    }
  });
  for (let p = 0; p < patrols; p += 50) walk(p, Math.min(patrols, p + 50));
  db.close();
  return { patrols };
}
