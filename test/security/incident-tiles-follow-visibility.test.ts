import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKS_PER_TILE } from '../../src/services/incident-tiles.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { addIncidents, fetchTile, listedInTile, tileAt } from '../support/incident-tiles.js';

// Incident tiles are one more channel: read back with a real MVT reader (@mapbox/vector-tile and
// pbf), a tile holds exactly the incidents the list gives the same caller in the tile's box, with
// the same filters; counted cells add up to the list's counts; a partner's tile never holds or
// counts a national incident.

let demo: DemoNode;
let nationalId: string;
const NATIONAL = { lon: -11.43, lat: 14.43 };
// A dense patch near Sabodala, beyond what one tile shows one by one at zoom 8.
const DENSE = { lon: -12.0, lat: 13.3 };
const TYPES = ['Battles', 'Riots', 'Protests', 'Violence against civilians'];

beforeAll(async () => {
  demo = await startDemoNode();
  const created = await demo.call('POST', '/api/v1/incidents', {
    as: 'coord.ml',
    body: {
      occurredAt: '2026-11-01',
      location: { lat: NATIONAL.lat, lon: NATIONAL.lon },
      eventType: 'Battles',
      subEventType: 'Armed clash',
      narrative: 'Note nationale.',
      releasableTo: [],
    },
  });
  nationalId = created.body.id;
  addIncidents(
    demo,
    Array.from({ length: MARKS_PER_TILE + 500 }, (_, i) => ({
      id: `dense-${i}`,
      owner: i % 3 === 0 ? 'SN' : 'ML',
      releasableTo: i % 3 === 0 ? ['ML'] : i % 3 === 1 ? ['SN'] : [],
      lon: DENSE.lon + ((i * 37) % 100) / 400,
      lat: DENSE.lat + ((i * 53) % 100) / 400,
      eventType: TYPES[i % TYPES.length]!,
      occurredAt: new Date(Date.parse('2026-10-01') + (i % 20) * 86_400_000).toISOString(),
    })),
  );
});
afterAll(async () => demo.close());

const idsOf = (features: Record<string, unknown>[]) => features.map((f) => String(f.id)).sort();

describe('incident tiles give each caller what the list gives it', () => {
  it.each([
    ['coord.ml', 6],
    ['coord.ml', 9],
    ['coord.ml', 12],
    ['coord.sn', 6],
    ['coord.sn', 9],
    ['coord.sn', 12],
    ['liaison.sn', 9],
  ])('%s at zoom %i: the incidents of the tile are the list’s in its box', async (as, z) => {
    const address = tileAt(z, NATIONAL.lon, NATIONAL.lat);
    const tile = await fetchTile(demo, as, address);
    expect(tile.status).toBe(200);
    const listed = await listedInTile(demo, as, address);
    // At zoom 6 the tile also covers the dense patch: its incidents come counted, not one by one.
    const counted = z === 6;
    expect(tile.features.every((f) => f.cluster === (counted ? true : undefined))).toBe(true);
    if (counted) expect(tile.features.reduce((sum, f) => sum + Number(f.point_count), 0)).toBe(listed.length);
    else expect(idsOf(tile.features)).toEqual(listed);
    expect(listed.includes(nationalId)).toBe(as === 'coord.ml');
  });

  it.each(['coord.ml', 'coord.sn'])('%s: a tile with the list’s filters holds the list’s incidents', async (as) => {
    const address = tileAt(7, NATIONAL.lon, NATIONAL.lat);
    const query = '?eventType=Battles&from=2020-01-01&to=2026-12-31';
    const tile = await fetchTile(demo, as, address, query);
    expect(idsOf(tile.features)).toEqual(await listedInTile(demo, as, address, `&eventType=Battles&from=2020-01-01&to=2026-12-31`));
  });

  it.each(['coord.ml', 'coord.sn'])('%s: counted cells add up to the list’s counts, in total and per event type', async (as) => {
    const address = tileAt(8, DENSE.lon, DENSE.lat);
    const tile = await fetchTile(demo, as, address);
    const listed = await listedInTile(demo, as, address);
    expect(listed.length).toBeGreaterThan(MARKS_PER_TILE);
    expect(tile.features.length).toBeGreaterThan(1);
    expect(tile.features.every((f) => f.cluster === true)).toBe(true);
    const total = tile.features.reduce((sum, f) => sum + Number(f.point_count), 0);
    expect(total).toBe(listed.length);
    for (const type of TYPES) {
      const counted = tile.features.reduce((sum, f) => sum + Number(f[`count:${type}`] ?? 0), 0);
      expect(counted).toBe((await listedInTile(demo, as, address, `&eventType=${encodeURIComponent(type)}`)).length);
    }
  });

  it('a partner’s counts leave out the national incidents', async () => {
    const address = tileAt(8, DENSE.lon, DENSE.lat);
    const count = async (as: string) => (await fetchTile(demo, as, address)).features.reduce((sum, f) => sum + Number(f.point_count ?? 1), 0);
    const [mali, senegal] = [await count('coord.ml'), await count('coord.sn')];
    // Of each three dense incidents: one Senegal's (released to Mali), one Mali's released to Senegal, one Mali's alone.
    expect(senegal).toBe((await listedInTile(demo, 'coord.sn', address)).length);
    expect(mali - senegal).toBe(Math.ceil((MARKS_PER_TILE + 500 - 2) / 3));
  });

  it('the per-day counts are the list’s, per day, for the same filters and box', async () => {
    const bbox = '-12.1,13.2,-11.6,13.7';
    for (const as of ['coord.ml', 'coord.sn']) {
      const counts = await demo.call('GET', `/api/v1/incidents/daily-counts?bbox=${bbox}&eventType=Riots`, { as });
      expect(counts.status).toBe(200);
      const listed = await demo.call('GET', `/api/v1/incidents?limit=50000&bbox=${bbox}&eventType=Riots`, { as });
      const perDay = new Map<string, number>();
      for (const f of listed.body.features) perDay.set(f.properties.occurredAt.slice(0, 10), (perDay.get(f.properties.occurredAt.slice(0, 10)) ?? 0) + 1);
      expect(counts.body).toEqual([...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })));
    }
  });

  it('refuses a tile that does not exist and an inverted period, in the catalogue’s words', async () => {
    const outside = await demo.call('GET', '/api/v1/tiles/incidents/3/8/0.mvt', { as: 'coord.ml', lang: 'en' });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('ERR_BAD_TILE');
    const inverted = await demo.call('GET', '/api/v1/tiles/incidents/3/3/3.mvt?from=2026-02-01&to=2026-01-01', { as: 'coord.ml' });
    expect(inverted.body.code).toBe('ERR_BAD_TIME_RANGE');
    expect((await demo.call('GET', '/api/v1/tiles/incidents/3/3/3.mvt')).status).toBe(401);
  });
});
