import { escapeXml } from '../domain/cap-document.js';
import type { Lang } from '../domain/errors.js';
import type { Geometry } from 'geojson';
import type { BasemapLayers } from '../map/basemap-layers.js';
import { LABEL_COLOUR, RIVER_COLOUR } from '../map/basemap-style.js';

/**
 * The web map's basemap drawn into the situation report's SVG map: lakes, rivers, national
 * boundaries under the operational lines, and the place names above them, chosen as the web map
 * would choose them at the same scale, so that a reader finds the same towns on paper.
 */

export interface Frame {
  /** [lon, lat] to "x,y" in the drawing. */
  xy: (position: number[]) => string;
  /** Pixels per degree of longitude. */
  pxPerLonDegree: number;
  width: number;
  height: number;
}

type Lines = number[][][];

function linesOf(geometry: Geometry): Lines {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString' || geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

const path = (frame: Frame, lines: Lines) =>
  lines
    .filter((l) => l.length >= 2)
    .map((l) => `M${l.map(frame.xy).join('L')}`)
    .join('');

/** The web map's zoom showing as much ground per pixel as this drawing (256-pixel tiles). */
export function equivalentZoom(pxPerLonDegree: number): number {
  return Math.log2((pxPerLonDegree * 360) / 256);
}

/** Under the operational lines: water and boundaries. */
export function basemapGround(layers: BasemapLayers, frame: Frame): string {
  const zoom = equivalentZoom(frame.pxPerLonDegree);
  const shown = (properties: Record<string, unknown> | null) => ((properties?.minzoom as number | undefined) ?? 0) <= zoom + 1;
  let svg = '';
  for (const lake of layers.water.features)
    if (shown(lake.properties)) svg += `<path d="${path(frame, linesOf(lake.geometry))}" fill="#9cc3e6" stroke="none"/>`;
  for (const river of layers.waterway.features) {
    if (shown(river.properties))
      svg += `<path d="${path(frame, linesOf(river.geometry))}" fill="none" stroke="${RIVER_COLOUR}" stroke-width="1.6" stroke-linejoin="round"/>`;
  }
  for (const boundary of layers.boundary.features) {
    if (!shown(boundary.properties)) continue;
    // A region's boundary dashed and lighter than a nation's, as on the web map.
    const style = boundary.properties?.admin_level === 4 ? 'stroke="#a79f8c" stroke-width="0.8" stroke-dasharray="4 3"' : 'stroke="#8c8472" stroke-width="1"';
    svg += `<path d="${path(frame, linesOf(boundary.geometry))}" fill="none" ${style}/>`;
  }
  return svg;
}

/** Text width in pixels, roughly, for keeping labels apart (DejaVu Sans: about 0.6 em a letter). */
const textWidth = (text: string, size: number) => text.length * size * 0.6;

/** Above the operational lines: the place names, the most important first, none over another. */
export function basemapLabels(layers: BasemapLayers, frame: Frame, lang: Lang): string {
  const zoom = equivalentZoom(frame.pxPerLonDegree);
  const taken: [number, number, number, number][] = [];
  let svg = '';
  for (const place of layers.place.features) {
    const p = place.properties as { name: string; 'name:fr'?: string; minzoom: number; class: string };
    // One zoom level of leeway: the paper map is read closer than a screen.
    if (p.minzoom > zoom + 1 || place.geometry.type !== 'Point') continue;
    const [x, y] = frame.xy(place.geometry.coordinates).split(',').map(Number) as [number, number];
    if (x < 0 || y < 0 || x > frame.width || y > frame.height) continue;
    const name = (lang === 'fr' ? p['name:fr'] : undefined) ?? p.name;
    const size = p.class === 'city' ? 12 : p.class === 'town' ? 11 : 10;
    const w = textWidth(name, size);
    const box: [number, number, number, number] = [x - w / 2 - 2, y + 2, x + w / 2 + 2, y + 4 + size];
    if (box[0] < 0 || box[2] > frame.width || box[3] > frame.height) continue;
    if (taken.some((t) => t[0] < box[2] && box[0] < t[2] && t[1] < box[3] && box[1] < t[3])) continue;
    taken.push(box);
    svg +=
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${p.class === 'village' ? 1.5 : 2.5}" fill="${LABEL_COLOUR}"/>` +
      `<text x="${x.toFixed(1)}" y="${(y + 2 + size).toFixed(1)}" font-size="${size}"${p.class === 'city' ? ' font-weight="bold"' : ''} text-anchor="middle" fill="${LABEL_COLOUR}" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.85" paint-order="stroke">${escapeXml(name)}</text>`;
  }
  return svg;
}
