import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readUpgradedAndFresh } from '../support/upgraded-node.js';

// A node of the release before track tiles holds positions already. The upgrade (migration 0017)
// thins them and counts their areas as its triggers do for positions written afterwards: a node
// upgraded and a node that received the same positions after the upgrade draw the same tracks.

const PATROLS = [
  { id: 'p-national', owner: 'ML', releasableTo: '[]' },
  { id: 'p-joint', owner: 'ML', releasableTo: '["SN"]' },
  { id: 'p-received', owner: 'SN', releasableTo: '["ML","MR"]' },
];

/** Positions every 40 s for three hours, each patrol walking its own way, written out of order. */
function positions(): { patrolId: string; at: string; lon: number; lat: number }[] {
  const rows = PATROLS.flatMap(({ id }, p) =>
    Array.from({ length: 270 }, (_, i) => ({
      patrolId: id,
      at: new Date(Date.parse('2026-11-02T06:00:00Z') + i * 40_000).toISOString(),
      lon: -11.6 + p * 0.05 + i * 0.0006,
      lat: 14.3 + 0.01 * Math.sin(i / 20 + p),
    })),
  );
  return rows.reverse();
}

function write(sqlite: SQLite.Database): void {
  // Patrol codes came with migration 0013: the columns a node of the earlier release has are enough.
  const patrol = sqlite.prepare(
    `INSERT INTO patrols (id, owner, releasable_to, version, created_at, updated_at, name, kind, status, nations, unit_ids, planned_start, planned_end)
     VALUES (?, ?, ?, 1, '2026-11-01', '2026-11-01', ?, 'national', 'completed', '[]', '[]', '2026-11-02', '2026-11-03')`,
  );
  const coded = (sqlite.prepare('PRAGMA table_info(patrols)').all() as { name: string }[]).some((c) => c.name === 'code');
  const code = coded ? sqlite.prepare('UPDATE patrols SET code = ? WHERE id = ?') : undefined;
  const position = sqlite.prepare('INSERT INTO positions (patrol_id, at, lat, lon) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const [i, p] of PATROLS.entries()) {
      patrol.run(p.id, p.owner, p.releasableTo, p.id);
      code?.run(`${p.owner}-1000${i}`, p.id);
    }
    for (const p of positions()) position.run(p.patrolId, p.at, p.lat, p.lon);
  })();
}

function kept(sqlite: SQLite.Database) {
  return {
    vertices: sqlite.prepare('SELECT level, cell_x, cell_y, patrol_id, period, at, lon, lat FROM track_vertices ORDER BY 1, 2, 3, 4, 5').all(),
    areas: sqlite.prepare('SELECT audience, partners, cell_x, cell_y FROM track_area_versions ORDER BY 1, 2, 3, 4').all(),
  };
}

describe('migration 0017 on a node that holds positions', () => {
  it('thins and counts the stored positions as its triggers do for new ones', async () => {
    const { upgraded: a, fresh: b } = await readUpgradedAndFresh('0017', write, kept);
    expect(a.vertices.length).toBeGreaterThan(PATROLS.length * 4);
    expect(a.vertices).toEqual(b.vertices);
    expect(a.areas).toEqual(b.areas);
    // Each nation counts what it may be shown: Mauritania only Senegal's patrol released to it.
    expect(a.areas.filter((row) => (row as { audience: string }).audience === 'MR').every((row) => (row as { partners: number }).partners === 1)).toBe(true);
  });
});
