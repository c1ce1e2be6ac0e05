import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TILE_EXTENT, tilePosition } from '../../src/geo/web-tiles.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { tileAt } from '../support/incident-tiles.js';
import { copyPatrol, fetchTrackTile } from '../support/track-tiles.js';

// A vehicle reporting every 40 s at about 65 km/h leaves 750 m between positions: more than a
// zoom 16 tile (600 m), most of a zoom 15 tile. A deep tile must still draw the road it took
// through the tile, from the position before to the position after, cut at the tile's edges;
// a tile must not stop its line short of its edges where the track goes on.

let demo: DemoNode;
const PATROL = 'track-vehicle-ml';
const STEP = 0.007; // degrees of longitude between positions, about 750 m here
const START = { lon: -11.52, lat: 14.418 };
const at = (i: number) => new Date(Date.parse('2026-11-02T06:00:00.000Z') + i * 40_000).toISOString();
const position = (i: number) => ({ lon: START.lon + i * STEP, lat: START.lat + 0.0001 * (i % 3) });

// A patrol reporting every 100 s at the same speed leaves 1.8 km between positions: a tile of
// zoom 15 or 16 can lie between two of them with no position in it or near it.
const SPARSE = 'track-sparse-ml';
const SPARSE_STEP = 0.017;
const sparse = (i: number) => ({ lon: START.lon + i * SPARSE_STEP, lat: START.lat - 0.05 });
// A patrol that goes away and comes back: its two visits are not one segment, whatever the tile.
const RETURNING = 'track-returning-ml';
const returning = [
  { lon: -11.2, lat: 14.3 },
  { lon: -11.3, lat: 14.6 },
  { lon: -11.2 + SPARSE_STEP, lat: 14.3 },
];

beforeAll(async () => {
  demo = await startDemoNode();
  copyPatrol(demo.store.sqlite, 'demo-patrol-launch', PATROL, 'ML', []);
  const positions = Array.from({ length: 40 }, (_, i) => ({ at: at(i), ...position(i), section: null }));
  await demo.node.repos.patrols.insertPositions(PATROL, positions, 'test');
  copyPatrol(demo.store.sqlite, 'demo-patrol-launch', SPARSE, 'ML', []);
  await demo.node.repos.patrols.insertPositions(
    SPARSE,
    Array.from({ length: 10 }, (_, i) => ({ at: at(3 * i), ...sparse(i), section: null })),
    'test',
  );
  copyPatrol(demo.store.sqlite, 'demo-patrol-launch', RETURNING, 'ML', []);
  await demo.node.repos.patrols.insertPositions(
    RETURNING,
    returning.map((p, i) => ({ at: at(30 * i), ...p, section: null })),
    'test',
  );
});
afterAll(async () => demo.close());

/** The x of every point the tile draws for the patrol, in tile units. */
async function drawnX(z: number, i: number, query = ''): Promise<number[]> {
  const { lon, lat } = position(i);
  const tile = await fetchTrackTile(demo, 'coord.ml', tileAt(z, lon + STEP / 10, lat), query);
  expect(tile.status).toBe(200);
  return tile.lines.filter((line) => line.patrol === PATROL).flatMap((line) => line.parts.flat().map(([x]) => x));
}

describe('a track tile at a deep zoom', () => {
  it.each([14, 15, 16])('draws the track across the whole tile at zoom %i', async (z) => {
    const xs = await drawnX(z, 20);
    expect(Math.min(...xs)).toBeLessThanOrEqual(0);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(TILE_EXTENT);
  });

  it.each([15, 16])('draws a segment that crosses the tile with no position near it, at zoom %i', async (z) => {
    const [a, b] = [sparse(4), sparse(5)];
    const address = tileAt(z, (a.lon + b.lon) / 2, a.lat);
    const [ax] = tilePosition(address, a.lon, a.lat);
    const [bx] = tilePosition(address, b.lon, b.lat);
    // Both positions lie more than the tile's read margin away from it.
    expect(ax).toBeLessThan(-TILE_EXTENT / 8);
    expect(bx).toBeGreaterThan(TILE_EXTENT * (1 + 1 / 8));
    const tile = await fetchTrackTile(demo, 'coord.ml', address);
    const xs = tile.lines.filter((line) => line.patrol === SPARSE).flatMap((line) => line.parts.flat().map(([x]) => x));
    expect(Math.min(...xs)).toBeLessThanOrEqual(0);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(TILE_EXTENT);
  });

  it('does not join two visits of a patrol that went elsewhere between them', async () => {
    const address = tileAt(16, returning[0]!.lon + SPARSE_STEP / 2, returning[0]!.lat);
    const tile = await fetchTrackTile(demo, 'coord.ml', address);
    expect(tile.lines.filter((line) => line.patrol === RETURNING)).toEqual([]);
  });

  it('ends the line at the last position of the period, not at the one after it', async () => {
    const z = 16;
    const address = tileAt(z, position(20).lon + STEP / 10, position(20).lat);
    const [last] = tilePosition(address, position(20).lon, position(20).lat);
    const xs = await drawnX(z, 20, `?to=${encodeURIComponent(at(20))}`);
    expect(Math.min(...xs)).toBeLessThanOrEqual(0);
    expect(Math.max(...xs)).toBeCloseTo(last, -1);
  });
});
