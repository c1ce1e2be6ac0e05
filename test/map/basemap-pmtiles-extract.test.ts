import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { tileAt } from '../../src/geo/web-tiles.js';
import { openPmtiles } from '../../src/store/pmtiles-archive.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { itServesTheExtract } from '../support/served-extract.js';
import { writePmtiles, type PmtilesTile } from '../support/pmtiles-writer.js';

// A nation's extract as a PMTiles file (one file with its own index, as Planetiler or
// `pmtiles extract` write it) is served like an MBTiles one, read from the disk alone. The archives
// here are written by test/support/pmtiles-writer.ts from tiles cut the way the node cuts its own.

const dir = mkdtempSync(join(tmpdir(), 'diboli-pmtiles-'));
const DIBOLI = [-12.19945, 14.45511];

function placeTiles(name: string, zooms: readonly number[]): PmtilesTile[] {
  const place = { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: DIBOLI }, properties: { name, class: 'village' } };
  const index = new GeoJSONVT({ type: 'FeatureCollection', features: [place] }, { maxZoom: 14, indexMaxZoom: 0 });
  return zooms.map((z) => {
    const { x, y } = tileAt(z, DIBOLI[0]!, DIBOLI[1]!);
    return { z, x, y, data: fromGeojsonVt({ place: index.getTile(z, x, y)! }) };
  });
}

const extract = join(dir, 'mali-osm.pmtiles');
let demo: DemoNode;

beforeAll(async () => {
  writePmtiles(extract, placeTiles('Diboli', [0, 6, 11, 12]), { metadata: { name: 'Mali OSM', version: '1' } });
  demo = await startDemoNode({ config: { basemapExtract: extract } });
});
afterAll(async () => demo.close());

describe('a nation’s own basemap as a PMTiles file', () => {
  itServesTheExtract(() => demo);

  it('is named by a .pmtiles file that exists', () => {
    expect(loadConfig({ dataDir: dir, basemapExtract: extract }, {}).basemapExtract).toBe(extract);
    expect(() => loadConfig({ dataDir: dir }, { DIBOLI_BASEMAP_EXTRACT: join(dir, 'missing.pmtiles') })).toThrow(ConfigError);
    const other = join(dir, 'mali.geojson');
    writeFileSync(other, '{}');
    expect(() => loadConfig({ dataDir: dir, basemapExtract: other }, {})).toThrow(ConfigError);
  });
});

describe('reading a PMTiles archive', () => {
  it('reads the file alone, whatever packs its tiles and index', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    for (const [tileCompression, internalCompression] of [
      ['none', 'none'],
      ['gzip', 'brotli'],
      ['brotli', 'gzip'],
    ] as const) {
      const path = join(dir, `packed-${tileCompression}-${internalCompression}.pmtiles`);
      const tiles = placeTiles('Kidira', [5, 8, 10]);
      writePmtiles(path, tiles, { tileCompression, internalCompression });
      const archive = await openPmtiles(path);
      expect(archive.maxZoom).toBe(10);
      for (const { z, x, y, data } of tiles) expect(Buffer.from((await archive.tile(z, x, y))!).equals(Buffer.from(data))).toBe(true);
      expect(await archive.tile(9, 0, 0)).toBeNull();
      await archive.close();
    }
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });

  it('refuses an archive of pictures, and a file that is no archive', async () => {
    const raster = join(dir, 'satellite.pmtiles');
    writePmtiles(raster, [{ z: 0, x: 0, y: 0, data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }], { tileType: 2 });
    await expect(openPmtiles(raster)).rejects.toThrow(/vector tiles/);
    const text = join(dir, 'notes.pmtiles');
    writeFileSync(text, 'not an archive');
    await expect(openPmtiles(text)).rejects.toThrow();
  });
});
