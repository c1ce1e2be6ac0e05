import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TILE_EXTENT, tileBounds, tilePosition, type TileAddress } from '../../src/geo/web-tiles.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { tileAt } from '../support/incident-tiles.js';
import { copyPatrol, fetchTrackTile } from '../support/track-tiles.js';

// A patrol whose phone went quiet, or a vehicle reporting every few minutes, leaves kilometres
// between two positions. Every deep tile the road between them crosses draws it, however long it
// is and however little of the tile it cuts; a partner never sees a national one; a position that
// arrives late between two others redraws the tiles their old segment crossed.

let demo: DemoNode;
const at = (minutes: number) => new Date(Date.parse('2026-11-03T08:00:00.000Z') + minutes * 60_000).toISOString();

/** 6.5 km in ten minutes, east along a parallel, Mali's own (released to nobody). */
const LONG = 'track-long-ml';
const long = [
  { lon: -11.9, lat: 14.9 },
  { lon: -11.84, lat: 14.9 },
];
const middle = { lon: -11.87, lat: 14.9 };

/** A segment of 4.6 km that cuts only the north-east corner of a zoom 16 tile. */
const CORNER = 'track-corner-ml';
const cornerTile = tileAt(16, -11.8, 14.85);

/** Short segments (under the long segments' threshold): one across a zoom 18 tile, one past its corner. */
const SHORT = 'track-short-ml';
const SHORT_CORNER = 'track-short-corner-ml';
/** A long segment (0.004°) with both ends in the box read around a zoom 18 tile for short ones: found both ways. */
const BOTH_WAYS = 'track-both-ways-ml';
const shortTile = tileAt(18, -11.75, 14.85);

/** Two positions 6.5 km apart, and one written later that falls between them in time, south of the next 1/4° line. */
const LATE = 'track-late-ml';
const late = [
  { lon: -11.7, lat: 14.8 },
  { lon: -11.64, lat: 14.8 },
];
const lateMiddle = { lon: -11.67, lat: 14.8 };
const lateArrival = { lon: -11.67, lat: 14.7 };

/** A point of the tile given as fractions of its side from its south-west corner. */
function inside(address: TileAddress, fx: number, fy: number): { lon: number; lat: number } {
  const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
  return { lon: minLon + fx * (maxLon - minLon), lat: minLat + fy * (maxLat - minLat) };
}

async function store(patrol: string, points: { lon: number; lat: number }[], minutes: number[]): Promise<void> {
  const positions = points.map((p, i) => ({ at: at(minutes[i]!), ...p, section: null }));
  await demo.node.repos.patrols.insertPositions(patrol, positions, 'test');
}

beforeAll(async () => {
  demo = await startDemoNode();
  for (const id of [LONG, CORNER, SHORT, SHORT_CORNER, BOTH_WAYS, LATE]) copyPatrol(demo.store.sqlite, 'demo-patrol-launch', id, 'ML', []);
  await store(LONG, long, [0, 10]);
  const corner = inside(cornerTile, 0.9, 0.9);
  await store(
    CORNER,
    [
      { lon: corner.lon - 0.015, lat: corner.lat + 0.015 },
      { lon: corner.lon + 0.015, lat: corner.lat - 0.015 },
    ],
    [0, 5],
  );
  // Across the zoom 18 tile from west to east, ends 0.0003° beyond its edges; past its south-west
  // corner, ends 0.0009° beyond its edges: both beyond the read margin (a 1/8 of 0.0014°).
  const [minLon, minLat, maxLon, maxLat] = tileBounds(shortTile);
  const across = (minLat + maxLat) / 2;
  await store(
    SHORT,
    [
      { lon: minLon - 0.0003, lat: across },
      { lon: maxLon + 0.0003, lat: across },
    ],
    [0, 1],
  );
  await store(
    SHORT_CORNER,
    [
      { lon: minLon + 0.0009, lat: minLat - 0.0009 },
      { lon: minLon - 0.0009, lat: minLat + 0.0009 },
    ],
    [0, 1],
  );
  const bothWaysAt = maxLat - (maxLat - minLat) / 4;
  await store(
    BOTH_WAYS,
    [
      { lon: minLon - 0.0013, lat: bothWaysAt },
      { lon: maxLon + 0.0013, lat: bothWaysAt },
    ],
    [0, 1],
  );
  await store(LATE, late, [0, 20]);
});
afterAll(async () => demo.close());

/** The drawn points of a patrol in a tile, in tile units. */
async function drawn(as: string, address: TileAddress, patrol: string, query = ''): Promise<[number, number][]> {
  const tile = await fetchTrackTile(demo, as, address, query);
  expect(tile.status).toBe(200);
  return tile.lines.filter((line) => line.patrol === patrol).flatMap((line) => line.parts.flat());
}

