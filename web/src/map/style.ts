import type { GeoJSON } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { THREAT_LEVELS } from '../api/types';
import {
  AXIS_COLOUR,
  BORDER_COLOUR,
  COVERAGE_STEPS,
  DRAFT_COLOUR,
  EVENT_TYPE_COLOURS,
  GAP_COLOUR,
  OTHER_EVENT_COLOUR,
  POST_COLOUR,
  ROUTE_COLOUR,
  THREAT_COLOURS,
  TRACK_COLOUR,
} from './palette';
import { PART, type ShapePart } from './shapes';

/** Ids of the GeoJSON sources the map is fed through; the style loads nothing else. */
export const SOURCE = {
  /** Areas and lines, see `mergeShapes`. */
  shapes: 'shapes',
  posts: 'posts',
  incidents: 'incidents',
  /** Patrols' tracks, as the node's tiles (one line per patrol, property `patrol`). */
  tracks: 'tracks',
  /** Points of the record being drawn or picked (its lines are among the shapes). */
  draft: 'draft',
} as const;

/** Layers a click can select, topmost first. */
export const CLICKABLE_LAYERS = ['incidents', 'posts', 'patrol-routes', 'patrol-tracks', 'patrol-coverage', 'axes', 'sections', 'borders'] as const;
/** The layers of the patrols' tracks, shown or hidden together. */
export const TRACK_LAYERS = ['patrol-coverage', 'patrol-tracks', 'patrol-track-selected'] as const;

const EVENT_TYPES = Object.keys(EVENT_TYPE_COLOURS);
const IS_CLUSTER: ExpressionSpecification = ['has', 'point_count'];
/** The node's tiles name their one layer of incidents so. */
export const INCIDENT_SOURCE_LAYER = 'incidents';
/** The node's track tiles name their one layer so. */
export const TRACK_SOURCE_LAYER = 'tracks';
/**
 * Where a low-zoom tile would hold too many points to draw lines, the node sends patrol coverage
 * instead: squares of its grid, property `patrolDays`.
 */
export const COVERAGE_SOURCE_LAYER = 'coverage';

function coverageColour(): ExpressionSpecification {
  const [first, ...rest] = COVERAGE_STEPS;
  const stops = rest.flatMap((step) => [step.from, step.colour]);
  return ['step', ['get', 'patrolDays'], first!.colour, ...stops] as unknown as ExpressionSpecification;
}

/** Only the selected patrol's track is drawn over the others. */
export function selectedTrackFilter(patrolId: string | null): ExpressionSpecification {
  return ['==', ['get', 'patrol'], patrolId ?? ''];
}

function eventColour(): ExpressionSpecification {
  const pairs = EVENT_TYPES.flatMap((eventType) => [eventType, EVENT_TYPE_COLOURS[eventType] as string]);
  return ['match', ['get', 'eventType'], ...pairs, OTHER_EVENT_COLOUR] as unknown as ExpressionSpecification;
}

function threatColour(): ExpressionSpecification {
  const pairs = THREAT_LEVELS.flatMap((level) => [level, THREAT_COLOURS[level]]);
  return ['match', ['get', 'threatLevel'], ...pairs, '#999999'] as unknown as ExpressionSpecification;
}

export type SourceId = (typeof SOURCE)[keyof typeof SOURCE];

const partIs = (part: ShapePart): ExpressionSpecification => ['==', ['get', PART], part];

/** Layers of the map without the node's basemap: the country outlines come with the shapes. */
const OWN_GROUND = new Set(['background', 'countries', 'country-outlines']);

type OwnData = Partial<Record<Exclude<SourceId, 'incidents' | 'tracks'>, GeoJSON | null>>;

/** Where the node's tiles are asked for (URL templates). */
export interface TileUrls {
  incidents?: string;
  tracks?: string;
}

/**
 * The node's basemap around the operational layers: its ground (land, rivers, roads, boundaries)
 * first, the operational lines and incidents above it, its labels above those (a place where
 * incidents gather must still be read), and the record being drawn on top. Without a basemap,
 * the map draws the country outlines it was sent. The incidents come as vector tiles the node
 * makes for the caller (`incidentTiles`, a URL template).
 */
