import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon, MultiPolygon } from 'geojson';

/** [longitude, latitude] in WGS 84, as RFC 7946 orders them. */
export type LonLat = [number, number];

export type PointFeature<P> = Feature<Point, P>;
export type LineFeature<P> = Feature<LineString, P>;
export type AreaGeometry = Polygon | MultiPolygon;
export type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon, MultiPolygon };

export function featureCollection<G extends Feature['geometry'], P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}
