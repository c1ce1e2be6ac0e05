import { rewind } from '@turf/rewind';
import type { LineString, Point } from '../kernel/geojson.js';

/**
 * GeoJSON as the node sends it (RFC 7946): positions at 6 decimals (about 11 cm, far finer than
 * any position a patrol reports, and a third of the bytes of 16-digit doubles), polygon rings
 * wound exterior counter-clockwise and holes clockwise. What the node stores keeps full precision;
 * only what leaves it is rounded.
 */

export const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';
export const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;

/** A coordinate at 6 decimals; JavaScript then writes at most 6 digits after the point. */
export function round6(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}

type Position = number[];
interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

function roundPositions(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'number') return (value as number[]).map(round6);
    return value.map(roundPositions);
  }
  return value;
}

/** The geometry rounded, its polygons rewound; null stays null. A new object: the input is untouched. */
export function geometryForSending<G extends Geometry | null | undefined>(geometry: G): G {
  if (!geometry || typeof geometry !== 'object') return geometry;
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: (geometry.geometries ?? []).map((g) => geometryForSending(g)) } as G;
  }
  let out = { ...geometry, coordinates: roundPositions(geometry.coordinates) } as Geometry;
  if (out.type === 'Polygon' || out.type === 'MultiPolygon') {
    // Rounded first, then wound: rounding can flip a sliver ring's orientation, never the reverse.
    out = rewind(out as never, { reverse: false }) as unknown as Geometry;
  }
  return out as G;
}

interface FeatureLike {
  type: 'Feature';
  geometry: Geometry | null;
}

export function featureForSending<F extends FeatureLike>(feature: F): F {
  return { ...feature, geometry: geometryForSending(feature.geometry) };
}

export function collectionForSending<F extends FeatureLike, C extends { type: 'FeatureCollection'; features: F[] }>(collection: C): C {
  return { ...collection, features: collection.features.map((f) => featureForSending(f)) };
}

/** A line through positions: null without any, a Point for one, a LineString from two (RFC 7946 §3.1.4). */
export function lineOrPoint(positions: readonly Position[]): LineString | Point | null {
  if (positions.length === 0) return null;
  if (positions.length === 1) return { type: 'Point', coordinates: positions[0]!.map(round6) };
  return { type: 'LineString', coordinates: positions.map((p) => p.map(round6)) };
}
