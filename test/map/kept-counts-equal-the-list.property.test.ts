import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import type { TileAddress } from '../../src/geo/web-tiles.js';
import { addIncidents, fetchTile, listedInTile, tileAt } from '../support/incident-tiles.js';

// The map's low zooms (z ≤ 10) and the chart's days over the whole area are summed from counts
// that triggers keep per nation, cell and period (migrations 0016, 0018), plus the first and last
// day of the period read one by one. Whatever is written, narrowed or deleted in between, and
// whatever the filters and period, a tile must still hold what the list gives the same caller in
// the tile's box (the same total, the same count per event type), and the chart the same count
// each day as counting the incidents one by one.

const TYPES = ['Battles', 'Riots', 'Protests'];
const CENTRE = { lon: -11.9, lat: 13.4 };
let demo: DemoNode;
let written = 0;

function add(count: number, seed: number): void {
  addIncidents(
    demo,
    Array.from({ length: count }, (_, k) => {
      const i = written + k;
      const h = (i * 2654435761 + seed) >>> 0;
      return {
        id: `kept-${i}`,
        owner: h % 3 === 0 ? 'SN' : 'ML',
        releasableTo: h % 5 === 0 ? [] : h % 3 === 0 ? ['ML'] : ['SN'],
        // Spread over about 1.6° around the centre, so zoom 10 tiles hold a few and zoom 5 all.
        // Never on a tile's edge: the list's box holds its edges, so an incident on one is listed in
        // both tiles it touches, while the map draws it in one.
        lon: CENTRE.lon + ((h % 1601) - 800) / 1000 + 0.000137,
        lat: CENTRE.lat + (((h >>> 11) % 1601) - 800) / 1000 + 0.000137,
        eventType: TYPES[h % TYPES.length]!,
        occurredAt: new Date(Date.parse('2024-01-01') + (h % (1000 * 24)) * 3_600_000 + (h % 3_600) * 1000).toISOString(),
      };
    }),
  );
  written += count;
}

beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

/** Each feature of a tile as the incidents it stands for: a counted cell or one incident. */
function perType(features: Record<string, string | number | boolean>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    if (f.cluster) {
      for (const type of TYPES) counts.set(type, (counts.get(type) ?? 0) + Number(f[`count:${type}`] ?? 0));
    } else counts.set(String(f.eventType), (counts.get(String(f.eventType)) ?? 0) + 1);
  }
  return counts;
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('narrow' as const), modulo: fc.integer({ min: 2, max: 9 }) }),
  fc.record({ kind: fc.constant('retype' as const), modulo: fc.integer({ min: 2, max: 9 }), type: fc.constantFrom(...TYPES) }),
  fc.record({ kind: fc.constant('status' as const), modulo: fc.integer({ min: 2, max: 9 }) }),
  fc.record({ kind: fc.constant('delete' as const), modulo: fc.integer({ min: 7, max: 19 }) }),
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 300 }), seed: fc.integer({ min: 2, max: 1000 }) }),
);

const day = fc.integer({ min: 0, max: 1020 }).map((d) => new Date(Date.parse('2023-12-20') + d * 86_400_000).toISOString().slice(0, 10));
const query = fc.record({
  from: fc.option(day, { nil: undefined }),
  to: fc.option(day, { nil: undefined }),
  eventType: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
  status: fc.option(fc.constantFrom('unverified', 'confirmed'), { nil: undefined }),
});

async function expectTileAsListed(as: string, address: TileAddress, q: { from?: string; to?: string; eventType?: string; status?: string }): Promise<void> {
  const [from, to] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to];
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (q.status) params.set('status', q.status);
  const tile = await fetchTile(demo, as, address, `?${params}${q.eventType ? `&eventType=${encodeURIComponent(q.eventType)}` : ''}`);
  expect(tile.status).toBe(200);
  const counted = perType(tile.features);
  for (const type of q.eventType ? [q.eventType] : TYPES) {
    const listed = await listedInTile(demo, as, address, `&eventType=${encodeURIComponent(type)}&${params}`);
    expect(counted.get(type) ?? 0, `${as} z${address.z} ${type} ${params}`).toBe(listed.length);
  }
}

/**
 * The chart's counts per day over the whole area (summed from the kept counts) against the same
 * counts within a box around the whole world, which the node counts incident by incident.
 */
async function expectDaysAsCounted(as: string, q: { from?: string; to?: string; eventType?: string; status?: string }): Promise<void> {
  const [from, to] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to];
  const params = new URLSearchParams(
    Object.entries({ from, to, eventType: q.eventType, status: q.status }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const kept = await demo.call('GET', `/api/v1/incidents/daily-counts?${params}`, { as });
  params.set('bbox', '-180,-85,180,85');
  const counted = await demo.call('GET', `/api/v1/incidents/daily-counts?${params}`, { as });
  expect(kept.status).toBe(200);
  expect(kept.body, `${as} days ${params}`).toEqual(counted.body);
}

describe('counts kept for the low zooms', () => {
  it('add up to the list’s, per event type, after any writes, for any filters and period', async () => {
    const sqlite = () => demo.store.sqlite;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        query,
        fc.constantFrom('coord.ml', 'coord.sn'),
        fc.integer({ min: 5, max: 10 }),
        fc.double({ min: -0.7, max: 0.7, noNaN: true }),
        fc.double({ min: -0.7, max: 0.7, noNaN: true }),
        async (seed, changes, q, as, z, dLon, dLat) => {
          // Each run from the same start: every incident of the last run deleted (the triggers
          // take them out of the counts), then 2,400 written afresh.
          sqlite().prepare(`DELETE FROM incident_bbox WHERE id IN (SELECT seq FROM incidents WHERE id LIKE 'kept-%')`).run();
          sqlite().prepare(`DELETE FROM incidents WHERE id LIKE 'kept-%'`).run();
          add(2400, seed);
          const where = (modulo: number) => `id LIKE 'kept-%' AND (seq % ${modulo}) = 0`;
          for (const change of changes) {
            if (change.kind === 'narrow')
              sqlite()
                .prepare(`UPDATE incidents SET releasable_to = '[]' WHERE ${where(change.modulo)}`)
                .run();
            if (change.kind === 'retype')
              sqlite()
                .prepare(`UPDATE incidents SET event_type = ? WHERE ${where(change.modulo)}`)
                .run(change.type);
            if (change.kind === 'status')
              sqlite()
                .prepare(`UPDATE incidents SET status = 'confirmed' WHERE ${where(change.modulo)}`)
                .run();
            if (change.kind === 'delete') {
              sqlite()
                .prepare(`DELETE FROM incident_bbox WHERE id IN (SELECT seq FROM incidents WHERE ${where(change.modulo)})`)
                .run();
              sqlite()
                .prepare(`DELETE FROM incidents WHERE ${where(change.modulo)}`)
                .run();
            }
            if (change.kind === 'add') add(change.count, change.seed);
          }
          // The drawn tile, and the whole area at zoom 6 with the period alone: there the incidents
          // are always beyond what a tile shows one by one, so the counted cells are what is checked.
          await expectTileAsListed(as, tileAt(z, CENTRE.lon + dLon, CENTRE.lat + dLat), q);
          await expectTileAsListed(as, tileAt(6, CENTRE.lon, CENTRE.lat), { from: q.from, to: q.to });
          await expectDaysAsCounted(as, q);
        },
      ),
      { numRuns: 15 },
    );
  });
});
