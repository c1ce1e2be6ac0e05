import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { instantOf } from '../kernel/instant.js';
import type { CotEvent } from './cot-event.js';

/**
 * Reading one CoT event that came from outside (a TAK client's stream, `POST /api/v1/cot`). The
 * text is refused before it is parsed when it is too long or declares a document type (where
 * entities are declared: no entity is ever expanded, so an entity bomb has nothing to grow in);
 * the parser itself leaves entities alone, and only XML's five named characters and numeric
 * character references are read back here. Every refusal says why, for the log and the caller.
 */
export const MAX_COT_BYTES = 64 * 1024;

export class CotRefused extends Error {}

/** What Diboli reads of an inbound event; the rest of its detail is ignored. */
export interface InboundCot extends Omit<CotEvent, 'detail'> {
  callsign: string | null;
  remarks: string | null;
  /** The uid of the link with relation `p-p` (the marker's creator), if any. */
  parentUid: string | null;
  /** GeoChat's room and sender, when the event is a chat message. */
  chat: { room: string | null; senderCallsign: string | null } | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 32,
  isArray: (name) => name === 'link',
});

const TYPE = /^[a-zA-Z](-[A-Za-z0-9_.]{1,16}){0,12}$/;
const UID = /^[\x21-\x7E]{1,128}$/;

/** `&amp;`, `&#233;`… read back; any other reference is refused (no entity is declared anywhere). */
function characters(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name.startsWith('#x')) return String.fromCodePoint(Math.min(Number.parseInt(name.slice(2), 16), 0x10ffff));
    if (name.startsWith('#')) return String.fromCodePoint(Math.min(Number.parseInt(name.slice(1), 10), 0x10ffff));
    const value = named[name];
    if (value === undefined) throw new CotRefused(`unknown entity ${whole}`);
    return value;
  });
}

type Node = { '@'?: Record<string, string>; '#text'?: string } & Record<string, unknown>;

function attributesOf(node: unknown): Record<string, string> {
  const attributes = node && typeof node === 'object' ? (node as Node)['@'] : undefined;
  return attributes ?? {};
}

function textOf(node: unknown): string | null {
  if (typeof node === 'string') return characters(node);
  if (node && typeof node === 'object' && typeof (node as Node)['#text'] === 'string') return characters((node as Node)['#text']!);
  return null;
}

function instant(attributes: Record<string, string>, name: string): string {
  const value = attributes[name];
  if (value === undefined) throw new CotRefused(`missing ${name}`);
  const ms = instantOf(value);
  if (ms === undefined) throw new CotRefused(`${name} is not an ISO 8601 instant: ${value.slice(0, 40)}`);
  return new Date(ms).toISOString();
}

function number(attributes: Record<string, string>, name: string, min: number, max: number, fallback?: number): number {
  const raw = attributes[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) throw new CotRefused(`point ${name} out of range`);
  return value;
}

/** One event's text as received; throws `CotRefused` with the reason. */
export function parseCot(text: string): InboundCot {
  if (Buffer.byteLength(text, 'utf8') > MAX_COT_BYTES) throw new CotRefused(`event longer than ${MAX_COT_BYTES} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new CotRefused('document type declarations are not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new CotRefused(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(document);
  if (roots.length !== 1 || roots[0] !== 'event') throw new CotRefused('the document is not one <event>');
  const event = document.event as Node;
  const a = attributesOf(event);
  if (!a.uid || !UID.test(a.uid)) throw new CotRefused('missing or unreadable uid');
  if (!a.type || !TYPE.test(a.type)) throw new CotRefused('missing or unreadable type');
  const point = attributesOf(event.point);
  if (!event.point) throw new CotRefused('missing point');
  const detail = (event.detail && typeof event.detail === 'object' ? event.detail : {}) as Node;
  const links = (Array.isArray(detail.link) ? detail.link : []) as unknown[];
  const parent = links.map(attributesOf).find((link) => link.relation === 'p-p');
  const chat = detail.__chat === undefined ? null : attributesOf(detail.__chat);
  const remarks = textOf(detail.remarks);
  return {
    uid: characters(a.uid),
    type: a.type,
    how: a.how ?? '',
    time: instant(a, 'time'),
    start: instant(a, 'start'),
    stale: instant(a, 'stale'),
    point: {
      lat: number(point, 'lat', -90, 90),
      lon: number(point, 'lon', -180, 180),
      hae: number(point, 'hae', -1e7, 1e7, 9_999_999),
      ce: number(point, 'ce', 0, 1e8, 9_999_999),
      le: number(point, 'le', 0, 1e8, 9_999_999),
    },
    callsign: attributesOf(detail.contact).callsign !== undefined ? characters(attributesOf(detail.contact).callsign!) : null,
    remarks: remarks === null ? null : remarks.slice(0, 4000),
    parentUid: parent?.uid !== undefined ? characters(parent.uid) : null,
    chat: chat && {
      room: chat.chatroom !== undefined ? characters(chat.chatroom) : null,
      senderCallsign: chat.senderCallsign !== undefined ? characters(chat.senderCallsign) : null,
    },
  };
}
