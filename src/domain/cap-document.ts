import { ringAroundLine } from '../geo/ring-around-line.js';
import type { LineString, LonLat } from '../kernel/geojson.js';
import { fieldError, type FieldError, type ThreatLevel } from './early-warning-config.js';
import { MINUTE_MS } from '../kernel/durations.js';

/**
 * OASIS Common Alerting Protocol 1.2: an alert meant for the population, as an XML document that
 * any CAP-aware system (sirens, radio, phones, aggregators) can take in, and the Atom feed that
 * lists such documents. Element order follows the CAP 1.2 schema, which consumers check.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export type CapStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
export type CapMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
export type CapScope = 'Public' | 'Restricted' | 'Private';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';
export type CapResponseType =
  | 'Shelter'
  | 'Evacuate'
  | 'Prepare'
  | 'Execute'
  | 'Avoid'
  | 'Monitor'
  | 'Assess'
  | 'AllClear'
  | 'None';

export interface CapArea {
  description: string;
  /** Rings as [lon, lat]; closed here when the last point differs from the first. */
  polygons?: readonly (readonly LonLat[])[];
  circles?: readonly { center: LonLat; radiusKm: number }[];
}

export interface CapInfo {
  /** RFC 3066 language; default `fr-FR`. */
  language?: string;
  event: string;
  responseTypes?: readonly CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  effective?: Date;
  onset?: Date;
  expires?: Date;
  senderName?: string;
  headline: string;
  description: string;
  instruction: string;
  web?: string;
  contact?: string;
  areas: readonly CapArea[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: Date;
  /** Offset of the sender's local time from UTC, in minutes; default 0 (Mali, Senegal, Mauritania). */
  utcOffsetMinutes?: number;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  note?: string;
  /** Earlier messages this one updates or cancels, each as `sender,identifier,sent`. */
  references?: readonly string[];
  info: readonly CapInfo[];
}

export class InvalidCapMessage extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(`Invalid CAP message: ${errors.map((error) => `${error.field} (${error.code})`).join(', ')}`);
    this.name = 'InvalidCapMessage';
    this.errors = errors;
  }
}

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * CAP date-time: seconds precision with a numeric offset, never `Z`; CAP 1.2 (§3.3.2) writes UTC
 * as `-00:00`, which is what the partner states of the default scenario, all on UTC, will show.
 */
