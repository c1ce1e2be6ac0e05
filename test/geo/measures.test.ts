import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { boxAround, inBox } from '../../src/geo/box-around.js';
import { distanceToLineKm } from '../../src/geo/distance-to-line.js';
import { haversineKm } from '../../src/geo/great-circle.js';
import { lineLengthKm } from '../../src/geo/line-length.js';
import { pointAlongKm } from '../../src/geo/point-along.js';
import { ringAroundLine } from '../../src/geo/ring-around-line.js';
import { sliceLineKm } from '../../src/geo/slice-line.js';
import type { LineString, LonLat } from '../../src/kernel/geojson.js';

// One degree of longitude on the equator: 2πR/360 with the Turf radius 6371.0088 km.
const DEGREE_KM = 111.195;
const equator = (fromLon: number, toLon: number): LineString => ({
  type: 'LineString',
  coordinates: [
    [fromLon, 0],
    [toLon, 0],
  ],
});

describe('haversineKm', () => {
  const places: Array<[string, LonLat, LonLat]> = [
    ['Bamako → Kayes', [-8.0029, 12.6392], [-11.4333, 14.4469]],
    ['Dakar → Nouakchott', [-17.4467, 14.6928], [-15.9785, 18.0735]],
    ['one degree on the equator', [0, 0], [1, 0]],
    ['one place', [-8, 12], [-8, 12]],
    ['across the antimeridian', [179.5, 0], [-179.5, 0]],
  ];
  it.each(places)('%s agrees with @turf/distance', (_name, a, b) => {
    expect(haversineKm(a[0], a[1], b[0], b[1])).toBeCloseTo(distance(a, b, { units: 'kilometers' }), 6);
  });
});

describe('line measures', () => {
  it.each([
    ['a degree', equator(0, 1), DEGREE_KM],
    [
      'two degrees in two legs',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      } as LineString,
      2 * DEGREE_KM,
    ],
  ])('lineLengthKm of %s', (_name, line, km) => {
    expect(lineLengthKm(line)).toBeCloseTo(km, 2);
  });

  it.each([
    [0, [0, 0]],
    [DEGREE_KM / 2, [0.5, 0]],
    [10 * DEGREE_KM, [1, 0]],
  ] as Array<[number, LonLat]>)('pointAlongKm %f km', (km, expected) => {
    const [lon, lat] = pointAlongKm(equator(0, 1), km);
    expect(lon).toBeCloseTo(expected[0], 4);
    expect(lat).toBeCloseTo(expected[1], 4);
  });

  it.each([
    [[0.5, 1] as LonLat, DEGREE_KM],
    [[2, 0] as LonLat, DEGREE_KM],
    [[0.25, 0] as LonLat, 0],
  ])('distanceToLineKm from %j', (point, km) => {
    expect(distanceToLineKm(point, equator(0, 1))).toBeCloseTo(km, 0);
  });

  it('sliceLineKm keeps the stretch asked for', () => {
    const stretch = sliceLineKm(equator(0, 2), DEGREE_KM / 2, DEGREE_KM);
    expect(stretch.coordinates[0]![0]).toBeCloseTo(0.5, 4);
    expect(stretch.coordinates.at(-1)![0]).toBeCloseTo(1, 4);
    expect(lineLengthKm(stretch)).toBeCloseTo(DEGREE_KM / 2, 2);
  });
});

describe('boxAround', () => {
  const box = boxAround(equator(0, 1), 11.1);
  it.each([
    [[0.5, 0.05] as LonLat, true],
    [[-0.05, 0] as LonLat, true],
    [[0.5, 0.2] as LonLat, false],
    [[1.2, 0] as LonLat, false],
  ])('%j inside: %s', (point, inside) => {
    expect(inBox(point, box)).toBe(inside);
  });
});

describe('ringAroundLine', () => {
  it('closes a ring around the line, every vertex about the radius away', () => {
    const line = equator(0, 0.25);
    const ring = ringAroundLine(line, 10);
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const vertex of ring) expect(distanceToLineKm(vertex, line)).toBeGreaterThan(5);
    for (const vertex of ring) expect(distanceToLineKm(vertex, line)).toBeLessThan(11);
  });
});
