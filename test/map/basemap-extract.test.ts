import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { itServesTheExtract } from '../support/served-extract.js';

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
  itServesTheExtract(() => demo);

  it('must be an MBTiles (or PMTiles) file that exists', () => {
    const other = join(dir, 'planet.osm.pbf');
    writeFileSync(other, '');
    expect(() => loadConfig({ dataDir: dir, basemapExtract: other }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ dataDir: dir }, { DIBOLI_BASEMAP_EXTRACT: join(dir, 'missing.mbtiles') })).toThrow(ConfigError);
  });
});