export function formatCapDateTime(at: Date, utcOffsetMinutes = 0): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * MINUTE_MS);
  const sign = utcOffsetMinutes > 0 ? '+' : '-';
  const magnitude = Math.abs(utcOffsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`
  );
}

const coordinate = (value: number): string => String(Number(value.toFixed(6)));

/** CAP writes points as `lat,lon`, the reverse of GeoJSON. */
function capPoint([lon, lat]: LonLat): string {
  return `${coordinate(lat)},${coordinate(lon)}`;
}

export function closeRing(ring: readonly LonLat[]): LonLat[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return [];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
}

function validLonLat(point: LonLat): boolean {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]) && Math.abs(point[0]) <= 180 && Math.abs(point[1]) <= 90;
}

const CAP_TOKEN = /^[^\s,<&]+$/;

export function validateCapMessage(message: CapMessage): FieldError[] {
  const errors: FieldError[] = [];
  if (!message.identifier) errors.push(fieldError('identifier', 'required'));
  else if (!CAP_TOKEN.test(message.identifier)) errors.push(fieldError('identifier', 'invalid_characters'));
  if (!message.sender) errors.push(fieldError('sender', 'required'));
  else if (!CAP_TOKEN.test(message.sender)) errors.push(fieldError('sender', 'invalid_characters'));
  if (Number.isNaN(message.sent.getTime())) errors.push(fieldError('sent', 'not_a_date'));
  const offset = message.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) errors.push(fieldError('utcOffsetMinutes', 'out_of_range'));
  if (message.scope === 'Restricted' && !message.restriction) errors.push(fieldError('restriction', 'required'));
  if (message.scope === 'Private' && !message.addresses) errors.push(fieldError('addresses', 'required'));
  // A Cancel (or an Ack, an Error) may stand alone: it refers to earlier messages instead.
  if (message.info.length === 0 && (message.msgType === 'Alert' || message.msgType === 'Update')) errors.push(fieldError('info', 'required'));
  if (message.msgType !== 'Alert' && (message.references?.length ?? 0) === 0) errors.push(fieldError('references', 'required'));
  message.info.forEach((info, i) => {
    for (const field of ['event', 'headline', 'description', 'instruction'] as const) {
      if (!info[field] || info[field].trim() === '') errors.push(fieldError(`info.${i}.${field}`, 'required'));
    }
    for (const field of ['effective', 'onset', 'expires'] as const) {
      const at = info[field];
      if (at && Number.isNaN(at.getTime())) errors.push(fieldError(`info.${i}.${field}`, 'not_a_date'));
    }
    if (info.areas.length === 0) errors.push(fieldError(`info.${i}.areas`, 'required'));
    info.areas.forEach((area, j) => {
      const at = `info.${i}.areas.${j}`;
      if (!area.description || area.description.trim() === '') errors.push(fieldError(`${at}.description`, 'required'));
      if ((area.polygons?.length ?? 0) + (area.circles?.length ?? 0) === 0) errors.push(fieldError(`${at}.polygons`, 'required'));
      area.polygons?.forEach((ring, k) => {
        if (!ring.every(validLonLat)) errors.push(fieldError(`${at}.polygons.${k}`, 'out_of_range'));
        else if (closeRing(ring).length < 4) errors.push(fieldError(`${at}.polygons.${k}`, 'polygon_too_short'));
      });
      area.circles?.forEach((circle, k) => {
        if (!validLonLat(circle.center)) errors.push(fieldError(`${at}.circles.${k}.center`, 'out_of_range'));
        if (!(Number.isFinite(circle.radiusKm) && circle.radiusKm >= 0)) {
          errors.push(fieldError(`${at}.circles.${k}.radiusKm`, 'must_not_be_negative'));
        }
      });
    });
  });
  return errors;
}

function element(name: string, value: string | undefined, indent: string): string {
  return value === undefined || value === '' ? '' : `${indent}<${name}>${escapeXml(value)}</${name}>\n`;
}

function areaXml(area: CapArea): string {
  let xml = '    <area>\n';
  xml += element('areaDesc', area.description, '      ');
  for (const ring of area.polygons ?? []) xml += element('polygon', closeRing(ring).map(capPoint).join(' '), '      ');
  for (const circle of area.circles ?? []) {
    xml += element('circle', `${capPoint(circle.center)} ${coordinate(circle.radiusKm)}`, '      ');
  }
  return `${xml}    </area>\n`;
}

function infoXml(info: CapInfo, offset: number): string {
  const i = '    ';
  let xml = '  <info>\n';
  xml += element('language', info.language ?? 'fr-FR', i);
  xml += element('category', 'Security', i);
  xml += element('event', info.event, i);
  for (const response of info.responseTypes ?? []) xml += element('responseType', response, i);
  xml += element('urgency', info.urgency, i);
  xml += element('severity', info.severity, i);
  xml += element('certainty', info.certainty, i);
  xml += element('audience', info.audience, i);
  if (info.effective) xml += element('effective', formatCapDateTime(info.effective, offset), i);
  if (info.onset) xml += element('onset', formatCapDateTime(info.onset, offset), i);
  if (info.expires) xml += element('expires', formatCapDateTime(info.expires, offset), i);
  xml += element('senderName', info.senderName, i);
  xml += element('headline', info.headline, i);
  xml += element('description', info.description, i);
  xml += element('instruction', info.instruction, i);
  xml += element('web', info.web, i);
  xml += element('contact', info.contact, i);
  for (const area of info.areas) xml += areaXml(area);
  return `${xml}  </info>\n`;
}

/** The CAP 1.2 XML of a message; throws `InvalidCapMessage` naming every field at fault. */
export function buildCapDocument(message: CapMessage): string {
  const errors = validateCapMessage(message);
  if (errors.length > 0) throw new InvalidCapMessage(errors);
  const offset = message.utcOffsetMinutes ?? 0;
  const i = '  ';
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NAMESPACE}">\n`;
  xml += element('identifier', message.identifier, i);
  xml += element('sender', message.sender, i);
  xml += element('sent', formatCapDateTime(message.sent, offset), i);
  xml += element('status', message.status, i);
  xml += element('msgType', message.msgType, i);
  xml += element('scope', message.scope, i);
  xml += element('restriction', message.restriction, i);
  xml += element('addresses', message.addresses, i);
  xml += element('note', message.note, i);
  if (message.references && message.references.length > 0) xml += element('references', message.references.join(' '), i);
  for (const info of message.info) xml += infoXml(info, offset);
  return `${xml}</alert>\n`;
}

/** CAP severity for a section level. */
export const CAP_SEVERITY: Readonly<Record<ThreatLevel, CapSeverity>> = {
  low: 'Minor',
  medium: 'Moderate',
  high: 'Severe',
  critical: 'Extreme',
};

