import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { DiboliError } from '../domain/errors.js';
import type { LineString } from '../kernel/geojson.js';
import { round6 } from '../geo/geojson-output.js';
import { escapeXml } from '../kernel/xml-text.js';

/**
 * GPX 1.1 (topografix.com/GPX/1/1), what handheld GPS units and mapping apps exchange: a patrol's
 * planned route as `<rte>`, its reported positions as `<trk>`, and a planned route read back from a
 * file made elsewhere (its first route, else its first track).
 */

export const GPX_TYPE = 'application/gpx+xml; charset=utf-8';
/** A planned route holds at most this many points, as the patrol form's route does. */
export const MAX_ROUTE_POINTS = 10_000;

function head(name: string, time: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Diboli" xmlns="http://www.topografix.com/GPX/1/1">\n<metadata><name>${escapeXml(name)}</name><time>${time}</time></metadata>\n`;
}

const point = (tag: string, lon: number, lat: number, time?: string) =>
  `<${tag} lat="${round6(lat)}" lon="${round6(lon)}">${time ? `<time>${time}</time>` : ''}</${tag}>`;

export function routeGpx(name: string, route: LineString, time: string): string {
  const points = route.coordinates.map(([lon, lat]) => point('rtept', lon!, lat!)).join('\n');
  return `${head(name, time)}<rte><name>${escapeXml(name)}</name>\n${points}\n</rte>\n</gpx>\n`;
}

/** A track of the positions; with none, a track without a segment (GPX allows it). */
export function trackGpx(name: string, positions: readonly { at: string; lat: number; lon: number }[], time: string): string {
  const segment = positions.length > 0 ? `<trkseg>\n${positions.map((p) => point('trkpt', p.lon, p.lat, p.at)).join('\n')}\n</trkseg>\n` : '';
  return `${head(name, time)}<trk><name>${escapeXml(name)}</name>\n${segment}</trk>\n</gpx>\n`;
}

/**
 * The planned route in a GPX file: its first `<rte>`, else its first `<trk>` (segments joined),
 * as a LineString at 6 decimals. The parser resolves no external entity and fetches nothing.
 */
export function routeFromGpx(text: string): { name: string | null; route: LineString } {
  const errors: string[] = [];
  let document: ReturnType<DOMParser['parseFromString']> | undefined;
  try {
    document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  } catch (error) {
    // xmldom stops at a fatal error (an unclosed element) by throwing, after reporting it.
    errors.push((error as Error).message);
  }
  const root = document?.documentElement;
  if (errors.length > 0 || !root || root.localName !== 'gpx')
    throw new DiboliError('ERR_GPX_UNREADABLE', { detail: (errors[0] ?? 'not a <gpx> document').split('\n')[0]!.slice(0, 200) });
  const features = gpx(document as never).features;
  // (A track segment of one point is no line: togeojson leaves it out.)
  const chosen = features.find((f) => f.properties?._gpxType === 'rte') ?? features.find((f) => f.properties?._gpxType === 'trk');
  const geometry = chosen?.geometry;
  const lines = geometry?.type === 'LineString' ? [geometry.coordinates] : geometry?.type === 'MultiLineString' ? geometry.coordinates : [];
  const coordinates = lines.flat().map(([lon, lat]) => [round6(lon!), round6(lat!)]);
  const inRange = coordinates.every(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90);
  if (coordinates.length < 2 || !inRange) throw new DiboliError('ERR_GPX_NO_ROUTE');
  if (coordinates.length > MAX_ROUTE_POINTS) throw new DiboliError('ERR_VALIDATION', { detail: `route: ${MAX_ROUTE_POINTS} points at most` }, 'route');
  const name = typeof chosen?.properties?.name === 'string' ? chosen.properties.name : null;
  return { name, route: { type: 'LineString', coordinates } };
}
