import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVisibleTo, positionsAudience } from '../../src/domain/sovereignty.js';
import type { NationCode } from '../../src/kernel/nation.js';
import { coverageLevelFor } from '../../src/services/track-coverage.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { tileBounds } from '../../src/geo/web-tiles.js';
import { tileAt } from '../support/incident-tiles.js';
import { copyPatrol, fetchTrackTile } from '../support/track-tiles.js';

// At low zoom a track tile that would hold too many points carries patrol coverage instead: counts
// of patrol-days per cell, summed from counts kept ahead of time. Those counts are one more channel
// for positions. Read back with a real MVT reader, every cell of a caller's coverage must count
// exactly the patrol-days of the patrols whose positions it may be shown (the position policy,
// the releasability of each patrol as it is now), never one of a patrol it may not be shown, also
// after a patrol's releasability changed.

let demo: DemoNode;
const NATIONAL = 'coverage-national-ml'; // Mali's, kept national
const JOINT = 'coverage-joint-ml'; // Mali's, released to Senegal
const SENEGAL = 'coverage-received-sn'; // Senegal's, released to Mali
const PATROLS = [NATIONAL, JOINT, SENEGAL];
const USERS = ['coord.ml', 'coord.sn', 'liaison.sn'];
const POLICIES: NationCode[][] = [[], ['SN'], ['ML'], ['ML', 'SN']];
const CORNER = { lon: -11.1, lat: 14.1 };
/** The zoom 8 tile the sweep lies in, whole. */
const Z = 8;
const TILE = tileAt(Z, CORNER.lon + 0.2, CORNER.lat + 0.1);
const DAYS = 30;

beforeAll(async () => {
  demo = await startDemoNode();
  const db = demo.store.sqlite;
  copyPatrol(db, 'demo-patrol-launch', NATIONAL, 'ML', []);
  copyPatrol(db, 'demo-patrol-launch', JOINT, 'ML', ['SN']);
  copyPatrol(db, 'demo-patrol-launch', SENEGAL, 'SN', ['ML']);
  // Each patrol sweeps the same 20 × 10 cells of 2.4 km every day for a month: 6,000 patrol-days,
  // more than a tile's budget of points, so that any one patrol shown makes the tile coverage.
  // Each patrol has its own hours and offset in the cell, so that its passages are its own.
  const insert = db.prepare("INSERT INTO positions (patrol_id, at, lat, lon, section, reported_by) VALUES (?, ?, ?, ?, NULL, 'test')");
  db.transaction(() => {
    for (const [p, id] of PATROLS.entries()) {
      for (let d = 0; d < DAYS; d++) {
        const day = Date.parse('2026-10-01T00:00:00Z') + d * 86_400_000 + (6 + 3 * p) * 3_600_000;
        for (let i = 0; i < 200; i++) {
          insert.run(
            id,
            new Date(day + i * 30_000).toISOString(),
            CORNER.lat + Math.floor(i / 20) * 0.022 + 0.003 * p,
            CORNER.lon + (i % 20) * 0.022 + 0.003 * p,
          );
        }
      }
    }
  })();
});
afterAll(async () => demo.close());

async function withPolicy<T>(policy: NationCode[], run: () => Promise<T>): Promise<T> {
  const before = demo.node.mechanism.sharingPolicy.position;
  demo.node.mechanism.sharingPolicy.position = policy;
  try {
    return await run();
  } finally {
    demo.node.mechanism.sharingPolicy.position = before;
  }
}

/** Patrol-days per cell of the tile counted from the positions stored, for what `nation` may be shown now. */
function expectedCells(nation: NationCode, level: number): Map<string, number> {
  const [minLon, minLat, maxLon, maxLat] = tileBounds(TILE);
  const size = 360 / 2 ** level;
  const rows = demo.store.sqlite
    .prepare(
      'SELECT p.patrol_id AS patrol, p.lon, p.lat, p.at, t.owner, t.releasable_to AS releasableTo FROM positions AS p JOIN patrols AS t ON t.id = p.patrol_id',
    )
    .all() as { patrol: string; lon: number; lat: number; at: string; owner: NationCode; releasableTo: string }[];
  const pairs = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!isVisibleTo(positionsAudience({ owner: row.owner, releasableTo: JSON.parse(row.releasableTo) }, demo.node.mechanism), nation)) continue;
    const key = cellOf(row.lon, row.lat, level);
    const [x, y] = key.split(',').map(Number) as [number, number];
    // Cells of the grid in degrees that the tile (in Web Mercator) touches, even in part.
    const [west, south] = [x * size - 180, y * size - 180];
    if (west + size <= minLon || west >= maxLon || south + size <= minLat || south >= maxLat) continue;
    pairs.set(key, (pairs.get(key) ?? new Set()).add(`${row.patrol} ${row.at.slice(0, 10)}`));
  }
  return new Map([...pairs].map(([key, set]) => [key, set.size]));
}

const cellOf = (lon: number, lat: number, level: number) => `${Math.floor(((lon + 180) / 360) * 2 ** level)},${Math.floor(((lat + 180) / 360) * 2 ** level)}`;

/** The caller's coverage tile over the sweep, as counts per cell. */
async function coverageOf(as: string): Promise<Map<string, number>> {
  const tile = await fetchTrackTile(demo, as, TILE);
  expect(tile.status).toBe(200);
  expect(tile.lines).toEqual([]);
  return new Map(tile.coverage.map((c) => [cellOf(c.lon, c.lat, coverageLevelFor(Z)!), c.patrolDays]));
}

const NATION: Record<string, NationCode> = { 'coord.ml': 'ML', 'coord.sn': 'SN', 'liaison.sn': 'SN' };

describe('patrol coverage counts only the patrols whose positions the caller may be shown', () => {
  for (const policy of POLICIES) {
    it.each(USERS)(`position policy [${policy.join(', ')}]: %s`, async (as) =>
      withPolicy(policy, async () => {
        const read = await coverageOf(as);
        expect(read.size).toBeGreaterThan(100);
        expect(read).toEqual(expectedCells(NATION[as]!, coverageLevelFor(Z)!));
      }),
    );
  }

  it('moves a patrol’s counts with its releasability: Senegal stops counting a patrol withdrawn from it', async () =>
    withPolicy(['ML', 'SN'], async () => {
      const sweepCell = cellOf(CORNER.lon + 0.011, CORNER.lat + 0.011, coverageLevelFor(Z)!);
      expect((await coverageOf('coord.sn')).get(sweepCell)).toBe(2 * DAYS);
      demo.store.sqlite.prepare("UPDATE patrols SET releasable_to = '[]' WHERE id = ?").run(JOINT);
      const after = await coverageOf('coord.sn');
      expect(after.get(sweepCell)).toBe(DAYS);
      expect(after).toEqual(expectedCells('SN', coverageLevelFor(Z)!));
      expect((await coverageOf('coord.ml')).get(sweepCell)).toBe(3 * DAYS);
    }));
});
