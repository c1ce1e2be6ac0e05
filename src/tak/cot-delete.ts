import { MINUTE_MS } from '../kernel/durations.js';
import type { CotEvent } from './cot-event.js';

/**
 * The CoT way of taking a thing off the map (`t-x-d-d`, "delete"): an event naming the thing's
 * uid in a link. Sent when a record leaves a nation's view (narrowed, retracted) and when an
 * alert is cancelled.
 */
export const DELETE_COT_TYPE = 't-x-d-d';

export function deleteEvent(uid: string, type: string, now: Date): CotEvent {
  const time = now.toISOString();
  return {
    uid: `${uid}.delete`,
    type: DELETE_COT_TYPE,
    how: 'h-g-i-g-o',
    time,
    start: time,
    stale: new Date(now.getTime() + MINUTE_MS).toISOString(),
    point: { lat: 0, lon: 0, hae: 0, ce: 9_999_999, le: 9_999_999 },
    detail: { parent: { uid, type, relation: 'p-p' } },
  };
}
