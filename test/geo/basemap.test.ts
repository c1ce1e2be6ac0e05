import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { regionBasemap } from '../../src/geo/basemap.js';
import type { LonLat } from '../../src/kernel/geojson.js';

describe('regionBasemap', () => {
  const basemap = regionBasemap(['ML', 'SN', 'MR']);

  it('is small enough to bundle with the web UI', () => {
    const bytes = Buffer.byteLength(JSON.stringify(basemap));
    expect(bytes).toBeLessThan(300_000);
  });

  it('holds the nations and their neighbours, with alpha-2 codes where known', () => {
    const byName = new Map(basemap.features.map((f) => [f.properties.name, f.properties.nation]));
    expect(byName.get('Mali')).toBe('ML');
    expect(byName.get('Senegal')).toBe('SN');
    expect(byName.get('Mauritania')).toBe('MR');
    expect(byName.get('Guinea')).toBe('GN');
    expect(byName.get('Gambia')).toBe('GM');
    expect(byName.get('Algeria')).toBe('DZ');
    // A neighbour outside the domain's table keeps its name and no code.
    expect(byName.get('W. Sahara')).toBeNull();
    expect(byName.has('France')).toBe(false);
    expect(byName.has('Brazil')).toBe(false);
  });

  it('is clipped to the nations’ box plus the margin', () => {
    const [minLon, minLat, maxLon, maxLat] = basemap.bbox as number[];
    for (const f of basemap.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [lon, lat] of polygons.flat(2)) {
        expect(lon).toBeGreaterThanOrEqual(minLon! - 1e-9);
        expect(lon).toBeLessThanOrEqual(maxLon! + 1e-9);
        expect(lat).toBeGreaterThanOrEqual(minLat! - 1e-9);
        expect(lat).toBeLessThanOrEqual(maxLat! + 1e-9);
      }
    }
    // Mali reaches 4.3°E and Mauritania 27.3°N; three degrees beyond.
    expect(maxLon).toBeCloseTo(7.2, 0);
    expect(maxLat).toBeCloseTo(30.3, 0);
  });

  it.each([
    ['Bamako', [-8, 12.65], 'ML'],
    ['Kayes', [-11.44448, 14.44693], 'ML'],
    ['Tambacounda', [-13.66734, 13.77073], 'SN'],
    ['Nouakchott', [-15.9785, 18.08581], 'MR'],
  ] as [string, LonLat, string][])('still puts %s in %s after simplification', (_name, point, nation) => {
    const containing = basemap.features.filter((f) => booleanPointInPolygon(point, f));
    expect(containing.map((f) => f.properties.nation)).toEqual([nation]);
  });

  it('is the same object for the same nations in any order', () => {
    expect(regionBasemap(['SN', 'MR', 'ML'])).toBe(basemap);
  });

  it('rejects unknown nations and absurd margins', () => {
    expect(() => regionBasemap(['XX'])).toThrow(RangeError);
    expect(() => regionBasemap(['ML'], { marginDeg: -1 })).toThrow(RangeError);
  });
});
