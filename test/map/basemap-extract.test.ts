import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import Database from 'better-sqlite3';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// A nation that owns an OpenStreetMap extract (MBTiles, OpenMapTiles schema) serves it instead of
// the basemap built from the shipped data. The file here is made the way tile writers make it:
// gzipped tiles, rows numbered from the south.

const dir = mkdtempSync(join(tmpdir(), 'diboli-extract-'));
const extract = join(dir, 'mali-osm.mbtiles');
let demo: DemoNode;

function writeExtract(): void {
  const db = new Database(extract);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [name, value] of [
    ['name', 'Mali OSM'],
    ['format', 'pbf'],
    ['minzoom', '0'],
    ['maxzoom', '12'],
  ])
    meta.run(name, value);
  const place = {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [-12.19945, 14.45511] },
    properties: { name: 'Diboli', 'name:fr': 'Diboli', class: 'village' },
  };
  const index = new GeoJSONVT({ type: 'FeatureCollection', features: [place] }, { maxZoom: 12 });
  const tile = index.getTile(11, 954, 940)!;
  // Row 940 from the north is row 2^11 - 1 - 940 from the south.
  db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(11, 954, 2 ** 11 - 1 - 940, gzipSync(fromGeojsonVt({ place: tile })));
  db.close();
}

beforeAll(async () => {
  writeExtract();
  demo = await startDemoNode({ config: { basemapExtract: extract } });
});
afterAll(async () => demo.close());

describe('a nation’s own basemap extract', () => {
  it('is served instead of the built one, unzipped, rows from the north', async () => {
    const response = await demo.app.inject({
      method: 'GET',
      url: '/api/v1/map/basemap/11/954/940.mvt',
      headers: { authorization: `Bearer ${await demo.token('coord.ml')}` },
    });
    expect(response.statusCode).toBe(200);
    const tile = new VectorTile(new Pbf(response.rawPayload));
    expect(Object.keys(tile.layers)).toEqual(['place']);
    expect(tile.layers.place!.feature(0).properties.name).toBe('Diboli');
  });

  it('answers an empty tile where the extract has none, and stops at its deepest zoom', async () => {
    const empty = await demo.call('GET', '/api/v1/map/basemap/11/0/0.mvt', { as: 'coord.ml' });
    expect(empty.status).toBe(200);
    expect(empty.body ?? '').toBe('');
    const deeper = await demo.call('GET', '/api/v1/map/basemap/13/0/0.mvt', { as: 'coord.ml' });
    expect(deeper.status).toBe(400);
  });

  it('gets a style for land drawn by the extract, credited to OpenStreetMap', async () => {
    const style = (await demo.call('GET', '/api/v1/map/style.json', { as: 'coord.ml' })).body;
    expect(style.sources.basemap.maxzoom).toBe(12);
    expect(style.sources.basemap.attribution).toContain('OpenStreetMap');
  });

  it('must be an MBTiles (or PMTiles) file that exists', () => {
    const other = join(dir, 'planet.osm.pbf');
    writeFileSync(other, '');
    expect(() => loadConfig({ dataDir: dir, basemapExtract: other }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ dataDir: dir }, { DIBOLI_BASEMAP_EXTRACT: join(dir, 'missing.mbtiles') })).toThrow(ConfigError);
  });
});
