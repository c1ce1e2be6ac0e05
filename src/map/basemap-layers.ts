import type { Place } from '../geo/gazetteer.js';
import { foldName } from '../geo/gazetteer.js';
import type { Basemap } from '../geo/basemap.js';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from '../kernel/geojson.js';

/**
 * What the basemap shows, as plain GeoJSON layers named after the OpenMapTiles schema (`place`,
 * `water`, `waterway`, `transportation`, `boundary`), so that the one style draws both these
 * tiles and a nation's own OpenStreetMap extract in that schema. `country` (land by nation) is
 * ours. Every feature carries `minzoom`: the tiles keep it only from that zoom on.
 *
 * Only reference geography is here (public gazetteer, Natural Earth, country outlines, the
 * mechanism's strategic axes): nothing a nation may withhold, so one set of tiles serves every
 * audience. Posts, which are released per nation, stay on the map's own layer above.
 */

export interface NaturalEarthPlace {
  name: string;
  name_fr: string | null;
  adm0_a3: string;
  pop_max: number;
  min_zoom: number;
}

export interface NaturalEarthLine {
  name: string | null;
  name_fr: string | null;
  min_zoom: number;
}

/** Natural Earth's first-level boundaries inside one country (regions, wilayas…), as lines. */
export interface NaturalEarthRegionalBoundary {
  adm0_a3: string;
}

export interface BasemapInputs {
  /** GeoNames places of the mechanism's nations. */
  places: readonly Place[];
  /** Natural Earth's populated places: French names, and towns of the neighbouring countries. */
  naturalEarthPlaces: FeatureCollection<Point, NaturalEarthPlace>;
  rivers: FeatureCollection<LineString | MultiLineString, NaturalEarthLine>;
  lakes: FeatureCollection<Feature['geometry'], NaturalEarthLine>;
  /** Boundaries between the regions of each country, the national borders left out. */
  regionalBoundaries: FeatureCollection<LineString | MultiLineString, NaturalEarthRegionalBoundary>;
  countries: Basemap;
  axes: readonly { id: string; name: string; geometry: LineString | MultiLineString }[];
}

export type LayerName = 'country' | 'water' | 'waterway' | 'transportation' | 'boundary' | 'place';
export type BasemapLayers = Record<LayerName, FeatureCollection>;

export type PlaceClass = 'city' | 'town' | 'village';

/** Where a place is labelled from, and how it ranks when labels collide (1 first). */
export interface PlaceRank {
  minzoom: number;
  rank: number;
  class: PlaceClass;
}

/**
 * Capitals from the whole region's view, regional capitals from a country's, seats of cercles and
 * départements and towns from a region's, every village from about 80 km across (zoom 9), where
 * the map keeps those that do not collide, the better known first.
 * GeoNames knows the population of few places here, so the feature code decides first.
 */
export function placeRank(place: Pick<Place, 'featureCode' | 'population'>): PlaceRank | null {
  const { featureCode: code, population } = place;
  if (code === 'PPLC') return { minzoom: 3, rank: 1, class: 'city' };
  if (code === 'PPLA' || population >= 100_000) return { minzoom: 5, rank: 2, class: 'city' };
  if (code === 'PPLA2' || population >= 20_000) return { minzoom: 7, rank: 3, class: 'town' };
  if (code === 'PPLA3' || population >= 5_000) return { minzoom: 8, rank: 4, class: 'town' };
  if (code === 'PPLA4' || population > 0) return { minzoom: 8, rank: 5, class: 'village' };
  // Abandoned, historical and destroyed places would mislead; sections of towns crowd them.
  if (code === 'PPL' || code === 'PPLL' || code === 'PPLF' || code === 'PPLS') return { minzoom: 9, rank: 6, class: 'village' };
  return null;
}

const KM_PER_DEGREE = 111.32;

function nearKm(a: [number, number], b: [number, number], km: number): boolean {
  const k = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * KM_PER_DEGREE <= km;
}

function inBox([lon, lat]: number[], box: readonly number[]): boolean {
  return lon! >= box[0]! && lon! <= box[2]! && lat! >= box[1]! && lat! <= box[3]!;
}

/** Natural Earth's own countries of the mechanism are covered by GeoNames; others are not. */
const GEONAMES_COUNTRIES = new Set(['MLI', 'SEN', 'MRT']);