describe('a deep track tile between two distant positions', () => {
  it.each([14, 15, 16, 18])('draws a 6.5 km segment across the whole tile at zoom %i', async (z) => {
    const address = tileAt(z, middle.lon, middle.lat);
    const [ax] = tilePosition(address, long[0]!.lon, long[0]!.lat);
    expect(ax).toBeLessThan(-TILE_EXTENT / 8);
    const xs = (await drawn('coord.ml', address, LONG)).map(([x]) => x);
    expect(Math.min(...xs)).toBeLessThanOrEqual(0);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(TILE_EXTENT);
  });

  it('draws a long segment that only cuts the corner of the tile', async () => {
    const points = await drawn('coord.ml', cornerTile, CORNER);
    expect(points.length).toBeGreaterThanOrEqual(2);
    // The drawn part runs from beyond the top edge to beyond the right edge, through the corner.
    expect(Math.min(...points.map(([, y]) => y))).toBeLessThanOrEqual(0);
    expect(Math.max(...points.map(([x]) => x))).toBeGreaterThanOrEqual(TILE_EXTENT);
    expect(Math.min(...points.map(([x]) => x))).toBeGreaterThan(TILE_EXTENT / 2);
  });

  it('draws short segments across a zoom 18 tile and past its corner, from around the tile', async () => {
    const across = await drawn('coord.ml', shortTile, SHORT);
    expect(Math.min(...across.map(([x]) => x))).toBeLessThanOrEqual(0);
    expect(Math.max(...across.map(([x]) => x))).toBeGreaterThanOrEqual(TILE_EXTENT);
    // From beyond the left edge to beyond the bottom edge, through the south-west corner.
    const corner = await drawn('coord.ml', shortTile, SHORT_CORNER);
    expect(Math.min(...corner.map(([x]) => x))).toBeLessThanOrEqual(0);
    expect(Math.max(...corner.map(([, y]) => y))).toBeGreaterThanOrEqual(TILE_EXTENT);
    expect(Math.max(...corner.map(([x]) => x))).toBeLessThan(TILE_EXTENT / 2);
  });

  it('draws a long segment once where the positions around the tile find it too', async () => {
    const tile = await fetchTrackTile(demo, 'coord.ml', shortTile);
    const parts = tile.lines.filter((line) => line.patrol === BOTH_WAYS).flatMap((line) => line.parts);
    expect(parts).toHaveLength(1);
    expect(Math.min(...parts[0]!.map(([x]) => x))).toBeLessThanOrEqual(0);
    expect(Math.max(...parts[0]!.map(([x]) => x))).toBeGreaterThanOrEqual(TILE_EXTENT);
  });

  it('keeps a national segment from a partner', async () => {
    const address = tileAt(15, middle.lon, middle.lat);
    expect((await drawn('coord.ml', address, LONG)).length).toBeGreaterThan(0);
    expect(await drawn('coord.sn', address, LONG)).toEqual([]);
  });

  it('draws a segment only when both its ends are in the period', async () => {
    const address = tileAt(15, middle.lon, middle.lat);
    expect((await drawn('coord.ml', address, LONG, `?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(10))}`)).length).toBeGreaterThan(0);
    expect(await drawn('coord.ml', address, LONG, `?to=${encodeURIComponent(at(9))}`)).toEqual([]);
    expect(await drawn('coord.ml', address, LONG, `?from=${encodeURIComponent(at(1))}`)).toEqual([]);
  });

  it('is made again when a position arrives late between the two, however far it lies', async () => {
    const address = tileAt(15, lateMiddle.lon, lateMiddle.lat);
    const before = await fetchTrackTile(demo, 'coord.ml', address);
    expect(before.lines.filter((line) => line.patrol === LATE)).toHaveLength(1);
    // In another 1/4° cell of the area counters than the tile and both ends.
    expect(Math.floor((lateArrival.lat + 90) * 4)).not.toBe(Math.floor((lateMiddle.lat + 90) * 4));
    await store(LATE, [lateArrival], [10]);
    const after = await fetchTrackTile(demo, 'coord.ml', address, '', { 'if-none-match': before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.lines.filter((line) => line.patrol === LATE)).toEqual([]);
    // The new road is drawn where it goes.
    const south = tileAt(15, (late[0]!.lon + lateArrival.lon) / 2, (late[0]!.lat + lateArrival.lat) / 2);
    expect((await drawn('coord.ml', south, LATE)).length).toBeGreaterThan(0);
  });
});
