import { escapeXml } from '../kernel/xml-text.js';
import type { Lang } from '../domain/errors.js';
import { eventTypeColour } from '../domain/event-type-colours.js';
import { eventTypeName } from '../domain/event-type-names.js';
import { THREAT_LEVEL_COLOUR, THREAT_LEVEL_NAME, THREAT_LEVELS } from '../domain/threat-level.js';
import { basemapGround, basemapLabels, type Frame } from './sitrep-basemap.js';
import type { SitrepData } from './situation-report.js';

/**
 * The situation report's figures as inline SVG (nothing fetched): bars by section and type,
 * incidents per day, and the map of the period. Level colours and names are the node's own, as on
 * the web UI's map.
 */

const day = (iso: string) => iso.slice(0, 10);

export function horizontalBars(items: readonly [string, number][], label: string, width = 640): string {
  if (items.length === 0) return '';
  const row = 22;
  const labelWidth = 230;
  const max = Math.max(...items.map(([, n]) => n), 1);
  const height = items.length * row + 8;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}">`;
  items.forEach(([name, n], i) => {
    const y = 4 + i * row;
    const w = ((width - labelWidth - 50) * n) / max;
    svg += `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12">${escapeXml(name)}</text>`;
    svg += `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="#1f5f8b"/>`;
    svg += `<text x="${(labelWidth + w + 5).toFixed(1)}" y="${y + 15}" font-size="12">${n}</text>`;
  });
  return `${svg}</svg>`;
}

export function dailyBars(items: readonly [string, number][], label: string, width = 640): string {
  if (items.length === 0) return '';
  const height = 160;
  const base = height - 24;
  const max = Math.max(...items.map(([, n]) => n), 1);
  const step = (width - 40) / items.length;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}">`;
  svg += `<line x1="30" y1="${base}" x2="${width - 5}" y2="${base}" stroke="#555"/>`;
  svg += `<text x="26" y="16" text-anchor="end" font-size="11">${max}</text>`;
  items.forEach(([date, n], i) => {
    const h = ((base - 14) * n) / max;
    const x = 32 + i * step;
    if (n > 0)
      svg += `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#8b1f1f"><title>${escapeXml(date)} : ${n}</title></rect>`;
  });
  const first = items[0]![0];
  const last = items.at(-1)![0];
  svg += `<text x="32" y="${height - 6}" font-size="11">${first}</text><text x="${width - 5}" y="${height - 6}" font-size="11" text-anchor="end">${last}</text>`;
  return `${svg}</svg>`;
}

const KM_PER_DEGREE = 111.32;
const SCALE_LENGTHS_KM = [5, 10, 20, 25, 50, 100, 200, 250, 500];

/** A scale bar of a round length, at most `maxPx` long, for `pxPerKm`. */
function scaleBar(pxPerKm: number, x: number, y: number, maxPx = 130): string {
  const km = [...SCALE_LENGTHS_KM].reverse().find((length) => length * pxPerKm <= maxPx) ?? SCALE_LENGTHS_KM[0]!;
  const w = km * pxPerKm;
  return (
    `<g class="scale-bar"><rect x="${(x - w - 6).toFixed(1)}" y="${y - 16}" width="${(w + 12).toFixed(1)}" height="22" fill="#ffffff" fill-opacity="0.85"/>` +
    `<path d="M${(x - w).toFixed(1)},${y - 6}v6h${w.toFixed(1)}v-6" fill="none" stroke="#222" stroke-width="1.5"/>` +
    `<text x="${(x - w / 2).toFixed(1)}" y="${y - 8}" font-size="11" text-anchor="middle">${km} km</text></g>`
  );
}

