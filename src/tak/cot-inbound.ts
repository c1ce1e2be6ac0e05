import type { EventType } from '../domain/event-types.js';
import type { InboundCot } from './cot-parse.js';

/**
 * What an event from a TAK client is, for Diboli: a keep-alive (`t-x-c-t`, answered at once), the
 * client's own position report (PLI: a friendly atom with no creator link — the device speaking of
 * itself), a marker a user dropped (an atom or spot linked `p-p` to the device that made it), or a
 * GeoChat message (`b-t-f`). Anything else is refused as an unknown type.
 */
export type InboundKind = 'ping' | 'pli' | 'marker' | 'chat';

export function inboundKind(event: Pick<InboundCot, 'type' | 'parentUid'>): InboundKind | null {
  const { type } = event;
  if (type === 't-x-c-t') return 'ping';
  if (type === 'b-t-f' || type.startsWith('b-t-f-')) return 'chat';
  const markable = type.startsWith('a-') || type.startsWith('b-m-p-s');
  if (markable && event.parentUid !== null) return 'marker';
  if (type.startsWith('a-f-') && event.parentUid === null) return 'pli';
  return null;
}

/**
 * The event type a marker's CoT type stands for: the inverse of the types incidents are sent with
 * (`cot-incident.ts`), read on the type's first three parts and its function. A type that says
 * nothing of the event (a friendly unit, a spot) gives none; the remarks then carry the meaning.
 */
export function eventTypeOfCot(type: string): EventType | null {
  if (type.startsWith('a-h-G-U-C')) return 'Battles';
  if (type.startsWith('a-h-G-E-W')) return 'Explosions/Remote violence';
  if (type.startsWith('a-h-')) return 'Violence against civilians';
  if (type.startsWith('a-n-')) return 'Protests';
  if (type.startsWith('a-s-')) return 'Border activity';
  if (type.startsWith('a-u-')) return 'Strategic developments';
  return null;
}

/** The pong a keep-alive is answered with. */
export const PONG_TYPE = 't-x-c-t-r';