function placesLayer(inputs: BasemapInputs, box: readonly number[]): FeatureCollection {
  const features: Feature[] = [];
  const ne = inputs.naturalEarthPlaces.features;
  for (const place of inputs.places) {
    if (place.featureClass !== 'P') continue;
    const rank = placeRank(place);
    if (rank === null || !inBox([place.lon, place.lat], box)) continue;
    // Natural Earth gives French names for the larger places: taken when the names agree.
    const twin =
      rank.rank <= 4
        ? ne.find((n) => foldName(n.properties.name) === foldName(place.name) && nearKm(n.geometry.coordinates as [number, number], [place.lon, place.lat], 15))
        : undefined;
    const nameFr = twin?.properties.name_fr;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: { name: place.name, ...(nameFr && nameFr !== place.name ? { 'name:fr': nameFr } : {}), ...rank, population: place.population },
    });
  }
  for (const n of ne) {
    if (GEONAMES_COUNTRIES.has(n.properties.adm0_a3) || !inBox(n.geometry.coordinates, box)) continue;
    const minzoom = Math.max(3, Math.floor(n.properties.min_zoom));
    const rank = minzoom <= 4 ? 1 : minzoom <= 6 ? 2 : 3;
    features.push({
      type: 'Feature',
      geometry: n.geometry,
      properties: {
        name: n.properties.name,
        ...(n.properties.name_fr && n.properties.name_fr !== n.properties.name ? { 'name:fr': n.properties.name_fr } : {}),
        minzoom,
        rank,
        class: rank === 3 ? 'town' : 'city',
        population: n.properties.pop_max,
      },
    });
  }
  // Placed in rank order: where labels collide, MapLibre keeps the first.
  features.sort(
    (a, b) => (a.properties!.rank as number) - (b.properties!.rank as number) || (b.properties!.population as number) - (a.properties!.population as number),
  );
  return { type: 'FeatureCollection', features };
}

function named(properties: NaturalEarthLine, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(properties.name ? { name: properties.name } : {}),
    ...(properties.name_fr && properties.name_fr !== properties.name ? { 'name:fr': properties.name_fr } : {}),
    ...extra,
  };
}

/** Regional boundaries are shown once a country fills a good part of the view. */
const REGIONAL_BOUNDARY_MINZOOM = 5;

/**
 * The country outlines as lines (`admin_level` 2), and the boundaries between regions inside
 * each country (`admin_level` 4, as OpenMapTiles numbers them): the boundaries drawn above rivers
 * and roads.
 */
function boundaryLayer(countries: Basemap, regional: BasemapInputs['regionalBoundaries']): FeatureCollection {
  const features: Feature[] = [];
  for (const country of countries.features) {
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const rings = polygons.map((polygon) => polygon[0]!).filter((ring) => ring.length >= 2);
    if (rings.length === 0) continue;
    features.push({ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: rings }, properties: { admin_level: 2, minzoom: 0 } });
  }
  for (const boundary of regional.features) {
    features.push({
      type: 'Feature',
      geometry: boundary.geometry,
      properties: { admin_level: 4, country: boundary.properties.adm0_a3, minzoom: REGIONAL_BOUNDARY_MINZOOM },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function basemapLayers(inputs: BasemapInputs): BasemapLayers {
  const box = inputs.countries.bbox ?? [-180, -90, 180, 90];
  return {
    country: {
      type: 'FeatureCollection',
      features: inputs.countries.features.map((c) => ({
        type: 'Feature',
        geometry: c.geometry,
        properties: { nation: c.properties.nation ?? '', name: c.properties.name, minzoom: 0 },
      })),
    },
    water: {
      type: 'FeatureCollection',
      features: inputs.lakes.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: named(f.properties, { class: 'lake', minzoom: Math.floor(f.properties.min_zoom) }),
      })),
    },
    waterway: {
      type: 'FeatureCollection',
      features: inputs.rivers.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: named(f.properties, { class: 'river', minzoom: Math.max(0, Math.floor(f.properties.min_zoom) - 1) }),
      })),
    },
    transportation: {
      type: 'FeatureCollection',
      features: inputs.axes.map((a) => ({ type: 'Feature', geometry: a.geometry, properties: { class: 'primary', name: a.name, minzoom: 5 } })),
    },
    boundary: boundaryLayer(inputs.countries, inputs.regionalBoundaries),
    place: placesLayer(inputs, box),
  };
}
