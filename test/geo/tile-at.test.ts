import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tileAt, tileBounds } from '../../src/geo/web-tiles.js';

describe('tileAt', () => {
  it.each([
    ['Diboli at zoom 12', 12, -12.199, 14.455, { z: 12, x: 1909, y: 1881 }],
    ['Kayes at zoom 8', 8, -11.44, 14.45, { z: 8, x: 119, y: 117 }],
    ['the whole world at zoom 0', 0, -11.44, 14.45, { z: 0, x: 0, y: 0 }],
  ])('%s', (_name, z, lon, lat, expected) => {
    expect(tileAt(z, lon, lat)).toEqual(expected);
  });

  it('names the tile whose box holds the point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: -179.9, max: 179.9, noNaN: true }),
        fc.double({ min: -84, max: 84, noNaN: true }),
        (z, lon, lat) => {
          const [minLon, minLat, maxLon, maxLat] = tileBounds(tileAt(z, lon, lat));
          const slack = 1e-9;
          expect(lon).toBeGreaterThanOrEqual(minLon - slack);
          expect(lon).toBeLessThanOrEqual(maxLon + slack);
          expect(lat).toBeGreaterThanOrEqual(minLat - slack);
          expect(lat).toBeLessThanOrEqual(maxLat + slack);
        },
      ),
    );
  });
});
