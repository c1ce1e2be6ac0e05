import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readUpgradedAndFresh } from '../support/upgraded-node.js';

// A node of the release before the index of long segments holds positions already. The upgrade
// (migration 0021) keeps their long segments as its trigger keeps them for positions written
// afterwards, in whatever order they come: here shuffled, so that most positions arrive between
// two already stored and split their segment.

const PATROLS = [
  { id: 'p-vehicle', owner: 'ML', releasableTo: '[]' },
  { id: 'p-joint', owner: 'ML', releasableTo: '["SN"]' },
];

/** Steps of 0.004° (long) with every fourth of 0.001° (short), and one same-time report twice. */
function positions(): { patrolId: string; at: string; lon: number; lat: number }[] {
  const rows = PATROLS.flatMap(({ id }, p) =>
    Array.from({ length: 120 }, (_, i) => ({
      patrolId: id,
      at: new Date(Date.parse('2026-11-02T06:00:00Z') + (i <= 60 ? i : i - 1) * 120_000).toISOString(),
      lon: -11.6 + p * 0.05 + i * 0.003 + (i % 4 === 0 ? -0.002 : 0),
      lat: 14.3 + 0.02 * Math.sin(i / 10 + p),
    })),
  );
  // A fixed shuffle (a linear congruential sequence), the same for both nodes.
  let seed = 7;
  const keyed = rows.map((row) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return { row, key: seed };
  });
  return keyed.sort((a, b) => a.key - b.key).map(({ row }) => row);
}

function write(sqlite: SQLite.Database): void {
  const patrol = sqlite.prepare(
    `INSERT INTO patrols (id, owner, releasable_to, version, created_at, updated_at, name, kind, status, nations, unit_ids, planned_start, planned_end, code)
     VALUES (?, ?, ?, 1, '2026-11-01', '2026-11-01', ?, 'national', 'completed', '[]', '[]', '2026-11-02', '2026-11-03', ?)`,
  );
  const position = sqlite.prepare('INSERT INTO positions (patrol_id, at, lat, lon) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const [i, p] of PATROLS.entries()) patrol.run(p.id, p.owner, p.releasableTo, p.id, `${p.owner}-2000${i}`);
    for (const p of positions()) position.run(p.patrolId, p.at, p.lat, p.lon);
  })();
}

const kept = (sqlite: SQLite.Database) =>
  sqlite.prepare('SELECT id, to_seq, min_lon, max_lon, min_lat, max_lat FROM track_long_segments ORDER BY id').all() as { id: number; to_seq: number }[];

/** The long segments by definition: each position and the next of its patrol by time, ends more than 0.0025° apart. */
const expected = (sqlite: SQLite.Database) =>
  sqlite
    .prepare(
      `SELECT seq AS id, next AS to_seq FROM (
        SELECT seq, lon, lat, lead(seq) OVER w AS next, lead(lon) OVER w AS next_lon, lead(lat) OVER w AS next_lat
        FROM positions WINDOW w AS (PARTITION BY patrol_id ORDER BY at, seq))
      WHERE next IS NOT NULL AND (abs(lon - next_lon) > 0.0025 OR abs(lat - next_lat) > 0.0025) ORDER BY seq`,
    )
    .all();

describe('migration 0021 on a node that holds positions', () => {
  it('keeps the long segments of stored positions as its trigger does for new ones, in any order', async () => {
    const { upgraded, fresh } = await readUpgradedAndFresh('0021', write, (sqlite) => ({ kept: kept(sqlite), expected: expected(sqlite) }));
    // Three of four steps are long, the fourth short: about 3/4 of 2 × 119 segments.
    expect(upgraded.kept.length).toBeGreaterThan(150);
    expect(upgraded.kept.length).toBeLessThan(2 * 119);
    expect(upgraded.kept).toEqual(fresh.kept);
    expect(fresh.kept.map(({ id, to_seq }) => ({ id, to_seq }))).toEqual(fresh.expected);
  });
});
