import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 16 put a new channel on the map: the node's basemap tiles, style and glyphs. They carry
// reference geography only, so every user of every nation receives the same bytes, and no record
// a nation may withhold (posts, released per nation; incidents) is ever in them.

let demo: DemoNode;

beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

/** Diboli's tile at each zoom, and its neighbours at zoom 9. */
const TILES = ['5/14/14', '7/59/58', '9/238/235', '9/237/235', '9/238/234', '11/954/940', '12/1909/1881'];

async function tileAs(as: string, tile: string): Promise<Buffer> {
  const response = await demo.app.inject({
    method: 'GET',
    url: `/api/v1/map/basemap/${tile}.mvt`,
    headers: { authorization: `Bearer ${await demo.token(as)}` },
  });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

function stringsOf(bytes: Buffer): string[] {
  const tile = new VectorTile(new Pbf(bytes));
  const values: string[] = [];
  for (const layer of Object.values(tile.layers)) {
    for (let i = 0; i < layer.length; i++) values.push(...Object.values(layer.feature(i).properties).map(String));
  }
  return values;
}

describe('the basemap', () => {
  it('gives a Senegalese liaison officer the same tiles as Mali’s coordinator', async () => {
    for (const tile of TILES) {
      const mali = await tileAs('coord.ml', tile);
      const senegal = await tileAs('liaison.sn', tile);
      expect(senegal.equals(mali), tile).toBe(true);
    }
  });

  it('carries no post and no incident, whoever asks', async () => {
    const posts = await demo.node.repos.organisation.postsVisibleTo('ML');
    const incidents = (await demo.call('GET', '/api/v1/incidents?limit=5000', { as: 'coord.ml' })).body.features as {
      properties: { placeName: string | null; narrative?: string };
    }[];
    expect(posts.length).toBeGreaterThan(0);
    const withheld = new Set([...posts.map((p) => p.name), ...posts.map((p) => p.id), ...incidents.map((i) => i.properties.narrative ?? '').filter(Boolean)]);
    for (const tile of TILES) {
      const found = stringsOf(await tileAs('coord.ml', tile)).filter((value) => withheld.has(value));
      expect(found, tile).toEqual([]);
    }
  });

  it('serves one style to every nation, its URLs on the node', async () => {
    const mali = await demo.call('GET', '/api/v1/map/style.json', { as: 'coord.ml' });
    const senegal = await demo.call('GET', '/api/v1/map/style.json', { as: 'liaison.sn' });
    expect(senegal.body).toEqual(mali.body);
    expect(JSON.stringify(mali.body)).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});
