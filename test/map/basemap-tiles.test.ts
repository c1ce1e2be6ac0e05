import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { glyphLibrary, writeGlyphBlocks } from '../../src/map/glyph-fonts.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// The node's basemap read back by real readers: MVT tiles by @mapbox/vector-tile, glyph blocks
// by pbf field by field, the style as MapLibre would take it.

const DIBOLI = { lon: -12.19945, lat: 14.45511 };

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

let demo: DemoNode;
let token: string;

beforeAll(async () => {
  demo = await startDemoNode();
  token = await demo.token('lead.ml');
});
afterAll(async () => demo.close());

async function get(url: string, headers: Record<string, string> = {}) {
  return demo.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });
}

async function tileAt(z: number, lon = DIBOLI.lon, lat = DIBOLI.lat) {
  const [x, y] = tileOf(lon, lat, z);
  const response = await get(`/api/v1/map/basemap/${z}/${x}/${y}.mvt`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('application/vnd.mapbox-vector-tile');
  return new VectorTile(new Pbf(response.rawPayload));
}

function names(tile: VectorTile, layer: string): string[] {
  const found = tile.layers[layer];
  if (!found) return [];
  return Array.from({ length: found.length }, (_, i) => String(found.feature(i).properties.name));
}

describe('basemap tiles', () => {
  it('travel gzipped to a browser that accepts it, and read back the same', async () => {
    const [x, y] = tileOf(DIBOLI.lon, DIBOLI.lat, 11);
    const url = `/api/v1/map/basemap/11/${x}/${y}.mvt`;
    const plain = await get(url);
    const zipped = await get(url, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('at zoom 11 around Diboli carry its villages, the road and the border', async () => {
    const tile = await tileAt(11);
    expect(Object.keys(tile.layers).sort()).toEqual(expect.arrayContaining(['boundary', 'country', 'place', 'transportation']));
    expect(names(tile, 'place')).toEqual(expect.arrayContaining(['Diboli']));
    expect(names(tile, 'transportation').length).toBeGreaterThan(0);
    const place = tile.layers.place!;
    const classes = new Set(Array.from({ length: place.length }, (_, i) => place.feature(i).properties.class));
    expect(classes.has('village')).toBe(true);
  });

  it('at zoom 6 name the towns and leave the villages out', async () => {
    const tile = await tileAt(6);
    const places = names(tile, 'place');
    expect(places).toEqual(expect.arrayContaining(['Kayes']));
    expect(places).not.toContain('Diboli');
    expect(names(tile, 'waterway')).toContain('Sénégal');
  });

  it('draw the regional boundaries of Mali and Senegal around Kayes and Tambacounda from zoom 5', async () => {
    // Points on Natural Earth's lines: Kayes's boundary with Koulikoro (Mali), Tambacounda's with
    // Kédougou (Senegal).
    const onBoundary = { MLI: { lon: -8.65001, lat: 14.31396 }, SEN: { lon: -13.33479, lat: 13.12413 } };
    const boundaries = (tile: VectorTile) => {
      const layer = tile.layers.boundary;
      return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
    };
    for (const [country, { lon, lat }] of Object.entries(onBoundary)) {
      for (const z of [5, 7, 9, 12]) {
        const regional = boundaries(await tileAt(z, lon, lat)).filter((f) => f.properties.admin_level === 4);
        expect(
          regional.map((f) => f.properties.country),
          `${country} at zoom ${z}`,
        ).toContain(country);
        for (const line of regional) expect(line.type, 'a line').toBe(2);
      }
      const far = boundaries(await tileAt(4, lon, lat));
      expect(far.filter((f) => f.properties.admin_level === 4)).toEqual([]);
      expect(far.some((f) => f.properties.admin_level === 2)).toBe(true);
    }
  });

  it('answer 304 to the ETag they gave, and refuse a tile off the grid', async () => {
    const [x, y] = tileOf(DIBOLI.lon, DIBOLI.lat, 9);
    const first = await get(`/api/v1/map/basemap/9/${x}/${y}.mvt`);
    const again = await get(`/api/v1/map/basemap/9/${x}/${y}.mvt`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const off = await get('/api/v1/map/basemap/3/8/1.mvt');
    expect(off.statusCode).toBe(400);
    expect(off.json().code).toBe('ERR_BAD_TILE');
  });

  it('are for logged-in users only', async () => {
    const anonymous = await demo.app.inject({ method: 'GET', url: '/api/v1/map/basemap/5/14/14.mvt' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the style and its glyphs', () => {
  it('point only at this node', async () => {
    const response = await get('/api/v1/map/style.json', { host: 'node.example:8443' });
    expect(response.statusCode).toBe(200);
    const style = response.json();
    const urls = [style.glyphs, ...Object.values(style.sources as Record<string, { tiles: string[] }>).flatMap((s) => s.tiles)];
    for (const url of urls) expect(url.startsWith('http://node.example:8443/api/v1/map/')).toBe(true);
    expect(style.sprite).toBeUndefined();
  });

  it('glyph blocks hold the letters of French place names as distance fields', async () => {
    const response = await get('/api/v1/map/glyphs/DejaVu%20Sans/0-255.pbf');
    expect(response.statusCode).toBe(200);
    const glyphs = new Map<number, { width: number; height: number; bitmap: number }>();
    new Pbf(response.rawPayload).readFields((tag, _r, pbf) => {
      if (tag !== 1) return;
      pbf.readMessage((stackTag, _s, p) => {
        if (stackTag !== 3) return;
        const glyph = { id: 0, width: 0, height: 0, bitmap: 0 };
        p.readMessage((t, g, q) => {
          if (t === 1) g.id = q.readVarint();
          else if (t === 2) g.bitmap = q.readBytes().length;
          else if (t === 3) g.width = q.readVarint();
          else if (t === 4) g.height = q.readVarint();
        }, glyph);
        glyphs.set(glyph.id, glyph);
      }, null);
    }, null);
    for (const char of 'Diboli Sénégal') {
      const glyph = glyphs.get(char.codePointAt(0)!);
      expect(glyph, char).toBeDefined();
      if (char !== ' ') expect(glyph!.bitmap).toBe((glyph!.width + 6) * (glyph!.height + 6));
    }
    const bad = await get('/api/v1/map/glyphs/DejaVu%20Sans/1-256.pbf');
    expect(bad.statusCode).toBe(400);
    const unknown = await get('/api/v1/map/glyphs/Comic%20Sans/0-255.pbf');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('glyph blocks made at build time', () => {
  it('are read back as the same bytes the node would make on demand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diboli-glyphs-'));
    const written: string[] = [];
    writeGlyphBlocks(dir, (path, bytes) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      written.push(path);
    });
    expect(written).toContain(join(dir, 'DejaVu Sans', '0-255.pbf'));
    const built = glyphLibrary(dir).range('DejaVu Sans Bold,DejaVu Sans', 256)!;
    const made = glyphLibrary(join(dir, 'none')).range('DejaVu Sans Bold', 256)!;
    expect(Buffer.from(built).equals(Buffer.from(made))).toBe(true);
  });
});