export function operationalStyle(data: OwnData = {}, basemap?: StyleSpecification | null, tiles: TileUrls = {}): StyleSpecification {
  const own = ownStyle(data, tiles);
  if (!basemap) return own;
  const ground = basemap.layers.filter((layer) => layer.type !== 'symbol');
  const labels = basemap.layers.filter((layer) => layer.type === 'symbol');
  const overlays = own.layers.filter((layer) => !OWN_GROUND.has(layer.id));
  const top = overlays.findIndex((layer) => layer.id === 'incidents') + 1;
  return {
    ...basemap,
    sources: { ...basemap.sources, ...own.sources },
    layers: [...ground, ...overlays.slice(0, top), ...clusterCountLayers(labels), ...labels, ...overlays.slice(top)],
  };
}

/**
 * The font of the counted cells' numbers: the basemap's own bold one (its place names'), else any
 * it names; none when its labels name no font, and the page writes the numbers instead.
 */
function labelFont(labels: readonly LayerSpecification[]): string[] | undefined {
  const fonts = labels.flatMap((layer) => {
    const font = layer.type === 'symbol' ? layer.layout?.['text-font'] : undefined;
    return Array.isArray(font) && font.every((name) => typeof name === 'string') ? [font as string[]] : [];
  });
  return fonts.find((font) => font.some((name) => /bold/i.test(name))) ?? fonts[0];
}

/** The layer of the counted cells' numbers, drawn with the basemap's glyphs and font (the node's). */
export const CLUSTER_COUNT_LAYER = 'incident-counts';

/** A counted cell's number as the officer's language writes it (« 1 234 », "1,234"). */
export function clusterCountText(locale = 'fr'): ExpressionSpecification {
  return ['number-format', ['get', 'point_count'], { locale }];
}

/**
 * Each counted cell's number over its circle, drawn by MapLibre with the node's glyphs: as HTML
 * markers (when the style had no glyphs) every frame of a pan moved each one in the page, and a
 * view of a hundred thousand incidents panned at 0.79× the frame rate of the demo's (0.91–0.93×
 * drawn so).
 */
function clusterCountLayers(labels: readonly LayerSpecification[]): LayerSpecification[] {
  const font = labelFont(labels);
  if (!font) return [];
  return [
    {
      id: CLUSTER_COUNT_LAYER,
      type: 'symbol',
      source: SOURCE.incidents,
      'source-layer': INCIDENT_SOURCE_LAYER,
      filter: IS_CLUSTER,
      layout: {
        'text-field': clusterCountText(),
        'text-font': font,
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.8)', 'text-halo-width': 1 },
    },
  ];
}

