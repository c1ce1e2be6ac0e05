import { feature } from 'topojson-client';
import { bboxClip } from '@turf/bbox-clip';
import { simplify } from '@turf/simplify';
import { NUMERIC_CODE, type NationCode } from '../kernel/nation.js';
import { worldTopology, type CountryProperties } from './border.js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from '../kernel/geojson.js';

export interface BasemapProperties {
  /** ISO alpha-2 when the domain knows the country, otherwise null. */
  nation: NationCode | null;
  /** Natural Earth's English short name. */
  name: string;
}

export type Basemap = FeatureCollection<Polygon | MultiPolygon, BasemapProperties>;

export interface BasemapOptions {
  /** Degrees added around the nations' bounding box. */
  marginDeg?: number;
  /** Douglas–Peucker tolerance in degrees; the default 0.005° ≈ 550 m keeps rivers recognisable. */
  toleranceDeg?: number;
}

type Box = [number, number, number, number];

const ALPHA2_BY_NUMERIC = new Map(Object.entries(NUMERIC_CODE).map(([alpha2, numeric]) => [numeric, alpha2]));

function ringsOf(geometry: Polygon | MultiPolygon): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function boxOf(geometry: Polygon | MultiPolygon): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of ringsOf(geometry)) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
    }
  }
  return box;
}

function intersects(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Rounds to ~100 m and drops the rings clipping or simplifying left without area. */
function tidy(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const round = (value: number) => Math.round(value * 1e3) / 1e3;
  const polygons: number[][][][] = [];
  for (const polygon of ringsOf(geometry)) {
    const rings: number[][][] = [];
    for (const ring of polygon) {
      const rounded: number[][] = [];
      for (const position of ring) {
        const point = [round(position[0]!), round(position[1]!)];
        const last = rounded[rounded.length - 1];
        if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
      }
      if (rounded.length >= 4) rings.push(rounded);
      else if (rings.length === 0) break; // without its outer ring, the holes mean nothing
    }
    if (rings.length > 0) polygons.push(rings);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

const cache = new Map<string, Basemap>();

/**
 * The country polygons around a mechanism, for a map drawn without tiles: the nations and every
 * country reaching into their bounding box plus a margin, clipped to that box and simplified.
 * The result is cached per arguments; treat it as read-only.
 */
export function regionBasemap(nations: readonly NationCode[], options: BasemapOptions = {}): Basemap {
  const marginDeg = options.marginDeg ?? 3;
  const toleranceDeg = options.toleranceDeg ?? 0.005;
  if (!Number.isFinite(marginDeg) || marginDeg < 0 || marginDeg > 45) {
    throw new RangeError(`margin must be between 0 and 45 degrees, got ${String(marginDeg)}`);
  }
  if (!Number.isFinite(toleranceDeg) || toleranceDeg < 0) {
    throw new RangeError(`tolerance must be a finite number of degrees ≥ 0, got ${String(toleranceDeg)}`);
  }
  const key = `${[...nations].sort().join(',')}|${marginDeg}|${toleranceDeg}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const topology = worldTopology();
  const countries = feature(topology, topology.objects.countries).features as Feature<Polygon | MultiPolygon | null, CountryProperties>[];
  const wanted = new Set(nations.map((n) => NUMERIC_CODE[n]).filter((id) => id !== undefined));
  const nationBoxes = countries.filter((c) => c.id !== undefined && wanted.has(String(c.id)) && c.geometry !== null).map((c) => boxOf(c.geometry!));
  if (nationBoxes.length === 0) {
    throw new RangeError(`none of the nations ${nations.join(', ') || '(none)'} is known to the basemap`);
  }
  // On the same 0.001° grid as the coordinates, so rounding keeps every point inside the box.
  const down = (value: number) => Math.floor(value * 1e3) / 1e3;
  const up = (value: number) => Math.ceil(value * 1e3) / 1e3;
  const clip: Box = [
    Math.max(-180, down(Math.min(...nationBoxes.map((b) => b[0])) - marginDeg)),
    Math.max(-90, down(Math.min(...nationBoxes.map((b) => b[1])) - marginDeg)),
    Math.min(180, up(Math.max(...nationBoxes.map((b) => b[2])) + marginDeg)),
    Math.min(90, up(Math.max(...nationBoxes.map((b) => b[3])) + marginDeg)),
  ];

  const features: Feature<Polygon | MultiPolygon, BasemapProperties>[] = [];
  for (const country of countries) {
    if (country.geometry === null || !intersects(boxOf(country.geometry), clip)) continue;
    const clipped = bboxClip(country.geometry, clip).geometry as Polygon | MultiPolygon;
    const simplified = toleranceDeg > 0 ? simplify(clipped, { tolerance: toleranceDeg, highQuality: true }) : clipped;
    const geometry = tidy(simplified);
    if (geometry === null) continue;
    const id = country.id === undefined ? undefined : String(country.id);
    features.push({
      type: 'Feature',
      ...(id === undefined ? {} : { id }),
      properties: { nation: (id !== undefined && ALPHA2_BY_NUMERIC.get(id)) || null, name: country.properties.name },
      geometry,
    });
  }
  const basemap: Basemap = { type: 'FeatureCollection', bbox: clip, features };
  cache.set(key, basemap);
  return basemap;
}
