import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TILE_EXTENT, tileBounds, tilePosition, type TileAddress } from '../../src/geo/web-tiles.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { tileAt } from '../support/incident-tiles.js';
import { copyPatrol, fetchTrackTile } from '../support/track-tiles.js';

// Track tiles are one more channel for positions: read back with a real MVT reader, a tile holds
// lines for exactly the patrols whose positions the JSON track route gives the same caller there,
// and every point of a line that is not a cut at the tile's edge is one of those positions. A
// partner outside the position policy gets no line, not even of a joint patrol released to it;
// the host nation gets none of a partner's patrol it is not shown positions of.

let demo: DemoNode;
const JOINT = 'demo-patrol-launch'; // Mali's, released to Senegal
const NATIONAL = 'track-national-ml';
const SENEGAL = 'track-received-sn'; // Senegal's, released to Mali
const START = { lon: -11.46, lat: 14.42 };
const PATROLS = [JOINT, NATIONAL, SENEGAL];
const USERS = ['coord.ml', 'coord.sn', 'liaison.sn'];
const POLICIES: string[][] = [[], ['SN'], ['ML'], ['ML', 'SN']];

/** A walk of `count` positions every 30 s from a start, heading east with a swing. */
function walk(seed: number, count: number, from = '2026-11-02T06:00:00.000Z') {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(Date.parse(from) + i * 30_000).toISOString(),
    lon: START.lon + i * 0.0004,
    lat: START.lat + 0.01 * seed + 0.004 * Math.sin(i / 25 + seed),
    section: null,
  }));
}

beforeAll(async () => {
  demo = await startDemoNode();
  copyPatrol(demo.store.sqlite, JOINT, NATIONAL, 'ML', []);
  copyPatrol(demo.store.sqlite, JOINT, SENEGAL, 'SN', ['ML']);
  for (const [i, id] of PATROLS.entries()) await demo.node.repos.patrols.insertPositions(id, walk(i, 600), 'test');
});
afterAll(async () => demo.close());

async function withPolicy<T>(policy: string[], run: () => Promise<T>): Promise<T> {
  const before = demo.node.mechanism.sharingPolicy.position;
  demo.node.mechanism.sharingPolicy.position = policy as typeof before;
  try {
    return await run();
  } finally {
    demo.node.mechanism.sharingPolicy.position = before;
  }
}

/** The positions the JSON route gives `as` for a patrol ([] when it may not see the patrol). */
async function jsonTrack(as: string, id: string): Promise<[number, number][]> {
  const track = await demo.call('GET', `/api/v1/patrols/${id}/track`, { as });
  if (track.status === 404) return [];
  expect(track.status).toBe(200);
  const geometry = track.body.geometry as { type: string; coordinates: unknown } | null;
  if (!geometry) return [];
  return geometry.type === 'Point' ? [geometry.coordinates as [number, number]] : (geometry.coordinates as [number, number][]);
}

/** Lines are drawn 64 tile units (1/64 of the tile) beyond its edges, and cut there. */
const EDGE = 64;
const MARGIN = EDGE / TILE_EXTENT;

/** Whether a position is in the tile's box widened by `margin` (a fraction of the tile). */
const inside = (address: TileAddress, [lon, lat]: [number, number], margin: number) => {
  const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
  const [dLon, dLat] = [(maxLon - minLon) * margin, (maxLat - minLat) * margin];
  return lon > minLon - dLon && lon < maxLon + dLon && lat > minLat - dLat && lat < maxLat + dLat;
};

