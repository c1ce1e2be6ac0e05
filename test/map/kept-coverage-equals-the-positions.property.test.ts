import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVisibleTo, positionsAudience } from '../../src/domain/sovereignty.js';
import type { NationCode } from '../../src/kernel/nation.js';
import { countedDays } from '../../src/services/track-coverage.js';
import { COUNTED_LEVELS } from '../../src/store/track-tile-repository.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { copyPatrol } from '../support/track-tiles.js';

// The low-zoom track tiles draw patrol coverage from patrol-days kept by triggers (migration 0019)
// per cell, period and releasability. Whatever positions arrive, in any order (a patrol's even before
// the patrol itself), and however the patrols' owners and releasability change in between, the kept counts a viewer reads for a
// period must equal a count made here from the positions themselves: for each cell, the number of
// (patrol, UTC day) pairs with a position there, among the patrols whose positions the viewer may
// be shown under the position policy.

const PATROLS = ['cover-a', 'cover-b', 'cover-c', 'cover-d'];
/** A partner's patrol whose positions may arrive before the patrol itself. */
const LATE = 'cover-late';
const CENTRE = { lon: -11.7, lat: 14.3 };
const BOX: [number, number, number, number] = [CENTRE.lon - 0.4, CENTRE.lat - 0.4, CENTRE.lon + 0.4, CENTRE.lat + 0.4];
let demo: DemoNode;

beforeAll(async () => {
  demo = await startDemoNode();
  for (const id of PATROLS) copyPatrol(demo.store.sqlite, 'demo-patrol-launch', id, 'ML', []);
});
afterAll(async () => demo.close());

const releasability = fc.record({
  owner: fc.constantFrom<NationCode>('ML', 'SN'),
  releasableTo: fc.subarray<NationCode>(['ML', 'SN']),
});

const step = fc.oneof(
  fc.record({
    kind: fc.constant('walk' as const),
    patrol: fc.constantFrom(...PATROLS, LATE),
    // From mid-December 2025 to March 2026: whole years, months, weeks and days all take part.
    start: fc.integer({ min: 0, max: 100 * 24 * 60 }).map((minute) => Date.parse('2025-12-10T00:00:00Z') + minute * 60_000),
    count: fc.integer({ min: 1, max: 40 }),
    lon: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    lat: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    heading: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    minutes: fc.integer({ min: 1, max: 240 }),
  }),
  fc.record({ kind: fc.constant('release' as const), patrol: fc.constantFrom(...PATROLS, LATE), to: releasability }),
  fc.record({ kind: fc.constant('arrive' as const), to: releasability }),
);

const day = fc.integer({ min: 0, max: 110 }).map((d) => new Date(Date.parse('2025-12-05') + d * 86_400_000).toISOString().slice(0, 10));
const instant = fc.tuple(day, fc.integer({ min: 0, max: 86_399 })).map(([d, s]) => new Date(Date.parse(d) + s * 1000).toISOString());
const read = fc.record({
  nation: fc.constantFrom<NationCode>('ML', 'SN'),
  policy: fc.subarray<NationCode>(['ML', 'SN']),
  level: fc.constantFrom(...COUNTED_LEVELS),
  from: fc.option(fc.oneof(day, instant), { nil: undefined }),
  to: fc.option(fc.oneof(day, instant), { nil: undefined }),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function apply(s: Step): Promise<void> {
  if (s.kind === 'arrive') {
    const known = demo.store.sqlite.prepare('SELECT 1 FROM patrols WHERE id = ?').get(LATE);
    if (!known) copyPatrol(demo.store.sqlite, 'demo-patrol-launch', LATE, s.to.owner, s.to.releasableTo);
    return;
  }
  if (s.kind === 'release') {
    demo.store.sqlite.prepare('UPDATE patrols SET owner = ?, releasable_to = ? WHERE id = ?').run(s.to.owner, JSON.stringify(s.to.releasableTo), s.patrol);
    return;
  }
  const positions = Array.from({ length: s.count }, (_, i) => ({
    at: new Date(s.start + i * s.minutes * 60_000).toISOString(),
    lon: CENTRE.lon + s.lon + Math.cos(s.heading) * 0.004 * i,
    lat: CENTRE.lat + s.lat + Math.sin(s.heading) * 0.004 * i,
    section: null,
  }));
  await demo.node.repos.patrols.insertPositions(s.patrol, positions, 'test');
}

/** Patrol-days per cell counted from the positions, for what the viewer may be shown. */
function countedHere(q: { nation: NationCode; policy: NationCode[]; level: number; from?: string; to?: string }): Map<string, number> {
  const mechanism = { sharingPolicy: { ...demo.node.mechanism.sharingPolicy, position: q.policy } };
  const rows = demo.store.sqlite
    .prepare(
      'SELECT p.patrol_id AS patrol, p.lon, p.lat, p.at, t.owner, t.releasable_to AS releasableTo FROM positions AS p JOIN patrols AS t ON t.id = p.patrol_id',
    )
    .all() as { patrol: string; lon: number; lat: number; at: string; owner: NationCode; releasableTo: string }[];
  const cell = (degrees: number) => Math.floor(((degrees + 180) / 360) * 2 ** q.level);
  const [x0, y0, x1, y1] = [cell(BOX[0]), cell(BOX[1]), cell(BOX[2]), cell(BOX[3])];
  const first = q.from?.slice(0, 10);
  const last = q.to?.slice(0, 10);
  const pairs = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!isVisibleTo(positionsAudience({ owner: row.owner, releasableTo: JSON.parse(row.releasableTo) }, mechanism), q.nation)) continue;
    const [x, y, d] = [cell(row.lon), cell(row.lat), row.at.slice(0, 10)];
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    if ((first !== undefined && d < first) || (last !== undefined && d > last)) continue;
    const key = `${x},${y}`;
    pairs.set(key, (pairs.get(key) ?? new Set()).add(`${row.patrol} ${d}`));
  }
  return new Map([...pairs].map(([key, set]) => [key, set.size]));
}

describe('kept patrol coverage equals the patrol-days counted from the positions', () => {
  it('for any writes, changes of releasability, viewer, policy, level and period', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), fc.array(read, { minLength: 1, maxLength: 4 }), async (steps, reads) => {
        for (const s of steps) await apply(s);
        for (const q of reads) {
          const [from, to] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to];
          const days = countedDays({ from, to });
          expect(days).toBeDefined();
          const mechanism = { sharingPolicy: { ...demo.node.mechanism.sharingPolicy, position: q.policy } };
          const kept = await demo.node.repos.trackTiles.coverage({ nation: q.nation, mechanism }, q.level, BOX, days!);
          const read = new Map(kept.map((c) => [`${c.cellX},${c.cellY}`, c.patrolDays]));
          expect(read).toEqual(countedHere({ ...q, from, to }));
        }
      }),
      { numRuns: 40 },
    );
  });
});