/** Equirectangular map scaled by the cosine of the mean latitude: true enough at this scale. */
export function mapFigure(data: SitrepData, lang: Lang, labels: { incident: string; map: string }, width = 640, maxHeight = 520): string {
  // Framed on what the period is about (its incidents and the sections above low), else the whole border.
  const points: [number, number][] = data.incidents.map((i) => [i.location.lon, i.location.lat]);
  for (const s of data.map.sections) if (s.level !== 'low') points.push(...(s.geometry.coordinates as [number, number][]));
  if (points.length === 0) for (const s of data.map.sections) points.push(...(s.geometry.coordinates as [number, number][]));
  if (points.length === 0) return '';
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const pad = 0.4;
  let [minLon, maxLon, minLat, maxLat] = [Math.min(...lons) - pad, Math.max(...lons) + pad, Math.min(...lats) - pad, Math.max(...lats) + pad];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // A tall frame is widened rather than cut, so that the map keeps to page 1 beside the summary.
  const aspect = ((maxLat - minLat) * width) / ((maxLon - minLon) * k);
  if (aspect > maxHeight) {
    const extra = ((maxLat - minLat) * width) / maxHeight / k - (maxLon - minLon);
    minLon -= extra / 2;
    maxLon += extra / 2;
  }
  const scale = width / ((maxLon - minLon) * k);
  const height = Math.min(maxHeight, Math.round((maxLat - minLat) * scale));
  const xy = ([lon, lat]: number[]) => `${((lon! - minLon) * k * scale).toFixed(1)},${((maxLat - lat!) * scale).toFixed(1)}`;
  // Lines running out of the frame are cut by the drawing's own edges (clip path below).
  const path = (coords: number[][]) => (coords.length >= 2 ? `M${coords.map(xy).join('L')}` : '');
  // Under the levels' legend, the incidents' types of the period, in as many rows as they need.
  const types = [...new Set(data.incidents.map((i) => i.eventType))].sort((a, b) => eventTypeName(a, lang).localeCompare(eventTypeName(b, lang), lang));
  let typesLegend = '';
  let [tx, row] = [8, 0];
  for (const type of types) {
    const name = eventTypeName(type, lang);
    const itemWidth = 26 + name.length * 6.2;
    if (tx + itemWidth > width && tx > 8) [tx, row] = [8, row + 1];
    const ty = height + 34 + row * 18;
    typesLegend += `<circle cx="${tx + 6}" cy="${ty - 4}" r="4.5" fill="${eventTypeColour(type)}" stroke="#fff" stroke-width="1"/><text x="${tx + 14}" y="${ty}" font-size="11">${escapeXml(name)}</text>`;
    tx += itemWidth;
  }
  const total = height + 30 + (types.length > 0 ? (row + 1) * 18 : 0);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-label="${escapeXml(labels.map)}">`;
  svg += `<rect x="0" y="0" width="${width}" height="${height}" fill="#f4f1ea"/>`;
  svg += `<defs><clipPath id="frame"><rect x="0" y="0" width="${width}" height="${height}"/></clipPath></defs><g clip-path="url(#frame)">`;
  const frame: Frame = { xy, pxPerLonDegree: k * scale, width, height };
  if (data.map.basemap) svg += basemapGround(data.map.basemap, frame);
  for (const border of data.map.borders) {
    const lines = border.type === 'LineString' ? [border.coordinates] : border.coordinates;
    for (const line of lines) svg += `<path d="${path(line)}" fill="none" stroke="#777" stroke-width="1" stroke-dasharray="4 3"/>`;
  }
  for (const axis of data.map.axes) svg += `<path d="${path(axis.coordinates)}" fill="none" stroke="#b0a080" stroke-width="1.5"/>`;
  for (const s of data.map.sections) {
    svg += `<path d="${path(s.geometry.coordinates)}" fill="none" stroke="${THREAT_LEVEL_COLOUR[s.level]}" stroke-width="5" stroke-linecap="round"><title>${escapeXml(s.id)} : ${THREAT_LEVEL_NAME[s.level][lang]}</title></path>`;
  }
  if (data.map.basemap) svg += basemapLabels(data.map.basemap, frame, lang);
  for (const i of data.incidents) {
    const [x, y] = xy([i.location.lon, i.location.lat]).split(',');
    svg += `<circle cx="${x}" cy="${y}" r="4.5" fill="${eventTypeColour(i.eventType)}" stroke="#fff" stroke-width="1.2"><title>${escapeXml(`${day(i.occurredAt)} ${eventTypeName(i.eventType, lang)} ${i.placeName ?? ''}`)}</title></circle>`;
  }
  svg += '</g>';
  svg += scaleBar(scale / KM_PER_DEGREE, width - 10, height - 8);
  let x = 8;
  for (const level of THREAT_LEVELS) {
    svg += `<rect x="${x}" y="${height + 10}" width="14" height="8" fill="${THREAT_LEVEL_COLOUR[level]}"/><text x="${x + 18}" y="${height + 18}" font-size="11">${THREAT_LEVEL_NAME[level][lang]}</text>`;
    x += 90;
  }
  return `${svg}${typesLegend}</svg>`;
}
