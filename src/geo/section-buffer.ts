import { buffer } from '@turf/buffer';
import type { Feature, MultiPolygon, Polygon } from '../kernel/geojson.js';
import { DEFAULT_BUFFER_KM } from './nearest-section.js';
import type { Section } from './sectionize.js';

export interface SectionBufferProperties {
  sectionId: string;
  bufferKm: number;
}

export interface SectionBufferOptions {
  bufferKm?: number;
  /** Segments per quarter circle at the ends and corners; more is rounder and heavier. */
  steps?: number;
}

/** Five decimals of a degree are about a metre: more would only weigh on the map. */
function roundCoordinates<G extends Polygon | MultiPolygon>(geometry: G): G {
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  const ring = (positions: number[][]) => positions.map((p) => [round(p[0]!), round(p[1]!)]);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(ring)) } as G;
}

/**
 * The area within `bufferKm` of a section, for drawing on the map. Attribution of points uses
 * SectionIndex, not this polygon; the two agree up to the polygon's chords at the rounded ends.
 */
export function sectionBuffer(section: Section, options: SectionBufferOptions = {}): Feature<Polygon | MultiPolygon, SectionBufferProperties> {
  const bufferKm = options.bufferKm ?? DEFAULT_BUFFER_KM;
  if (!Number.isFinite(bufferKm) || bufferKm <= 0) {
    throw new RangeError(`buffer must be a finite distance > 0 km, got ${String(bufferKm)}`);
  }
  const zone = buffer({ type: 'Feature', properties: {}, geometry: section.geometry }, bufferKm, { units: 'kilometers', steps: options.steps ?? 8 });
  if (zone === undefined) throw new Error(`no buffer could be drawn around section ${section.id}`);
  return {
    type: 'Feature',
    properties: { sectionId: section.id, bufferKm },
    geometry: roundCoordinates(zone.geometry),
  };
}
