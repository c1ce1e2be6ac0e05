import { escapeXml } from '../kernel/xml-text.js';

/**
 * A Cursor-on-Target event as Diboli writes and reads it: the attributes of `<event>`, its
 * `<point>`, and the few children of `<detail>` the TAK clients (ATAK, WinTAK, iTAK) show. One
 * event is one thing on the map: an incident, a post, a route, a unit's position, a message.
 */
export interface CotPoint {
  lat: number;
  lon: number;
  /** Height above the ellipsoid in metres; CoT's 9999999 means unknown. */
  hae: number;
  /** Circular and linear error in metres (how far off the point may be). */
  ce: number;
  le: number;
}

/** A point of a route, written as `<link point="lat,lon" …/>` in the route's detail. */
export interface CotRoutePoint {
  uid: string;
  callsign: string;
  lat: number;
  lon: number;
}

/**
 * Who owns the thing and who it is released to: written as `<marking>` inside `<detail>`, and in
 * the remarks' first line, so that a TAK user sees the marking in the record's own text.
 */
export interface CotMarking {
  owner: string;
  releasableTo: readonly string[];
}

export interface CotDetail {
  callsign?: string;
  remarks?: string;
  marking?: CotMarking;
  /** A route's points, in order. */
  route?: readonly CotRoutePoint[];
  /** The link to the thing's parent (a marker's creator, a chat's sender). */
  parent?: { uid: string; type: string; relation: string };
  /** A chat message's room and sender (GeoChat's `__chat`). */
  chat?: { room: string; senderCallsign: string; id: string };
}

export interface CotEvent {
  uid: string;
  type: string;
  how: string;
  time: string;
  start: string;
  stale: string;
  point: CotPoint;
  detail: CotDetail;
}

/** CoT's way of saying a height or an error is unknown. */
export const COT_UNKNOWN = 9_999_999;

/** Six decimals of a degree, about 11 cm: what a TAK client shows and no more. */
function degrees(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function metres(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function attrs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
}

function detailXml(detail: CotDetail): string {
  const parts: string[] = [];
  if (detail.callsign !== undefined) parts.push(`<contact${attrs([['callsign', detail.callsign]])}/>`);
  for (const point of detail.route ?? []) {
    parts.push(
      `<link${attrs([
        ['uid', point.uid],
        ['callsign', point.callsign],
        ['type', 'b-m-p-w'],
        ['point', `${degrees(point.lat)},${degrees(point.lon)}`],
        ['relation', 'c'],
      ])}/>`,
    );
  }
  if (detail.parent) {
    parts.push(
      `<link${attrs([
        ['uid', detail.parent.uid],
        ['type', detail.parent.type],
        ['relation', detail.parent.relation],
      ])}/>`,
    );
  }
  if (detail.marking) {
    parts.push(
      `<marking${attrs([
        ['owner', detail.marking.owner],
        ['releasableTo', detail.marking.releasableTo.join(' ')],
      ])}/>`,
    );
  }
  if (detail.remarks !== undefined) parts.push(`<remarks>${escapeXml(detail.remarks)}</remarks>`);
  return `<detail>${parts.join('')}</detail>`;
}

/** One `<event>` element (no XML declaration: events are written one after the other on a stream and in a list). */
export function cotXml(event: CotEvent): string {
  const head = attrs([
    ['version', '2.0'],
    ['uid', event.uid],
    ['type', event.type],
    ['how', event.how],
    ['time', event.time],
    ['start', event.start],
    ['stale', event.stale],
  ]);
  const point = attrs([
    ['lat', degrees(event.point.lat)],
    ['lon', degrees(event.point.lon)],
    ['hae', metres(event.point.hae)],
    ['ce', metres(event.point.ce)],
    ['le', metres(event.point.le)],
  ]);
  return `<event${head}><point${point}/>${detailXml(event.detail)}</event>`;
}

/** The marking as a person reads it, first line of the remarks: `ML` or `ML REL SN MR`. */
export function markingLine(marking: CotMarking): string {
  return marking.releasableTo.length === 0 ? `${marking.owner} NATIONAL` : `${marking.owner} REL ${marking.releasableTo.join(' ')}`;
}
