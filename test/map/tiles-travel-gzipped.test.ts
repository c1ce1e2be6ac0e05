import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { tileAt } from '../support/incident-tiles.js';

// Tiles (and the basemap's label glyphs) are kept gzipped and sent so to a client that takes gzip; one that does not gets the same
// bytes inflated. Never gzipped twice (the node's compression of other answers leaves them alone).

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function ask(path: string, acceptEncoding?: string) {
  const response = await demo.app.inject({
    method: 'GET',
    url: path,
    headers: { authorization: `Bearer ${await demo.token('coord.ml')}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });
  expect(response.statusCode).toBe(200);
  return response;
}

describe('map tiles on the wire', () => {
  const diboli = tileAt(9, -12.2, 14.45);
  it.each([
    ['an incident tile', `/api/v1/tiles/incidents/${diboli.z}/${diboli.x}/${diboli.y}.mvt`],
    ['a track tile', `/api/v1/tiles/tracks/${diboli.z}/${diboli.x}/${diboli.y}.mvt`],
    ['a basemap tile', `/api/v1/map/basemap/${diboli.z}/${diboli.x}/${diboli.y}.mvt`],
    ['a block of label glyphs', '/api/v1/map/glyphs/DejaVu%20Sans%20Bold/0-255.pbf'],
  ])('%s: gzipped once for a browser, inflated for a client without gzip', async (_kind, path) => {
    const plain = await ask(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(0);
    const zipped = await ask(path, 'gzip, deflate, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    const refused = await ask(path, 'gzip;q=0, identity');
    expect(refused.headers['content-encoding'] ?? 'identity').toBe('identity');
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
  });
});
