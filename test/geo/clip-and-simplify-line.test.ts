import { describe, expect, it } from 'vitest';
import { clipLine } from '../../src/geo/clip-line.js';
import { simplifyLine } from '../../src/geo/simplify-line.js';
import { TILE_EXTENT, tileBounds } from '../../src/geo/web-tiles.js';
import { trackLines } from '../../src/services/track-tiles.js';

describe('clipping a line to a box', () => {
  it('cuts a line leaving and coming back into two parts, each ending on the edge', () => {
    const parts = clipLine(
      [
        [0, 5],
        [20, 5],
        [20, 15],
        [0, 15],
      ],
      [-1, 0, 10, 20],
    );
    expect(parts).toEqual([
      [
        [0, 5],
        [10, 5],
      ],
      [
        [10, 15],
        [0, 15],
      ],
    ]);
  });

  it('keeps nothing of a line outside the box, nor of a single point', () => {
    expect(
      clipLine(
        [
          [20, 20],
          [30, 30],
        ],
        [0, 0, 10, 10],
      ),
    ).toEqual([]);
    expect(clipLine([[5, 5]], [0, 0, 10, 10])).toEqual([]);
  });
});

describe('simplifying a line', () => {
  it('drops the points that stray less than the tolerance, and keeps the others and the ends', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.2],
      [2, -0.2],
      [3, 5],
      [4, 0],
    ];
    expect(simplifyLine(line, 1)).toEqual([
      [0, 0],
      [2, -0.2],
      [3, 5],
      [4, 0],
    ]);
    expect(simplifyLine(line, 0.1)).toEqual(line);
  });
});

describe('the lines of a track tile', () => {
  const address = { z: 12, x: 1917, y: 1880 };
  const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
  const midLat = (minLat + maxLat) / 2;
  const width = maxLon - minLon;

  it('draws one line per patrol, cut 64 units beyond the tile', () => {
    const across = Array.from({ length: 50 }, (_, i) => ({ patrolId: 'a', at: `t${i}`, lon: minLon - width + (3 * width * i) / 49, lat: midLat }));
    const inside = [0.3, 0.5, 0.7].map((f, i) => ({ patrolId: 'b', at: `t${i}`, lon: minLon + f * width, lat: midLat + (i === 1 ? 0.003 : 0) }));
    const features = trackLines(address, [...across, ...inside]);
    expect(features.map((f) => f.tags.patrol)).toEqual(['a', 'b']);
    const [a] = features[0]!.geometry;
    expect(features[0]!.geometry).toHaveLength(1);
    // Straight across: simplified to its two ends, cut at the buffer's edges.
    expect(a).toEqual([
      [-64, 2048],
      [TILE_EXTENT + 64, 2048],
    ]);
    expect(features[1]!.geometry[0]).toHaveLength(3);
  });

  it('leaves out a patrol whose positions fall on one point of the tile', () => {
    const still = [0, 1, 2].map((i) => ({ patrolId: 'c', at: `t${i}`, lon: minLon + width / 2, lat: midLat }));
    expect(trackLines(address, still)).toEqual([]);
  });
});