/** The style, each GeoJSON source holding the data given for it (empty otherwise). */
function ownStyle(data: OwnData, tiles: TileUrls): StyleSpecification {
  const geojson = (id: Exclude<SourceId, 'incidents' | 'tracks'>) => ({
    type: 'geojson' as const,
    data: data[id] ?? { type: 'FeatureCollection' as const, features: [] },
  });
  return {
    version: 8,
    sources: {
      [SOURCE.shapes]: geojson(SOURCE.shapes),
      [SOURCE.posts]: geojson(SOURCE.posts),
      [SOURCE.draft]: geojson(SOURCE.draft),
      // Single incidents where a tile holds few enough, else one point per cell counted by the node
      // (`point_count`, and `eventType` the type most of them share). Beyond zoom 14 the map
      // enlarges the zoom-14 tiles.
      [SOURCE.incidents]: { type: 'vector', tiles: tiles.incidents ? [tiles.incidents] : [], maxzoom: 14 },
      // Thinned for the zoom up to 12; from 13 every position (beyond 14, the zoom-14 tiles enlarged).
      // Up to zoom 12, a tile that would hold too many points carries patrol coverage instead.
      [SOURCE.tracks]: { type: 'vector', tiles: tiles.tracks ? [tiles.tracks] : [], maxzoom: 14 },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#b9d3e6' } },
      {
        id: 'countries',
        type: 'fill',
        source: SOURCE.shapes,
        filter: partIs('basemap'),
        // The outlines have a layer of their own; an anti-aliased edge would be drawn twice.
        paint: {
          'fill-color': ['case', ['!=', ['get', 'nation'], null], '#f4efe2', '#e2ddd0'],
          'fill-antialias': false,
        },
      },
      {
        id: 'country-outlines',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('basemap'),
        paint: { 'line-color': '#9c9584', 'line-width': 0.8 },
      },
      {
        // Sections not patrolled for too long (coverage panel): a wide halo under the level's colour.
        id: 'coverage-gaps',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('gaps'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': GAP_COLOUR, 'line-width': 22, 'line-opacity': 0.45 },
      },
      {
        id: 'sections',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('sections'),
        layout: { 'line-cap': 'butt' },
        paint: { 'line-color': threatColour(), 'line-width': 9, 'line-opacity': 0.75 },
      },
      {
        id: 'borders',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('borders'),
        paint: { 'line-color': BORDER_COLOUR, 'line-width': 2.5 },
      },
      {
        id: 'axes',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('axes'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': AXIS_COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      {
        id: 'patrol-routes',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('routes'),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': ROUTE_COLOUR, 'line-width': 4, 'line-opacity': 0.8 },
      },
      {
        id: 'patrol-coverage',
        type: 'fill',
        source: SOURCE.tracks,
        'source-layer': COVERAGE_SOURCE_LAYER,
        // Adjacent squares would show their anti-aliased edges as a grid.
        paint: { 'fill-color': coverageColour(), 'fill-opacity': 0.75, 'fill-antialias': false },
      },
      {
        id: 'patrol-tracks',
        type: 'line',
        source: SOURCE.tracks,
        'source-layer': TRACK_SOURCE_LAYER,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': TRACK_COLOUR, 'line-width': 2, 'line-opacity': 0.9 },
      },
      {
        id: 'patrol-track-selected',
        type: 'line',
        source: SOURCE.tracks,
        'source-layer': TRACK_SOURCE_LAYER,
        filter: selectedTrackFilter(null),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': TRACK_COLOUR, 'line-width': 4, 'line-dasharray': [1, 1] },
      },
      {
        id: 'posts',
        type: 'circle',
        source: SOURCE.posts,
        paint: {
          'circle-color': '#ffffff',
          'circle-radius': 5,
          'circle-stroke-color': POST_COLOUR,
          'circle-stroke-width': 3,
        },
      },
      {
        // Clusters and single incidents in one layer: one drawing program to prepare instead of two,
        // which is what a first picture costs most on a machine drawing without a GPU.
        id: 'incidents',
        type: 'circle',
        source: SOURCE.incidents,
        'source-layer': INCIDENT_SOURCE_LAYER,
        paint: {
          'circle-color': eventColour(),
          'circle-opacity': ['case', IS_CLUSTER, 0.85, 1],
          'circle-radius': ['case', IS_CLUSTER, ['step', ['get', 'point_count'], 13, 10, 17, 100, 22, 1000, 28], 7],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['case', IS_CLUSTER, 2, 1.5],
        },
      },
      {
        id: 'draft-line',
        type: 'line',
        source: SOURCE.shapes,
        filter: partIs('draft'),
        paint: { 'line-color': DRAFT_COLOUR, 'line-width': 3, 'line-dasharray': [2, 1] },
      },
      {
        id: 'draft-points',
        type: 'circle',
        source: SOURCE.draft,
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'role'], 'selected']],
        paint: {
          'circle-color': DRAFT_COLOUR,
          'circle-radius': 7,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'selected-ring',
        type: 'circle',
        source: SOURCE.draft,
        filter: ['==', ['get', 'role'], 'selected'],
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': 13,
          'circle-stroke-color': '#111111',
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}
