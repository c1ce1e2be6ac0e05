import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { computeBorder } from '../../src/geo/border.js';
import { sectionize, type Section } from '../../src/geo/sectionize.js';
import { haversineKm } from '../../src/geo/great-circle.js';
import { SectionIndex } from '../../src/geo/nearest-section.js';
import type { LonLat } from '../../src/kernel/geojson.js';

const sections: Section[] = [...sectionize(computeBorder('ML', 'SN')!), ...sectionize(computeBorder('ML', 'MR')!), ...sectionize(computeBorder('SN', 'MR')!)];
const index = new SectionIndex(sections);

function bruteForce(point: LonLat): { sectionId: string; distanceKm: number } {
  let best = { sectionId: '', distanceKm: Infinity };
  for (const s of sections) {
    const d = pointToLineDistance(point, s.geometry, { units: 'kilometers' });
    if (d < best.distanceKm) best = { sectionId: s.id, distanceKm: d };
  }
  return best;
}

describe('SectionIndex.nearest', () => {
  // Town coordinates from GeoNames.
  const towns: [string, LonLat, RegExp | null][] = [
    ['Diboli (ML), on the Falémé', [-12.19945, 14.45511], /^ML-SN-02$/],
    ['Kidira (SN), across the river', [-12.21659, 14.45668], /^ML-SN-02$/],
    ['Gouraye (MR), on the Senegal river', [-12.44891, 14.89927], /^MR-SN-28$/],
    ['Sélibabi (MR), ≈36 km from the borders', [-12.1829, 15.15895], null],
    ['Kayes (ML), ≈64 km from the borders', [-11.44448, 14.44693], null],
    ['Bamako (ML)', [-8, 12.65], null],
    ['Dakar (SN)', [-17.44406, 14.6937], null],
    ['Paris', [2.35, 48.85], null],
  ];
  it.each(towns)('%s → %s', (_name, point, expected) => {
    const hit = index.nearest(point);
    if (expected === null) {
      expect(hit).toBeNull();
    } else {
      expect(hit).not.toBeNull();
      expect(hit!.sectionId).toMatch(expected);
      expect(hit!.distanceKm).toBeLessThan(30);
    }
  });

  it('finds the section a point of the border lies on, at distance ~0', () => {
    for (const s of sections) {
      const coordinates = s.geometry.coordinates;
      const middle = coordinates[Math.floor(coordinates.length / 2)] as LonLat;
      const hit = index.nearest(middle);
      expect(hit).not.toBeNull();
      expect(hit!.distanceKm).toBeLessThan(1e-6);
      // A vertex shared by two sections may go to either.
      const owners = sections.filter((t) => t.geometry.coordinates.some((c) => c[0] === middle[0] && c[1] === middle[1]));
      expect(owners.map((t) => t.id)).toContain(hit!.sectionId);
    }
  });

  it('agrees with turf within 0.5 % of the distance, and on the section', () => {
    fc.assert(
      fc.property(fc.double({ min: -17, max: -4, noNaN: true }), fc.double({ min: 12, max: 26, noNaN: true }), (lon, lat) => {
        const point: LonLat = [lon, lat];
        const expected = bruteForce(point);
        const hit = index.nearest(point);
        if (expected.distanceKm > 30.2) {
          expect(hit).toBeNull();
          return;
        }
        if (expected.distanceKm < 29.8) expect(hit).not.toBeNull();
        if (hit === null) return;
        expect(Math.abs(hit.distanceKm - expected.distanceKm)).toBeLessThanOrEqual(expected.distanceKm * 0.005 + 1e-3);
        if (hit.sectionId !== expected.sectionId) {
          // Only a near tie may pick the other section.
          const other = sections.find((s) => s.id === hit.sectionId)!;
          const viaOther = pointToLineDistance(point, other.geometry, { units: 'kilometers' });
          expect(viaOther - expected.distanceKm).toBeLessThan(expected.distanceKm * 0.005 + 1e-3);
        }
      }),
      { numRuns: 400, seed: 20250220 },
    );
  });

  it('agrees with turf near the border, where every point gets a section', () => {
    // Points shifted off section vertices, up to ~25 km, so most fall inside the buffer.
    const nearBorder = fc.tuple(
      fc.integer({ min: 0, max: sections.length - 1 }),
      fc.double({ min: -0.22, max: 0.22, noNaN: true }),
      fc.double({ min: -0.22, max: 0.22, noNaN: true }),
    );
    fc.assert(
      fc.property(nearBorder, ([i, dLon, dLat]) => {
        const anchor = sections[i]!.geometry.coordinates[0]!;
        const point: LonLat = [anchor[0]! + dLon, anchor[1]! + dLat];
        const expected = bruteForce(point);
        const hit = index.nearest(point);
        if (expected.distanceKm < 29.8) {
          expect(hit).not.toBeNull();
          expect(Math.abs(hit!.distanceKm - expected.distanceKm)).toBeLessThanOrEqual(expected.distanceKm * 0.005 + 1e-3);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('honours the buffer distance', () => {
    // Kayes is ≈ 63.9 km from ML-MR-85 (turf), its nearest section.
    const kayes: LonLat = [-11.44448, 14.44693];
    const hit = new SectionIndex(sections, { bufferKm: 100 }).nearest(kayes);
    expect(hit?.sectionId).toBe('ML-MR-85');
    expect(hit?.distanceKm).toBeCloseTo(63.86, 0);
    expect(new SectionIndex(sections, { bufferKm: 63 }).nearest(kayes)).toBeNull();
    expect(new SectionIndex(sections, { bufferKm: 10 }).nearest([-12.19945, 14.45511])?.sectionId).toBe('ML-SN-02');
    expect(new SectionIndex(sections, { bufferKm: 0 }).nearest(kayes)).toBeNull();
  });

  it('returns null for coordinates that are not numbers, and for an empty index', () => {
    expect(index.nearest([Number.NaN, 14])).toBeNull();
    expect(index.nearest([-12.2, Number.POSITIVE_INFINITY])).toBeNull();
    expect(new SectionIndex([]).nearest([-12.2, 14.5])).toBeNull();
  });

  it('rejects a negative buffer', () => {
    expect(() => new SectionIndex(sections, { bufferKm: -1 })).toThrow(RangeError);
  });
});

describe('haversineKm', () => {
  it.each([
    [[-12.19945, 14.45511], [-11.44448, 14.44693], 81.4],
    [[-8, 12.65], [-17.44406, 14.6937], 1045],
    [[0, 0], [0, 1], 111.19],
  ] as [LonLat, LonLat, number][])('%j → %j ≈ %d km', (p, q, km) => {
    expect(haversineKm(p[0], p[1], q[0], q[1])).toBeCloseTo(km, -1);
  });
});
