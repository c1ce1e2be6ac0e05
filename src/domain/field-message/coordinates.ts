import { pointOfMgrs } from '../../geo/mgrs-point.js';

/**
 * Coordinates as a leader types or reads them: decimal degrees (`14.4551 -12.1995`, also with
 * a decimal comma or hemisphere letters), degrees and decimal minutes (`1427.3N 01212.0W`, O for
 * ouest), or an MGRS reference (`28PDA1234567890`, or spaced `28P DA 12345 67890`).
 */
export interface Point {
  lat: number;
  lon: number;
}

export type CoordinatesRead =
  /** The point and the index of the first token after it. */
  | { point: Point; next: number }
  /** Tokens that start like coordinates but are none: the reply quotes them. */
  | { unreadable: string }
  /** Nothing here starts like coordinates. */
  | undefined;

const DECIMAL = /^([+-]?)(\d{1,3}[.,]\d+|\d{1,3})([NSEWO]?)$/i;
const DEGREES_MINUTES = /^(\d{2,3})(\d{2}(?:[.,]\d+)?)([NSEWO])$/i;
const PAIR = /^([^,;/]+)[;/,]([^,;/]+)$/;
const MGRS_WHOLE = /^\d{1,2}[C-HJ-NP-X][A-HJ-NP-Z]{2}(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/i;
const ZONE_AND_SQUARE = /^\d{1,2}[C-HJ-NP-X][A-HJ-NP-Z]{2}$/i;
const ZONE = /^\d{1,2}[C-HJ-NP-X]$/i;
const SQUARE = /^[A-HJ-NP-Z]{2}$/i;
const SQUARE_AND_DIGITS = /^[A-HJ-NP-Z]{2}(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/i;
const DIGITS = /^\d{1,5}$/;

interface Axis {
  value: number;
  /** 'lat' or 'lon' when a hemisphere letter says which; null for a signed number. */
  axis: 'lat' | 'lon' | null;
}

function number(text: string): number {
  return Number(text.replace(',', '.'));
}

function hemisphere(letter: string, value: number): Axis {
  const upper = letter.toUpperCase();
  if (upper === 'N' || upper === 'S') return { value: upper === 'S' ? -value : value, axis: 'lat' };
  return { value: upper === 'W' || upper === 'O' ? -value : value, axis: 'lon' };
}

/** One half of a pair: a decimal number, or degrees and minutes with their hemisphere. */
function axisOf(token: string): Axis | undefined {
  const dm = DEGREES_MINUTES.exec(token);
  if (dm) {
    const minutes = number(dm[2]!);
    if (minutes >= 60) return undefined;
    return hemisphere(dm[3]!, Number(dm[1]) + minutes / 60);
  }
  const decimal = DECIMAL.exec(token);
  if (!decimal) return undefined;
  const value = number(decimal[2]!) * (decimal[1] === '-' ? -1 : 1);
  if (!decimal[3]) return { value, axis: null };
  if (decimal[1]) return undefined; // a sign and a hemisphere letter say the same thing twice
  return hemisphere(decimal[3], value);
}

/** Whether a token starts like a pair of coordinates (a number with a fraction or a hemisphere). */
function startsLikeCoordinates(token: string): boolean {
  return /^[+-]?\d{1,5}[.,]\d/.test(token) || /^\d{1,5}(?:[.,]\d+)?[NSEWO]$/i.test(token);
}

function pointOf(first: Axis, second: Axis): Point | undefined {
  let lat: Axis = first;
  let lon: Axis = second;
  if (first.axis === 'lon' || second.axis === 'lat') [lat, lon] = [second, first];
  if (lat.axis === 'lon' || lon.axis === 'lat') return undefined;
  if (!Number.isFinite(lat.value) || !Number.isFinite(lon.value)) return undefined;
  if (Math.abs(lat.value) > 90 || Math.abs(lon.value) > 180) return undefined;
  return { lat: round(lat.value), lon: round(lon.value) };
}

/** Seven decimals: about a centimetre, more than any field message holds. */
function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

function mgrs(tokens: readonly string[], start: number): { point: Point; next: number } | undefined {
  const [a = '', b = '', c = '', d = ''] = tokens.slice(start, start + 4);
  const sameLength = (x: string, y: string) => DIGITS.test(x) && DIGITS.test(y) && x.length === y.length;
  const candidates: [string, number][] = [];
  if (ZONE.test(a) && SQUARE.test(b) && sameLength(c, d)) candidates.push([a + b + c + d, 4]);
  if (ZONE_AND_SQUARE.test(a) && sameLength(b, c)) candidates.push([a + b + c, 3]);
  if (ZONE.test(a) && SQUARE_AND_DIGITS.test(b)) candidates.push([a + b, 2]);
  if (MGRS_WHOLE.test(a)) candidates.push([a, 1]);
  for (const [reference, used] of candidates) {
    const point = pointOfMgrs(reference);
    if (point) return { point: { lat: round(point.lat), lon: round(point.lon) }, next: start + used };
  }
  return undefined;
}

/** A grid zone with its 100 km square, in one token or spread over the next ones: the start of an MGRS reference. */
function startsLikeMgrs(tokens: readonly string[], start: number): boolean {
  const first = tokens[start] ?? '';
  if (/^\d{1,2}[C-HJ-NP-X][A-HJ-NP-Z]{2}/i.test(first)) return true;
  const next = tokens[start + 1] ?? '';
  return ZONE.test(first) && (SQUARE.test(next) || SQUARE_AND_DIGITS.test(next));
}

/** Reads a point from `tokens` at `start`. */
export function readCoordinates(tokens: readonly string[], start: number): CoordinatesRead {
  const first = tokens[start];
  if (first === undefined) return undefined;
  if (startsLikeMgrs(tokens, start)) return mgrs(tokens, start) ?? { unreadable: tokens.slice(start, start + 4).join(' ') };
  const pair = PAIR.exec(first);
  if (pair && /\d[.]/.test(first)) {
    const [x, y] = [axisOf(pair[1]!), axisOf(pair[2]!)];
    const point = x && y && pointOf(x, y);
    return point ? { point, next: start + 1 } : { unreadable: first };
  }
  if (!startsLikeCoordinates(first)) return undefined;
  const second = tokens[start + 1] ?? '';
  const [x, y] = [axisOf(first), axisOf(second)];
  const point = x && y && pointOf(x, y);
  return point ? { point, next: start + 2 } : { unreadable: `${first} ${second}`.trim() };
}
