/**
 * The MapLibre style of the basemap, every URL in it on the node itself (tiles, glyphs; no
 * sprite: the basemap draws no icons). Layer ids start with `base-`: the web adds its own layers
 * (borders, sections, incidents…) above the drawn ground and below the labels.
 */

export const LABEL_FONT = ['DejaVu Sans'];
export const BOLD_FONT = ['DejaVu Sans Bold'];
/**
 * The label ink, dark indigo rather than black: the map's axes are drawn near-black, and the
 * pixel tests tell labels from every other colour of the map by it.
 */
export const LABEL_COLOUR = '#2d2a5a';
export const RIVER_COLOUR = '#5b9bd5';
/** Muted, so that the dots of places are not taken for incidents (nor for label ink by the tests). */
const PLACE_DOT_COLOUR = '#8a8398';
const SEA = '#b9d3e6';
/** Opaque: a line or marker under a name must not show through its letters. */
const LABEL_HALO = '#ffffff';
/** How far a name stands from its place, in text heights: clear of an incident's marker there. */
const LABEL_OFFSET_EM = 1.2;
const LAND = '#f4efe2';

export interface BasemapStyleOptions {
  /** `https://node.example` — the address the browser reached the node at. */
  origin: string;
  maxZoom: number;
  /** The tiles come from a nation's extract, which draws its own sea and has no `country` layer. */
  extract: boolean;
}

type Layer = Record<string, unknown> & { id: string; type: string };

const frenchFirst = ['coalesce', ['get', 'name:fr'], ['get', 'name']];

export function basemapStyle({ origin, maxZoom, extract }: BasemapStyleOptions): Record<string, unknown> {
  const source = 'basemap';
  const layers: Layer[] = [
    { id: 'base-background', type: 'background', paint: { 'background-color': extract ? LAND : SEA } },
    {
      id: 'base-country',
      type: 'fill',
      source,
      'source-layer': 'country',
      // The outlines have a layer of their own; an anti-aliased edge would be drawn twice.
      paint: { 'fill-color': ['case', ['!=', ['get', 'nation'], ''], LAND, '#e2ddd0'], 'fill-antialias': false },
    },
    { id: 'base-water', type: 'fill', source, 'source-layer': 'water', paint: { 'fill-color': '#9cc3e6' } },
    {
      id: 'base-waterway',
      type: 'line',
      source,
      'source-layer': 'waterway',
      filter: ['match', ['get', 'class'], ['river', 'canal'], true, false],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': RIVER_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 2, 12, 4] },
    },
    {
      id: 'base-road-casing',
      type: 'line',
      source,
      'source-layer': 'transportation',
      filter: ['match', ['get', 'class'], ['motorway', 'trunk', 'primary', 'secondary'], true, false],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#b08f4f', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2, 10, 5, 14, 9] },
    },
    {
      id: 'base-road',
      type: 'line',
      source,
      'source-layer': 'transportation',
      filter: ['match', ['get', 'class'], ['motorway', 'trunk', 'primary', 'secondary'], true, false],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#f6d58e', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 3, 14, 6] },
    },
    {
      // Regions inside a country: dashed and lighter than the national border, from the zoom a
      // country fills a good part of the view.
      id: 'base-boundary-region',
      type: 'line',
      source,
      'source-layer': 'boundary',
      minzoom: 5,
      filter: ['==', ['get', 'admin_level'], 4],
      paint: { 'line-color': '#a79f8c', 'line-width': 0.8, 'line-dasharray': [4, 3] },
    },
    {
      id: 'base-boundary-national',
      type: 'line',
      source,
      'source-layer': 'boundary',
      filter: ['==', ['get', 'admin_level'], 2],
      paint: { 'line-color': '#8c8472', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 10, 2] },
    },
    {
      // A small dot where each named place is: its label hangs below it.
      id: 'base-place-dot',
      type: 'circle',
      source,
      'source-layer': 'place',
      filter: ['match', ['get', 'class'], ['city', 'town', 'village', 'hamlet'], true, false],
      paint: {
        'circle-color': PLACE_DOT_COLOUR,
        'circle-radius': ['match', ['get', 'class'], ['city', 'town'], 3, 2],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
    {
      id: 'base-river-label',
      type: 'symbol',
      source,
      'source-layer': 'waterway',
      minzoom: 6,
      filter: ['has', 'name'],
      layout: { 'symbol-placement': 'line', 'text-field': frenchFirst, 'text-font': LABEL_FONT, 'text-size': 12, 'symbol-spacing': 400 },
      paint: { 'text-color': '#2a5f9e', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
    },
    placeLabel('base-place-village', 'village', 12),
    placeLabel('base-place-town', 'town', 14),
    placeLabel('base-place-city', 'city', 16),
  ];
  return {
    version: 8,
    name: 'Diboli basemap',
    glyphs: `${origin}/api/v1/map/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      [source]: {
        type: 'vector',
        tiles: [`${origin}/api/v1/map/basemap/{z}/{x}/{y}.mvt`],
        minzoom: 0,
        maxzoom: maxZoom,
        attribution: extract ? '© OpenStreetMap contributors' : 'GeoNames (geonames.org), made with Natural Earth',
      },
    },
    layers,
  };
}

/**
 * Place labels are drawn above the operational lines and markers (the web puts the basemap's
 * symbols over its own layers): an officer finds an incident by the place it happened at, so the
 * name must read even where a section, an axis or the place's own incident is drawn. Each word is
 * knocked out of what lies under it by an opaque halo, and set a little more than a text height
 * away from its place, far enough to leave the marker of an incident there in view (7 px and its
 * 1.5 px ring, even two of them a few metres apart): below it first, as on a paper map, beside or
 * above it where another name already stands below. Labels do not make room for the markers
 * themselves: MapLibre places text only around other text and icons, and a name moved away from
 * its place whenever an incident is near would no longer say which place it names.
 */
function placeLabel(id: string, placeClass: string, size: number): Layer {
  const classes = placeClass === 'village' ? ['village', 'hamlet'] : [placeClass];
  return {
    id,
    type: 'symbol',
    source: 'basemap',
    'source-layer': 'place',
    filter: ['match', ['get', 'class'], classes, true, false],
    layout: {
      'text-field': frenchFirst,
      // Bold at every rank, told apart by size: a regular stroke at 12 px is about a pixel wide and
      // fades into any line drawn under it; whole pixels of sizes keep the letters sharp.
      'text-font': BOLD_FONT,
      'text-size': size,
      'text-max-width': 8,
      'text-variable-anchor': ['top', 'right', 'left', 'bottom'],
      'text-radial-offset': LABEL_OFFSET_EM,
      'text-justify': 'auto',
      'symbol-sort-key': ['coalesce', ['get', 'rank'], 9],
    },
    paint: { 'text-color': LABEL_COLOUR, 'text-halo-color': LABEL_HALO, 'text-halo-width': 2 },
  };
}
