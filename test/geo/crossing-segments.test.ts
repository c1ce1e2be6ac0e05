import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inBox, type Box } from '../../src/geo/box-around.js';
import { crossesUndrawn, crossingSegments, stretchesOf, type TimedPosition } from '../../src/geo/crossing-segments.js';
import { tileAt, tileBounds } from '../../src/geo/web-tiles.js';
import { deepTileBoxes } from '../../src/services/track-tiles.js';
import { LONG_SEGMENT_DEGREES } from '../../src/store/track-tile-repository.js';

// A tile of 0.01° at the origin, read with a margin of 0.001°.
const tile: Box = [0, 0, 0.01, 0.01];
const read: Box = [-0.001, -0.001, 0.011, 0.011];
const at = (minute: number) => `2026-03-01T08:${String(minute).padStart(2, '0')}:00Z`;
const position = (patrolId: string, minute: number, lon: number, lat: number): TimedPosition => ({ patrolId, at: at(minute), lon, lat });

describe('crossingSegments', () => {
  const cases: { name: string; near: TimedPosition[]; drawn?: Map<string, { first: string; last: string }>; crossing: number[] }[] = [
    { name: 'straight across, both ends beyond the read box', near: [position('P1', 0, -0.01, 0.005), position('P1', 2, 0.02, 0.005)], crossing: [0] },
    { name: 'across a corner', near: [position('P1', 0, -0.004, 0.006), position('P1', 2, 0.006, -0.004)], crossing: [0] },
    { name: 'past the corner, not into the tile', near: [position('P1', 0, -0.008, 0.002), position('P1', 2, 0.002, -0.008)], crossing: [] },
    { name: 'both ends west of the tile', near: [position('P1', 0, -0.02, -0.01), position('P1', 2, -0.005, 0.03)], crossing: [] },
    { name: 'one end in the read box: drawn from it already', near: [position('P1', 0, -0.01, 0.005), position('P1', 2, 0.0105, 0.005)], crossing: [] },
    { name: 'two patrols one after the other', near: [position('P1', 0, -0.01, 0.005), position('P2', 2, 0.02, 0.005)], crossing: [] },
    {
      name: 'within a stretch drawn from the read box',
      near: [position('P1', 0, -0.01, 0.005), position('P1', 2, 0.02, 0.005)],
      drawn: new Map([['P1', { first: at(0), last: at(5) }]]),
      crossing: [],
    },
    {
      name: 'after the stretch drawn, the patrol back across',
      near: [position('P1', 10, -0.01, 0.005), position('P1', 12, 0.02, 0.005)],
      drawn: new Map([['P1', { first: at(0), last: at(5) }]]),
      crossing: [0],
    },
    {
      name: 'three positions: only the pair that crosses',
      near: [position('P1', 0, -0.03, 0.005), position('P1', 2, -0.01, 0.005), position('P1', 4, 0.02, 0.005)],
      crossing: [1],
    },
  ];
  for (const { name, near, drawn, crossing } of cases) {
    it(name, () => {
      const found = crossingSegments(near, tile, read, drawn ?? new Map());
      expect(found).toEqual(crossing.map((i) => [near[i], near[i + 1]]));
    });
  }
});

describe('stretchesOf', () => {
  it('gives each patrol its first and last instants, in the order given', () => {
    const points = [position('P1', 0, 0, 0), position('P1', 4, 0, 0), position('P1', 9, 0, 0), position('P2', 3, 0, 0)];
    expect([...stretchesOf(points)]).toEqual([
      ['P1', { first: at(0), last: at(9) }],
      ['P2', { first: at(3), last: at(3) }],
    ]);
    expect(stretchesOf([]).size).toBe(0);
  });
});

describe('deepTileBoxes', () => {
  // Kidira's latitude; the read box as the node widens it (an eighth of the tile each side).
  const readOf = ([minLon, minLat, maxLon, maxLat]: Box): Box => {
    const [dLon, dLat] = [(maxLon - minLon) / 8, (maxLat - minLat) / 8];
    return [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
  };
  const boxesAt = (z: number) => {
    const address = tileAt(z, -12.2, 14.65);
    return deepTileBoxes(address, readOf(tileBounds(address)));
  };

  it.each([13, 14])('reads no wider box at zoom %i, whose read margin is wider than a short segment', (z) => {
    expect(boxesAt(z).crossing).toBeUndefined();
  });

  it.each([15, 16, 18, 22])('reads the tile widened by the long segments’ threshold at zoom %i', (z) => {
    const { tile, crossing } = boxesAt(z);
    const d = LONG_SEGMENT_DEGREES;
    expect(crossing).toEqual([tile[0] - d, tile[1] - d, tile[2] + d, tile[3] + d]);
  });

  it('leaves no crossing segment out: a short one has both ends in the wider box, a long one is in the index', () => {
    const isLong = (a: TimedPosition, b: TimedPosition) => Math.abs(a.lon - b.lon) > LONG_SEGMENT_DEGREES || Math.abs(a.lat - b.lat) > LONG_SEGMENT_DEGREES;
    // Drawn from integers: fast-check's doubles are spread over their binary exponents, most of them tiny.
    const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
    const step = fc.integer({ min: -1500, max: 1500 }).map((n) => (n / 1000) * LONG_SEGMENT_DEGREES);
    fc.assert(
      // A segment through a point of the tile (fractions of its sides), split at a fraction of its length.
      fc.property(fc.constantFrom(13, 14, 15, 16, 18, 22), fraction, fraction, step, step, fraction, (z, fx, fy, vx, vy, t) => {
        const { tile, read, crossing } = boxesAt(z);
        const [px, py] = [tile[0] + fx * (tile[2] - tile[0]), tile[1] + fy * (tile[3] - tile[1])];
        const a = position('P1', 0, px - t * vx, py - t * vy);
        const b = position('P1', 1, px + (1 - t) * vx, py + (1 - t) * vy);
        if (!crossesUndrawn(a, b, tile, read, new Map()) || isLong(a, b)) return;
        expect(crossing).toBeDefined();
        expect(inBox([a.lon, a.lat], crossing!) && inBox([b.lon, b.lat], crossing!)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
