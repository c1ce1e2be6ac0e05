import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readUpgradedAndFresh } from '../support/upgraded-node.js';

// A node of the release before patrol coverage holds positions already. The upgrade (migration
// 0019) counts their patrol-days from the thinned tracks as its triggers do for positions written
// afterwards: a node upgraded and a node that received the same positions after the upgrade hold
// the same counts, per level, span, cell, period and releasability.

const PATROLS = [
  { id: 'p-national', owner: 'ML', releasableTo: '[]' },
  { id: 'p-joint', owner: 'ML', releasableTo: '["SN"]' },
  { id: 'p-received', owner: 'SN', releasableTo: '["ML","MR"]' },
];

/**
 * Positions every 40 s for six hours a day over three days (one at the turn of a year, a month and
 * a week), each patrol walking its own way and coming back to its cells of the day before; written
 * out of order.
 */
function positions(): { patrolId: string; at: string; lon: number; lat: number }[] {
  const rows = PATROLS.flatMap(({ id }, p) =>
    [0, 1, 2].flatMap((day) =>
      Array.from({ length: 540 }, (_, i) => ({
        patrolId: id,
        at: new Date(Date.parse('2025-12-31T06:00:00Z') + day * 86_400_000 + i * 40_000).toISOString(),
        lon: -11.6 + p * 0.05 + (i % 270) * 0.0006,
        lat: 14.3 + 0.01 * Math.sin(i / 20 + p + day),
      })),
    ),
  );
  return rows.reverse();
}

function write(sqlite: SQLite.Database): void {
  const columns = (sqlite.prepare('PRAGMA table_info(patrols)').all() as { name: string }[]).map((c) => c.name);
  const patrol = sqlite.prepare(
    `INSERT INTO patrols (id, owner, releasable_to, version, created_at, updated_at, name, kind, status, nations, unit_ids, planned_start, planned_end${columns.includes('code') ? ', code' : ''})
     VALUES (?, ?, ?, 1, '2026-11-01', '2026-11-01', ?, 'national', 'completed', '[]', '[]', '2026-11-02', '2026-11-03'${columns.includes('code') ? ', ?' : ''})`,
  );
  const position = sqlite.prepare('INSERT INTO positions (patrol_id, at, lat, lon) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const [i, p] of PATROLS.entries()) patrol.run(p.id, p.owner, p.releasableTo, p.id, ...(columns.includes('code') ? [`${p.owner}-1000${i}`] : []));
    for (const p of positions()) position.run(p.patrolId, p.at, p.lat, p.lon);
  })();
}

function kept(sqlite: SQLite.Database) {
  return sqlite.prepare('SELECT * FROM track_cell_counts WHERE patrol_days <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7').all() as { span: string; patrol_days: number }[];
}

describe('migration 0019 on a node that holds positions', () => {
  it('counts the stored positions’ patrol-days as its triggers do for new ones', async () => {
    const { upgraded, fresh } = await readUpgradedAndFresh('0019', write, kept);
    expect(new Set(upgraded.map((row) => row.span))).toEqual(new Set(['d', 'w', 'm', 'y']));
    expect(upgraded.some((row) => row.patrol_days > 1)).toBe(true);
    expect(upgraded).toEqual(fresh);
  });
});
