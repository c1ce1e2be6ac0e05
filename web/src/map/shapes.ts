import type { Feature, FeatureCollection } from 'geojson';

/** The parts of the picture drawn as areas and lines, in the order they are stacked. */
export const SHAPE_PARTS = ['basemap', 'gaps', 'sections', 'borders', 'axes', 'routes', 'track', 'draft'] as const;
export type ShapePart = (typeof SHAPE_PARTS)[number];

/** The property naming the part a shape came from; each layer of the style draws one part. */
export const PART = 'part';

/**
 * Every area and line of the picture as one collection, each feature tagged with its part.
 * MapLibre draws a stencil mask of the tiles each time a frame goes from a layer of one source to
 * a layer of another. A machine without a GPU pays each mask over the whole map: with one source
 * for all the shapes, a frame draws it once per pass instead of seven times.
 */
export function mergeShapes(parts: Partial<Record<ShapePart, FeatureCollection | Feature | null>>): FeatureCollection {
  const features: Feature[] = [];
  for (const part of SHAPE_PARTS) {
    const value = parts[part];
    if (!value) continue;
    const members = value.type === 'FeatureCollection' ? value.features : [value];
    for (const feature of members) features.push({ ...feature, properties: { ...feature.properties, [PART]: part } });
  }
  return { type: 'FeatureCollection', features };
}
