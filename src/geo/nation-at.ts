import { feature } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { NUMERIC_CODE, type NationCode } from '../kernel/nation.js';
import { countryObject, worldTopology } from './border.js';
import type { Feature, LonLat, MultiPolygon, Polygon } from '../kernel/geojson.js';
import { SectionIndex, type IndexedLine } from './nearest-section.js';

export const DEFAULT_MARGIN_KM = 50;

interface NationShape {
  nation: NationCode;
  polygons: { box: [number, number, number, number]; geometry: Polygon }[];
}

let shapes: Map<NationCode, NationShape | null> | undefined;

function nationShape(nation: NationCode): NationShape | null {
  shapes ??= new Map();
  let shape = shapes.get(nation);
  if (shape === undefined) {
    shape = buildShape(nation);
    shapes.set(nation, shape);
  }
  return shape;
}

function buildShape(nation: NationCode): NationShape | null {
  const object = countryObject(nation);
  if (object === undefined) return null;
  const country = feature(worldTopology(), object) as Feature<Polygon | MultiPolygon | null, unknown>;
  const geometry = country.geometry;
  if (geometry === null) return null;
  const polygonRings = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return {
    nation,
    polygons: polygonRings.map((rings) => {
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const position of rings[0] ?? []) {
        box[0] = Math.min(box[0], position[0]!);
        box[1] = Math.min(box[1], position[1]!);
        box[2] = Math.max(box[2], position[0]!);
        box[3] = Math.max(box[3], position[1]!);
      }
      return { box, geometry: { type: 'Polygon', coordinates: rings } };
    }),
  };
}

function inside(shape: NationShape, lon: number, lat: number): boolean {
  return shape.polygons.some(
    ({ box, geometry }) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon([lon, lat], geometry),
  );
}

const KNOWN_NATIONS: readonly NationCode[] = Object.keys(NUMERIC_CODE).sort();

/** Nations whose polygons nationAt knows: those with an ISO numeric code in the domain table. */
export function knownNations(): readonly NationCode[] {
  return KNOWN_NATIONS;
}

/**
 * The nation whose Natural Earth 10m polygon contains the point, among the nations the domain
 * knows (see knownNations); null elsewhere, including at sea and in countries outside the table.
 */
export function nationAt(lonLat: LonLat): NationCode | null {
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  for (const nation of KNOWN_NATIONS) {
    const shape = nationShape(nation);
    if (shape !== null && inside(shape, lon, lat)) return nation;
  }
  return null;
}

/** Outline pieces short enough that the index's bounding boxes stay tight. */
const OUTLINE_PIECE_VERTICES = 64;

const outlineIndexes = new Map<string, SectionIndex>();

function outlineIndex(shape: NationShape, marginKm: number): SectionIndex {
  const key = `${shape.nation}:${marginKm}`;
  let index = outlineIndexes.get(key);
  if (index === undefined) {
    const pieces: IndexedLine[] = [];
    for (const { geometry } of shape.polygons) {
      for (const ring of geometry.coordinates) {
        for (let start = 0; start < ring.length - 1; start += OUTLINE_PIECE_VERTICES - 1) {
          pieces.push({
            id: shape.nation,
            geometry: { type: 'LineString', coordinates: ring.slice(start, start + OUTLINE_PIECE_VERTICES) },
          });
        }
      }
    }
    index = new SectionIndex(pieces, { bufferKm: marginKm });
    outlineIndexes.set(key, index);
  }
  return index;
}

/**
 * True when the point lies in one of the nations or within `marginKm` of one of them: the test
 * that turns away points far outside a mechanism's area (a typo in a coordinate, a point at sea).
 */
export function isInMechanismArea(lonLat: LonLat, nations: readonly NationCode[], marginKm: number = DEFAULT_MARGIN_KM): boolean {
  if (!Number.isFinite(marginKm) || marginKm < 0) {
    throw new RangeError(`margin must be a finite distance ≥ 0 km, got ${String(marginKm)}`);
  }
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
  for (const nation of nations) {
    const shape = nationShape(nation);
    if (shape === null) continue;
    if (inside(shape, lon, lat)) return true;
    if (marginKm > 0 && outlineIndex(shape, marginKm).nearest(lonLat) !== null) return true;
  }
  return false;
}
