import { describe, expect, it } from 'vitest';
import { computeBorder, mechanismBorders, mergeLines, orientLines } from '../../src/geo/border.js';
import type { LonLat } from '../../src/kernel/geojson.js';

describe('computeBorder', () => {
  // Natural Earth 10m lengths; the tolerance allows a future release of the data to move a little.
  const borders: [string, string, string, number][] = [
    ['ML', 'SN', 'ML-SN', 405],
    ['SN', 'ML', 'ML-SN', 405],
    ['ML', 'MR', 'ML-MR', 2174],
    ['SN', 'MR', 'MR-SN', 723],
    ['SN', 'GM', 'GM-SN', 732],
    ['ML', 'GN', 'GN-ML', 859],
  ];
  it.each(borders)('%s–%s is %s, about %d km', (a, b, id, km) => {
    const border = computeBorder(a, b);
    expect(border).not.toBeNull();
    expect(border!.id).toBe(id);
    expect(border!.nations).toEqual(id.split('-'));
    expect(border!.lengthKm).toBeGreaterThan(km * 0.98);
    expect(border!.lengthKm).toBeLessThan(km * 1.02);
  });

  it('gives one line for Mali–Senegal, from the Mauritanian tripoint (north) to the Guinean one', () => {
    const border = computeBorder('ML', 'SN')!;
    expect(border.geometry.type).toBe('LineString');
    const coordinates = border.geometry.coordinates as LonLat[];
    const start = coordinates[0]!;
    const end = coordinates[coordinates.length - 1]!;
    expect(start[1]).toBeCloseTo(14.78, 1);
    expect(start[0]).toBeCloseTo(-12.26, 1);
    expect(end[1]).toBeCloseTo(12.4, 1);
  });

  it('is the same line on every run: a fingerprint of the Natural Earth 10m data', () => {
    const border = computeBorder('ML', 'SN')!;
    const coordinates = border.geometry.coordinates as LonLat[];
    expect(coordinates).toHaveLength(209);
    expect(coordinates[0]).toEqual([-12.263522635226337, 14.775608164453502]);
    expect(coordinates.at(-1)).toEqual([-11.388713887138863, 12.403157100268302]);
    expect(border.lengthKm).toBeCloseTo(404.594, 2);
  });

  it('is identical whichever order the nations are given in, and on every call', () => {
    expect(JSON.stringify(computeBorder('SN', 'ML'))).toBe(JSON.stringify(computeBorder('ML', 'SN')));
    expect(JSON.stringify(computeBorder('MR', 'ML'))).toBe(JSON.stringify(computeBorder('ML', 'MR')));
  });

  it.each([
    ['SN', 'DZ'],
    ['ML', 'ML'],
    ['ML', 'XX'],
  ])('returns null for %s–%s (no shared border or unknown nation)', (a, b) => {
    expect(computeBorder(a, b)).toBeNull();
  });
});

describe('mechanismBorders', () => {
  it.each([
    [
      ['ML', 'SN', 'MR'],
      ['ML-MR', 'ML-SN', 'MR-SN'],
    ],
    [['SN', 'ML'], ['ML-SN']],
    [['SN', 'ML', 'SN'], ['ML-SN']],
    [['SN', 'DZ'], []],
    [['ML'], []],
  ])('%j → %j', (nations, ids) => {
    expect(mechanismBorders(nations).map((b) => b.id)).toEqual(ids);
  });
});

describe('mergeLines', () => {
  const cases: [string, LonLat[][], LonLat[][]][] = [
    [
      'end to start',
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [2, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      ],
    ],
    [
      'start to end',
      [
        [
          [1, 0],
          [2, 0],
        ],
        [
          [0, 0],
          [1, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      ],
    ],
    [
      'end to end',
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [2, 0],
          [1, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      ],
    ],
    [
      'start to start',
      [
        [
          [1, 0],
          [0, 0],
        ],
        [
          [1, 0],
          [2, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      ],
    ],
    [
      'three pieces',
      [
        [
          [2, 0],
          [3, 0],
        ],
        [
          [0, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [2, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [3, 0],
        ],
      ],
    ],
    [
      'apart',
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [5, 0],
          [6, 0],
        ],
      ],
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [5, 0],
          [6, 0],
        ],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mergeLines(input)).toEqual(expected);
  });
});

describe('orientLines', () => {
  it('starts each line at its north end, west on a tie, and lists the northern line first', () => {
    const lines: LonLat[][] = [
      [
        [0, 0],
        [0, 1],
      ],
      [
        [3, 5],
        [2, 5],
      ],
    ];
    expect(orientLines(lines)).toEqual([
      [
        [2, 5],
        [3, 5],
      ],
      [
        [0, 1],
        [0, 0],
      ],
    ]);
  });
});
