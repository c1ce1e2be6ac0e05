import { describe, expect, it } from 'vitest';
import { length } from '@turf/length';
import { computeBorder, type Border } from '../../src/geo/border.js';
import { sectionize } from '../../src/geo/sectionize.js';
import type { LonLat } from '../../src/kernel/geojson.js';

const mlSn = computeBorder('ML', 'SN')!;

describe('sectionize', () => {
  it.each([
    [25, 17],
    [50, 9],
    [10, 41],
    [500, 1],
  ])('cuts Mali–Senegal (≈405 km) in %d km sections: %d of them', (sectionKm, count) => {
    const sections = sectionize(mlSn, { sectionKm });
    expect(sections).toHaveLength(count);
    const total = sections.reduce((sum, s) => sum + s.lengthKm, 0);
    expect(total).toBeCloseTo(mlSn.lengthKm, 6);
    for (const s of sections.slice(0, -1)) expect(s.lengthKm).toBeCloseTo(sectionKm, 9);
    expect(sections.at(-1)!.lengthKm).toBeLessThanOrEqual(sectionKm);
  });

  it('numbers ids from 01 with two digits and keeps sections consecutive', () => {
    const sections = sectionize(mlSn);
    expect(sections.map((s) => s.id).slice(0, 3)).toEqual(['ML-SN-01', 'ML-SN-02', 'ML-SN-03']);
    expect(sections.at(-1)!.id).toBe('ML-SN-17');
    sections.forEach((s, i) => {
      expect(s.index).toBe(i + 1);
      expect(s.borderId).toBe('ML-SN');
      expect(s.nations).toEqual(['ML', 'SN']);
      expect(s.startKm).toBeCloseTo(i * 25, 9);
      // The stated length is the length of the geometry.
      expect(length({ type: 'Feature', properties: {}, geometry: s.geometry }, { units: 'kilometers' })).toBeCloseTo(s.lengthKm, 3);
      const next = sections[i + 1];
      if (next !== undefined) expect(next.geometry.coordinates[0]).toEqual(s.geometry.coordinates.at(-1));
    });
    expect(sections[0]!.geometry.coordinates[0]).toEqual((mlSn.geometry.coordinates as LonLat[])[0]);
  });

  it('goes past 99 with three digits', () => {
    const sections = sectionize(computeBorder('ML', 'MR')!, { sectionKm: 10 });
    expect(sections.length).toBeGreaterThan(100);
    expect(sections[99]!.id).toBe('ML-MR-100');
  });

  it('gives the same sections on every run', () => {
    expect(JSON.stringify(sectionize(computeBorder('ML', 'SN')!))).toBe(JSON.stringify(sectionize(mlSn)));
  });

  it('numbers across the pieces of a border made of several lines', () => {
    const border: Border = {
      id: 'AA-BB',
      nations: ['AA', 'BB'],
      lengthKm: 0,
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 1],
            [0, 1.3],
          ],
          [
            [1, 1],
            [1, 1.1],
          ],
        ],
      },
    };
    const sections = sectionize(border, { sectionKm: 25 });
    // 0.3° of latitude ≈ 33.4 km → 2 sections; 0.1° ≈ 11.1 km → 1.
    expect(sections.map((s) => s.id)).toEqual(['AA-BB-01', 'AA-BB-02', 'AA-BB-03']);
    expect(sections[2]!.startKm).toBeCloseTo(33.36, 1);
    expect(sections[2]!.lengthKm).toBeCloseTo(11.12, 1);
  });

  it.each([0, -5, 0.5, 5000, Number.NaN, Number.POSITIVE_INFINITY])('rejects a section length of %s km', (sectionKm) => {
    expect(() => sectionize(mlSn, { sectionKm })).toThrow(RangeError);
    expect(() => sectionize(mlSn, { sectionKm })).toThrow(/section length/);
  });
});
