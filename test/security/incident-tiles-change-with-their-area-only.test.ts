import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { fetchTile, tileAt } from '../support/incident-tiles.js';

// A tile's ETag names its version for the caller's nation: the node answers 304 while it holds,
// a write moves the tiles of its own area and no other, and a national record written here never
// moves a partner's tiles, not even their ETag (what a partner receives depends only on what it
// may see).

let demo: DemoNode;
const HERE = { lon: -11.43, lat: 14.43 };
const ELSEWHERE = { lon: -12.46, lat: 14.9 };
const Z = 12;

beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function record(releasableTo: string[], at = HERE): Promise<string> {
  const created = await demo.call('POST', '/api/v1/incidents', {
    as: 'coord.ml',
    body: { occurredAt: '2026-11-01', location: { lat: at.lat, lon: at.lon }, eventType: 'Riots', subEventType: 'Mob violence', releasableTo },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const etagOf = async (as: string, at: { lon: number; lat: number }) => (await fetchTile(demo, as, tileAt(Z, at.lon, at.lat))).etag;

describe('incident tiles revalidate by area and audience', () => {
  it('answers 304 to a matching ETag, and the tile again to another', async () => {
    const address = tileAt(Z, HERE.lon, HERE.lat);
    const first = await fetchTile(demo, 'coord.ml', address);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^".+"$/);
    const again = await fetchTile(demo, 'coord.ml', address, '', { 'if-none-match': first.etag });
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    expect((await fetchTile(demo, 'coord.ml', address, '', { 'if-none-match': '"another"' })).status).toBe(200);
    // Another nation, or other filters, make another tile.
    expect((await fetchTile(demo, 'coord.sn', address, '', { 'if-none-match': first.etag })).status).toBe(200);
    expect((await fetchTile(demo, 'coord.ml', address, '?eventType=Riots', { 'if-none-match': first.etag })).status).toBe(200);
  });

  it('a national write moves its area’s tiles for its nation only, and no tile elsewhere', async () => {
    const before = { mali: await etagOf('coord.ml', HERE), senegal: await etagOf('coord.sn', HERE), maliElsewhere: await etagOf('coord.ml', ELSEWHERE) };
    const id = await record([]);
    expect(await etagOf('coord.ml', HERE)).not.toBe(before.mali);
    expect(await etagOf('coord.ml', ELSEWHERE)).toBe(before.maliElsewhere);
    expect(await etagOf('coord.sn', HERE)).toBe(before.senegal);
    const tile = await fetchTile(demo, 'coord.ml', tileAt(Z, HERE.lon, HERE.lat));
    expect(tile.features.map((f) => f.id)).toContain(id);
  });

  it('a record released to a partner moves the partner’s tile; narrowing it moves it again', async () => {
    const before = await etagOf('coord.sn', HERE);
    const id = await record(['SN']);
    const released = await etagOf('coord.sn', HERE);
    expect(released).not.toBe(before);
    expect((await fetchTile(demo, 'coord.sn', tileAt(Z, HERE.lon, HERE.lat))).features.map((f) => f.id)).toContain(id);
    const narrowed = await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { releasableTo: [] } });
    expect(narrowed.status).toBe(200);
    expect(await etagOf('coord.sn', HERE)).not.toBe(released);
    expect((await fetchTile(demo, 'coord.sn', tileAt(Z, HERE.lon, HERE.lat))).features.map((f) => f.id)).not.toContain(id);
  });

  it('moving an incident moves the tiles it left and those it reached', async () => {
    const id = await record([]);
    const before = { here: await etagOf('coord.ml', HERE), elsewhere: await etagOf('coord.ml', ELSEWHERE) };
    const moved = await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { location: { lat: ELSEWHERE.lat, lon: ELSEWHERE.lon } } });
    expect(moved.status).toBe(200);
    expect(await etagOf('coord.ml', HERE)).not.toBe(before.here);
    expect(await etagOf('coord.ml', ELSEWHERE)).not.toBe(before.elsewhere);
  });
});