/** What an alert record must carry to become a CAP message for the population. */
export interface PublicAlert {
  id: string;
  severity: ThreatLevel;
  /** Type of event in French, e.g. « Affrontement armé ». */
  event: string;
  headline: string;
  description: string;
  instruction: string;
  raisedAt: Date;
  certainty?: CapCertainty;
  urgency?: CapUrgency;
  responseTypes?: readonly CapResponseType[];
  expiresAt?: Date;
  area: CapArea;
  /** For an Update: the earlier messages of the same sender it replaces, oldest first. */
  replaces?: readonly { identifier: string; sent: Date }[];
}

/** A CAP message for the population from an alert (or its Update), in French, sender being the node's address. */
export function capMessageFromAlert(
  alert: PublicAlert,
  origin: { sender: string; senderName: string; status?: CapStatus; web?: string },
): CapMessage {
  const info: CapInfo = {
    language: 'fr-FR',
    event: alert.event,
    urgency: alert.urgency ?? 'Immediate',
    severity: CAP_SEVERITY[alert.severity],
    certainty: alert.certainty ?? 'Likely',
    senderName: origin.senderName,
    headline: alert.headline,
    description: alert.description,
    instruction: alert.instruction,
    areas: [alert.area],
  };
  if (alert.responseTypes) info.responseTypes = alert.responseTypes;
  if (alert.expiresAt) info.expires = alert.expiresAt;
  if (origin.web) info.web = origin.web;
  const message: CapMessage = {
    identifier: alert.id,
    sender: origin.sender,
    sent: alert.raisedAt,
    status: origin.status ?? 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [info],
  };
  if (alert.replaces && alert.replaces.length > 0) {
    message.msgType = 'Update';
    message.references = alert.replaces.map((r) => capReference(origin.sender, r.identifier, r.sent));
  }
  return message;
}

/** A CAP reference to an earlier message: `sender,identifier,sent`. */
export function capReference(sender: string, identifier: string, sent: Date, utcOffsetMinutes = 0): string {
  return `${sender},${identifier},${formatCapDateTime(sent, utcOffsetMinutes)}`;
}

/**
 * The CAP `Cancel` of earlier messages of the same sender: it names them in `references` and, on
 * purpose, carries no `info` — nothing of what the cancelled messages said, nor why they are cancelled.
 */
export function capCancelMessage(cancel: { id: string; sent: Date; references: readonly { identifier: string; sent: Date }[] }, origin: { sender: string; status?: CapStatus }): CapMessage {
  return {
    identifier: cancel.id,
    sender: origin.sender,
    sent: cancel.sent,
    status: origin.status ?? 'Actual',
    msgType: 'Cancel',
    scope: 'Public',
    references: cancel.references.map((r) => capReference(origin.sender, r.identifier, r.sent)),
    info: [],
  };
}

export interface CapFeedEntry {
  /** The CAP identifier (becomes the entry id as a URN when not already a URI). */
  identifier: string;
  title: string;
  updated: Date;
  /** Where the CAP XML of this entry is served. */
  capHref: string;
  summary?: string;
}

export interface CapFeed {
  id: string;
  title: string;
  updated: Date;
  selfHref: string;
  author: string;
  entries: readonly CapFeedEntry[];
}

/** An Atom 1.0 feed listing CAP documents, newest first, each linked as `application/cap+xml`. */
export function buildCapAtomFeed(feed: CapFeed): string {
  const attribute = escapeXml;
  const entryId = (identifier: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(identifier) ? identifier : `urn:cap:${identifier}`);
  const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="${ATOM_NAMESPACE}" xml:lang="fr">\n`;
  xml += element('id', feed.id, '  ');
  xml += element('title', feed.title, '  ');
  xml += element('updated', feed.updated.toISOString(), '  ');
  xml += `  <link rel="self" type="application/atom+xml" href="${attribute(feed.selfHref)}"/>\n`;
  xml += `  <author>\n${element('name', feed.author, '    ')}  </author>\n`;
  for (const entry of entries) {
    xml += '  <entry>\n';
    xml += element('id', entryId(entry.identifier), '    ');
    xml += element('title', entry.title, '    ');
    xml += element('updated', entry.updated.toISOString(), '    ');
    xml += `    <link rel="alternate" type="application/cap+xml" href="${attribute(entry.capHref)}"/>\n`;
    xml += element('summary', entry.summary, '    ');
    xml += '  </entry>\n';
  }
  return `${xml}</feed>\n`;
}

/**
 * A CAP polygon around a line (a section, a stretch of axis): the ring of its buffer, simplified so
 * that the document stays small enough for the receivers that cap its size. Closed, ≥ 4 points.
 */
export function capPolygonAroundLine(line: LineString, radiusKm: number): LonLat[] {
  return closeRing(ringAroundLine(line, radiusKm));
}
