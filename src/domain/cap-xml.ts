import { MINUTE_MS } from '../kernel/durations.js';
import type { LonLat } from '../kernel/geojson.js';
import { escapeXml } from '../kernel/xml-text.js';
import { CAP_NAMESPACE, InvalidCapMessage, closeRing, type CapArea, type CapInfo, type CapMessage } from './cap-message.js';
import { validateCapMessage } from './cap-validation.js';

/** The CAP 1.2 XML of a message. Element order follows the CAP 1.2 schema, which consumers check. */

export { escapeXml };

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

export function element(name: string, value: string | undefined, indent: string): string {
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
