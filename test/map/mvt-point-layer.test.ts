import { VectorTile } from '@mapbox/vector-tile';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import fc from 'fast-check';
import Protobuf from 'pbf';
import { describe, expect, it } from 'vitest';
import { MvtPointLayer, type TileValue } from '../../src/map/mvt-point-layer.js';

interface Point {
  x: number;
  y: number;
  id?: number;
  properties: Record<string, TileValue>;
}

/** What a real MVT reader finds in a tile's layer: each feature's id, type, points and properties. */
function read(bytes: Uint8Array, name = 'incidents') {
  const layer = new VectorTile(new Protobuf(bytes)).layers[name];
  if (!layer) return undefined;
  const features = Array.from({ length: layer.length }, (_, i) => {
    const feature = layer.feature(i);
    return { id: feature.id, type: feature.type, geometry: feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])), properties: feature.properties };
  });
  return { version: layer.version, extent: layer.extent, features };
}

function written(points: Point[], extent = 4096): Uint8Array {
  const layer = new MvtPointLayer('incidents', extent);
  for (const p of points) {
    layer.point(p.x, p.y, p.id);
    for (const [key, value] of Object.entries(p.properties)) layer.property(key, value);
  }
  return layer.bytes();
}

describe('a layer of points written straight into a vector tile', () => {
  it.each<[string, Point[]]>([
    ['one incident', [{ x: 10, y: 20, properties: { id: 'a1', eventType: 'Battles', owner: 'ML', releasableTo: '', status: 'verified' } }]],
    ['a counted cell with an id', [{ x: 4096, y: 0, id: 255, properties: { cluster: true, point_count: 1200, eventType: 'Riots', 'count:Riots': 1200 } }]],
    ['negative, fractional and false values', [{ x: 0, y: 4096, properties: { below: -3, share: 0.25, big: 2 ** 40, open: false } }]],
    [
      'values shared by several points',
      [
        { x: 1, y: 2, properties: { owner: 'ML', n: 1 } },
        { x: 3, y: 4, properties: { owner: 'ML', n: '1' } },
        { x: 5, y: 6, properties: { owner: 'SN', n: true } },
      ],
    ],
  ])('%s reads back as written', (_, points) => {
    const tile = read(written(points));
    expect(tile?.version).toBe(2);
    expect(tile?.extent).toBe(4096);
    expect(tile?.features).toEqual(points.map((p) => ({ id: p.id, type: 1, geometry: [[[p.x, p.y]]], properties: p.properties })));
  });

  it('writes each distinct value once', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ x: i, y: i, properties: { owner: i % 2 ? 'ML' : 'SN', id: `incident-${i}` } }));
    const shared = written(points).byteLength;
    const distinct = written(points.map((p, i) => ({ ...p, properties: { ...p.properties, owner: `nation-${i}` } }))).byteLength;
    expect(shared).toBeLessThan(distinct - 48 * 4);
  });

  it('writes a tile with no point that a reader takes as empty', () => {
    const bytes = written([]);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(read(bytes)).toBeUndefined();
    expect(new VectorTile(new Protobuf(bytes)).layers).toEqual({});
  });

  it('reads back as the general encoder writes the same points', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.integer({ min: -1e6, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
    const point = fc.record({
      x: fc.integer({ min: 0, max: 4096 }),
      y: fc.integer({ min: 0, max: 4096 }),
      properties: fc.dictionary(fc.constantFrom('id', 'eventType', 'owner', 'point_count', 'count:Battles'), value, { minKeys: 1 }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), (points) => {
        const general = fromGeojsonVt(
          { incidents: { features: points.map((p) => ({ type: 1, geometry: [[p.x, p.y]], tags: p.properties })) } as never },
          { version: 2, extent: 4096 },
        );
        expect(read(written(points))).toEqual(read(general));
      }),
    );
  });
});
