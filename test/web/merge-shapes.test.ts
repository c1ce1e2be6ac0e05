import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PART, mergeShapes } from '../../web/src/map/shapes.js';

const line = (id: string): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [
      [-12, 14],
      [-11, 15],
    ],
  },
  properties: { id },
});
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('mergeShapes', () => {
  const cases: { name: string; parts: Parameters<typeof mergeShapes>[0]; expected: [string, string | undefined][] }[] = [
    { name: 'nothing loaded yet', parts: {}, expected: [] },
    { name: 'absent and null parts are skipped', parts: { basemap: null, sections: collection(line('ML-SN-01')) }, expected: [['sections', 'ML-SN-01']] },
    {
      name: 'stacking order, whatever the order given',
      parts: { routes: collection(line('patrol-1')), basemap: collection(line('country')), borders: collection(line('ML-SN')) },
      expected: [
        ['basemap', 'country'],
        ['borders', 'ML-SN'],
        ['routes', 'patrol-1'],
      ],
    },
    { name: 'a lone feature (a track) counts as a part', parts: { track: line('track-1') }, expected: [['track', 'track-1']] },
    { name: 'an empty collection adds nothing', parts: { axes: collection() }, expected: [] },
  ];
  it.each(cases)('$name', ({ parts, expected }) => {
    const merged = mergeShapes(parts);
    expect(merged.features.map((feature) => [feature.properties?.[PART], feature.properties?.id])).toEqual(expected);
  });

  it('tags copies and leaves the records given untouched', () => {
    const section = line('ML-SN-02');
    const merged = mergeShapes({ sections: collection(section) });
    expect(section.properties).toEqual({ id: 'ML-SN-02' });
    expect(merged.features[0]!.geometry).toBe(section.geometry);
  });
});
