import { describe, expect, it } from 'vitest';
import { isInMechanismArea, nationAt } from '../../src/geo/nation-at.js';
import type { LonLat } from '../../src/kernel/geojson.js';

describe('nationAt', () => {
  // GeoNames coordinates.
  const towns: [string, LonLat, string | null][] = [
    ['Diboli', [-12.19945, 14.45511], 'ML'],
    ['Kayes', [-11.44448, 14.44693], 'ML'],
    ['Bamako', [-8, 12.65], 'ML'],
    // Kidira, 1.5 km across the Falémé from Diboli, is not used: the 10m line is not that precise.
    ['Goudiry', [-12.71803, 14.18146], 'SN'],
    ['Tambacounda', [-13.66734, 13.77073], 'SN'],
    ['Dakar', [-17.44406, 14.6937], 'SN'],
    ['Sélibabi', [-12.1829, 15.15895], 'MR'],
    ['Nouakchott', [-15.9785, 18.08581], 'MR'],
    ['Conakry', [-13.68, 9.54], 'GN'],
    ['Basse Santa Su', [-14.2146, 13.3099], 'GM'],
    ['Atlantic, off Dakar', [-18.5, 14.7], null],
    ['Paris (country outside the table)', [2.35, 48.85], null],
  ];
  it.each(towns)('%s → %s', (_name, point, nation) => {
    expect(nationAt(point)).toBe(nation);
  });

  it('returns null for coordinates that are not numbers', () => {
    expect(nationAt([Number.NaN, 14])).toBeNull();
  });
});

describe('isInMechanismArea', () => {
  const mlSn = ['ML', 'SN'];
  const cases: [string, LonLat, boolean][] = [
    ['Diboli', [-12.19945, 14.45511], true],
    ['Dakar', [-17.44406, 14.6937], true],
    ['Bamako', [-8, 12.65], true],
    ['Sélibabi, Mauritania, ≈36 km from Mali', [-12.1829, 15.15895], true],
    ['Labé, Guinea, ≈80 km from the nearest of them', [-12.28, 11.32], false],
    ['Basse Santa Su, Gambia, enclosed by Senegal', [-14.2146, 13.3099], true],
    ['Nouakchott, ≈200 km north of Senegal', [-15.9785, 18.08581], false],
    ['Atlantic, 30 km off Dakar', [-17.72, 14.69], true],
    ['Atlantic, 400 km off Dakar', [-21.1, 14.7], false],
    ['Paris', [2.35, 48.85], false],
    ['Null Island', [0, 0], false],
  ];
  it.each(cases)('%s → %s for ML–SN', (_name, point, expected) => {
    expect(isInMechanismArea(point, mlSn)).toBe(expected);
  });

  it('uses the nations given and the margin given', () => {
    const nouakchott: LonLat = [-15.9785, 18.08581];
    expect(isInMechanismArea(nouakchott, ['ML', 'SN', 'MR'])).toBe(true);
    const selibabi: LonLat = [-12.1829, 15.15895];
    expect(isInMechanismArea(selibabi, mlSn, 20)).toBe(false);
    expect(isInMechanismArea(selibabi, mlSn, 0)).toBe(false);
    expect(isInMechanismArea(selibabi, ['XX'])).toBe(false);
  });

  it('rejects a negative margin and refuses coordinates that are not numbers', () => {
    expect(() => isInMechanismArea([-12, 14], mlSn, -1)).toThrow(RangeError);
    expect(isInMechanismArea([Number.NaN, 14], mlSn)).toBe(false);
  });
});
