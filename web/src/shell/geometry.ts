import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Bounds } from '../incidents/view';

/** Smallest box around every coordinate of a collection, or null when it has none. */
export function boundsOf(collection: FeatureCollection<Geometry> | null): Bounds | null {
  if (!collection) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: Position) => {
    const [lon, lat] = position as [number, number];
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  const walk = (coordinates: unknown): void => {
    if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') visit(coordinates as Position);
    else if (Array.isArray(coordinates)) coordinates.forEach(walk);
  };
  for (const feature of collection.features) {
    if (feature.geometry && 'coordinates' in feature.geometry) walk(feature.geometry.coordinates);
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
