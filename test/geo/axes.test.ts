import { describe, expect, it } from 'vitest';
import { length } from '@turf/length';
import { STRATEGIC_AXES, axisById } from '../../src/geo/axes.js';
import { isInMechanismArea, nationAt } from '../../src/geo/nation-at.js';
import { computeBorder } from '../../src/geo/border.js';
import { sectionize } from '../../src/geo/sectionize.js';
import { SectionIndex } from '../../src/geo/nearest-section.js';
import type { LonLat } from '../../src/kernel/geojson.js';

const km = (id: string) => length({ type: 'Feature', properties: {}, geometry: axisById(id)!.geometry }, { units: 'kilometers' });

describe('STRATEGIC_AXES', () => {
  it('has unique ids and valid lines', () => {
    expect(new Set(STRATEGIC_AXES.map((a) => a.id)).size).toBe(STRATEGIC_AXES.length);
    for (const axis of STRATEGIC_AXES) {
      expect(axis.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const [lon, lat] of axis.geometry.coordinates) {
        expect(lon).toBeGreaterThan(-14);
        expect(lon).toBeLessThan(-9);
        expect(lat).toBeGreaterThan(13.5);
        expect(lat).toBeLessThan(15.5);
      }
    }
  });

  // Road distances from maps, minus a little since straight lines between towns cut corners.
  it.each([
    ['N1-RN1-TAMBACOUNDA-KAYES', 230, 290],
    ['RN1-KAYES-DIEMA', 240, 300],
    ['N2-BAKEL-KIDIRA', 45, 75],
    ['KAYES-SELIBABI', 110, 170],
  ])('%s is between %d and %d km', (id, min, max) => {
    expect(km(id)).toBeGreaterThan(min);
    expect(km(id)).toBeLessThan(max);
  });

  it('runs through the nations it names', () => {
    for (const axis of STRATEGIC_AXES) {
      for (const town of axis.geometry.coordinates as LonLat[]) {
        // Kidira and Gouraye sit on the river: the 10m boundary may leave them a few km across.
        expect(isInMechanismArea(town, axis.nations, 5)).toBe(true);
      }
      const start = axis.geometry.coordinates[0] as LonLat;
      expect(axis.nations).toContain(nationAt(start));
    }
  });

  it('crosses the Mali–Senegal border at Kidira–Diboli, in its first sections', () => {
    const index = new SectionIndex(sectionize(computeBorder('ML', 'SN')!), { bufferKm: 5 });
    const n1 = axisById('N1-RN1-TAMBACOUNDA-KAYES')!;
    const crossing = n1.geometry.coordinates.map((c) => index.nearest(c as LonLat)).filter((hit) => hit !== null);
    expect(crossing.map((hit) => hit.sectionId)).toContain('ML-SN-02');
  });
});
