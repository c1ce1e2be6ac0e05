import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { computeBorder } from '../../src/geo/border.js';
import { sectionize } from '../../src/geo/sectionize.js';
import { sectionBuffer } from '../../src/geo/section-buffer.js';
import { SectionIndex } from '../../src/geo/nearest-section.js';
import type { LonLat } from '../../src/kernel/geojson.js';

const sections = sectionize(computeBorder('ML', 'SN')!);
const second = sections[1]!;

describe('sectionBuffer', () => {
  const zone = sectionBuffer(second);

  it('names its section and distance', () => {
    expect(zone.properties).toEqual({ sectionId: 'ML-SN-02', bufferKm: 30 });
    expect(zone.geometry.type).toBe('Polygon');
  });

  it.each([
    ['Diboli, 2.6 km from the section', [-12.19945, 14.45511], true],
    ['Kayes, ≈67 km from the Mali–Senegal border', [-11.44448, 14.44693], false],
    ['Tambacounda', [-13.66734, 13.77073], false],
  ] as [string, LonLat, boolean][])('%s → inside: %s', (_name, point, inside) => {
    expect(booleanPointInPolygon(point, zone)).toBe(inside);
  });

  it('agrees with the index on points just inside and just outside the buffer', () => {
    const index = new SectionIndex([second], { bufferKm: 30 });
    const mid = second.geometry.coordinates[Math.floor(second.geometry.coordinates.length / 2)]!;
    // West of the section, across a range of distances (1° of longitude ≈ 107.7 km at 14.5°N).
    for (const km of [5, 20, 29, 31, 40]) {
      const point: LonLat = [mid[0]! - km / 107.7, mid[1]!];
      const hit = index.nearest(point);
      if (hit !== null && Math.abs(hit.distanceKm - 30) < 0.5) continue;
      expect(booleanPointInPolygon(point, zone)).toBe(hit !== null);
    }
  });

  it('grows with the buffer and rejects a non-positive one', () => {
    const near: LonLat = [-11.44448, 14.44693];
    expect(booleanPointInPolygon(near, sectionBuffer(second, { bufferKm: 90 }))).toBe(true);
    expect(() => sectionBuffer(second, { bufferKm: 0 })).toThrow(RangeError);
    expect(() => sectionBuffer(second, { bufferKm: Number.NaN })).toThrow(RangeError);
  });
});
