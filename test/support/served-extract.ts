import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { expect, it } from 'vitest';
import type { DemoNode } from './demo-node.js';

/**
 * What a node serving a nation's extract answers, whatever the file it is (MBTiles or PMTiles):
 * the extract's tile at zoom 11 over Diboli, holding the place « Diboli »; an empty tile where the
 * extract has none; 400 below its deepest zoom (12); a style that credits OpenStreetMap.
 */
export function itServesTheExtract(demo: () => DemoNode): void {
  it('is served instead of the built one, unpacked, rows from the north', async () => {
    const response = await demo().app.inject({
      method: 'GET',
      url: '/api/v1/map/basemap/11/954/940.mvt',
      headers: { authorization: `Bearer ${await demo().token('coord.ml')}` },
    });
    expect(response.statusCode).toBe(200);
    const tile = new VectorTile(new Pbf(response.rawPayload));
    expect(Object.keys(tile.layers)).toEqual(['place']);
    expect(tile.layers.place!.feature(0).properties.name).toBe('Diboli');
  });

  it('answers an empty tile where the extract has none, and stops at its deepest zoom', async () => {
    const empty = await demo().call('GET', '/api/v1/map/basemap/11/0/0.mvt', { as: 'coord.ml' });
    expect(empty.status).toBe(200);
    expect(empty.body ?? '').toBe('');
    const deeper = await demo().call('GET', '/api/v1/map/basemap/13/0/0.mvt', { as: 'coord.ml' });
    expect(deeper.status).toBe(400);
  });

  it('gets a style for land drawn by the extract, credited to OpenStreetMap', async () => {
    const style = (await demo().call('GET', '/api/v1/map/style.json', { as: 'coord.ml' })).body;
    expect(style.sources.basemap.maxzoom).toBe(12);
    expect(style.sources.basemap.attribution).toContain('OpenStreetMap');
  });
}
