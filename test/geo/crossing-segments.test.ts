import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/geo/box-around.js';
import { crossingSegments, stretchesOf, type TimedPosition } from '../../src/geo/crossing-segments.js';

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
