import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { length } from '@turf/length';
import { NUMERIC_CODE, type NationCode } from '../kernel/nation.js';
import type { LineString, LonLat, MultiLineString } from '../kernel/geojson.js';

/** The shared line between two nations, as Natural Earth 10m draws it. */
export interface Border {
  /** Sorted nation codes joined by a dash: `ML-SN`. */
  id: string;
  /** The two nations, sorted. */
  nations: [NationCode, NationCode];
  lengthKm: number;
  /** A LineString when the shared boundary is one piece, otherwise its pieces in a fixed order. */
  geometry: LineString | MultiLineString;
}

export interface CountryProperties {
  name: string;
}

export type WorldTopology = Topology<{
  countries: GeometryCollection<CountryProperties>;
  land: GeometryCollection;
}>;

let world: WorldTopology | undefined;

/**
 * Natural Earth 10m admin-0 boundaries (world-atlas), parsed once per process: the file is 3.6 MB
 * and several operations (borders, nation look-up, basemap) read it.
 */
export function worldTopology(): WorldTopology {
  if (world === undefined) {
    const path = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
    world = JSON.parse(readFileSync(path, 'utf8')) as WorldTopology;
  }
  return world;
}

/** The TopoJSON geometry of a nation in {@link worldTopology}, or undefined when unknown. */
export function countryObject(nation: NationCode): GeometryObject<CountryProperties> | undefined {
  const numeric = NUMERIC_CODE[nation];
  if (numeric === undefined) return undefined;
  return worldTopology().objects.countries.geometries.find((g) => g.id === numeric);
}

export function borderId(a: NationCode, b: NationCode): string {
  return [a, b].sort().join('-');
}

/**
 * The border between two nations, or null when they share none (or one of them is unknown).
 * Built from the arcs the two country polygons share, so it follows the same line as the polygons.
 */
export function computeBorder(a: NationCode, b: NationCode): Border | null {
  const id = borderId(a, b);
  if (!borders.has(id)) borders.set(id, buildBorder(a, b));
  return borders.get(id) ?? null;
}

/** Borders are cached: meshing walks every country of the world. Treat them as read-only. */
const borders = new Map<string, Border | null>();

/**
 * Every border shared by two of the nations, in id order: the lines a mechanism watches
 * (ML, SN, MR → ML-MR, ML-SN, MR-SN).
 */
export function mechanismBorders(nations: readonly NationCode[]): Border[] {
  const distinct = [...new Set(nations)].sort();
  const found: Border[] = [];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const border = computeBorder(distinct[i]!, distinct[j]!);
      if (border !== null) found.push(border);
    }
  }
  return found.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}

function buildBorder(a: NationCode, b: NationCode): Border | null {
  if (a === b) return null;
  const first = countryObject(a);
  const second = countryObject(b);
  if (first === undefined || second === undefined) return null;
  const topology = worldTopology();
  const shared = mesh(topology, topology.objects.countries, (x, y) => (x.id === first.id && y.id === second.id) || (x.id === second.id && y.id === first.id));
  const lines = orientLines(mergeLines(shared.coordinates as LonLat[][]));
  if (lines.length === 0) return null;
  const geometry: LineString | MultiLineString =
    lines.length === 1 && lines[0] !== undefined ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  const nations = [a, b].sort() as [NationCode, NationCode];
  return {
    id: nations.join('-'),
    nations,
    lengthKm: length({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' }),
    geometry,
  };
}

function samePoint(p: LonLat, q: LonLat): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

/**
 * Joins lines that meet end to end. topojson's mesh already stitches most arcs, but pieces that
 * meet at a point shared by a third country can come out separate.
 */
export function mergeLines(input: LonLat[][]): LonLat[][] {
  const lines = input.filter((l) => l.length >= 2).map((l) => l.slice());
  let joined = true;
  while (joined) {
    joined = false;
    outer: for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const p = lines[i]!;
        const q = lines[j]!;
        let merged: LonLat[] | undefined;
        if (samePoint(p[p.length - 1]!, q[0]!)) merged = p.concat(q.slice(1));
        else if (samePoint(q[q.length - 1]!, p[0]!)) merged = q.concat(p.slice(1));
        else if (samePoint(p[p.length - 1]!, q[q.length - 1]!)) merged = p.concat(q.slice(0, -1).reverse());
        else if (samePoint(p[0]!, q[0]!)) merged = p.slice().reverse().concat(q.slice(1));
        if (merged !== undefined) {
          lines[i] = merged;
          lines.splice(j, 1);
          joined = true;
          break outer;
        }
      }
    }
  }
  return lines;
}

/** North first, then west: true when `p` should come before `q`. */
function northWestFirst(p: LonLat, q: LonLat): number {
  if (p[1] !== q[1]) return q[1] - p[1];
  return p[0] - q[0];
}

/**
 * Gives every line the same direction on every run: each starts at its northernmost end
 * (westernmost on a tie), and the lines are listed by that start, north first.
 */
export function orientLines(lines: LonLat[][]): LonLat[][] {
  return lines
    .map((line) => {
      const start = line[0]!;
      const end = line[line.length - 1]!;
      return northWestFirst(end, start) < 0 ? line.slice().reverse() : line;
    })
    .sort((p, q) => northWestFirst(p[0]!, q[0]!));
}