describe('track tiles give each caller only the positions the JSON track gives it', () => {
  for (const policy of POLICIES) {
    it.each(USERS.flatMap((as) => [8, 11, 13, 15].map((z) => [as, z] as const)))(`position policy [${policy.join(', ')}]: %s at zoom %i`, async (as, z) =>
      withPolicy(policy, async () => {
        const address = tileAt(z, START.lon + 0.05, START.lat + 0.004);
        const tile = await fetchTrackTile(demo, as, address);
        expect(tile.status).toBe(200);
        const shown = new Map<string, [number, number][]>();
        for (const id of PATROLS) shown.set(id, await jsonTrack(as, id));
        const drawn = tile.lines.map((l) => l.patrol).sort();
        // Every patrol with a position it may be shown inside the tile, and none without one in the
        // tile or the margin its lines are drawn over.
        for (const id of PATROLS) if (shown.get(id)!.some((p) => inside(address, p, 0))) expect(drawn).toContain(id);
        for (const id of drawn) expect(shown.get(id)!.some((p) => inside(address, p, MARGIN))).toBe(true);
        for (const line of tile.lines) {
          const own = shown.get(line.patrol)!.map(([lon, lat]) => tilePosition(address, lon, lat));
          for (const [x, y] of line.parts.flat()) {
            // A point where the line is cut at the edge of the drawn margin is no position.
            const cut = [x, y].some((v) => Math.abs(v + EDGE) <= 1 || Math.abs(v - TILE_EXTENT - EDGE) <= 1);
            if (cut) continue;
            expect(own.some(([px, py]) => Math.abs(px - x) <= 1.5 && Math.abs(py - y) <= 1.5)).toBe(true);
          }
        }
      }),
    );
  }

  it('shows Senegal its own patrol, the joint one only when the policy names Senegal, and never the national one; Mali not Senegal’s unless named', async () => {
    const address = tileAt(11, START.lon + 0.05, START.lat + 0.004);
    const patrols = async (policy: string[]) => withPolicy(policy, async () => (await fetchTrackTile(demo, 'coord.sn', address)).lines.map((l) => l.patrol));
    expect(await patrols([])).toEqual([SENEGAL]);
    expect((await patrols(['SN'])).sort()).toEqual([JOINT, SENEGAL].sort());
    const mali = await withPolicy([], async () => (await fetchTrackTile(demo, 'coord.ml', address)).lines.map((l) => l.patrol).sort());
    expect(mali).toEqual([JOINT, NATIONAL].sort());
    const named = await withPolicy(['ML'], async () => (await fetchTrackTile(demo, 'coord.ml', address)).lines.map((l) => l.patrol).sort());
    expect(named).toEqual([JOINT, NATIONAL, SENEGAL].sort());
  });

  it('gives an empty tile, not an error, for a patrol the caller may not be shown', async () => {
    const address = tileAt(11, START.lon + 0.05, START.lat + 0.004);
    const national = await fetchTrackTile(demo, 'coord.sn', address, `?patrol=${NATIONAL}`);
    const unknown = await fetchTrackTile(demo, 'coord.sn', address, '?patrol=no-such-patrol');
    expect(national.status).toBe(200);
    expect(national.lines).toEqual([]);
    expect(unknown.status).toBe(200);
    expect((await fetchTrackTile(demo, 'coord.ml', address, `?patrol=${NATIONAL}`)).lines.map((l) => l.patrol)).toEqual([NATIONAL]);
  });

  it('keeps a partner’s ETag when a national track is written, and moves it for a position it may be shown', async () =>
    withPolicy(['SN'], async () => {
      const address = tileAt(12, START.lon + 0.05, START.lat + 0.004);
      const first = await fetchTrackTile(demo, 'coord.sn', address);
      expect((await fetchTrackTile(demo, 'coord.sn', address, '', { 'if-none-match': first.etag })).status).toBe(304);
      const malian = await fetchTrackTile(demo, 'coord.ml', address);
      await demo.node.repos.patrols.insertPositions(NATIONAL, walk(0, 50, '2026-11-03T06:00:00.000Z'), 'test');
      expect((await fetchTrackTile(demo, 'coord.sn', address)).etag).toBe(first.etag);
      expect((await fetchTrackTile(demo, 'coord.ml', address)).etag).not.toBe(malian.etag);
      await demo.node.repos.patrols.insertPositions(JOINT, walk(1, 50, '2026-11-03T06:00:00.000Z'), 'test');
      expect((await fetchTrackTile(demo, 'coord.sn', address)).etag).not.toBe(first.etag);
    }));
});
