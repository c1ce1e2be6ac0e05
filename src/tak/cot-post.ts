import type { Post } from '../contracts/organisation.js';
import type { PostKind } from '../contracts/vocabularies.js';
import { DAY_MS } from '../kernel/durations.js';
import { COT_UNKNOWN, markingLine, type CotEvent } from './cot-event.js';

/**
 * A fixed site of a nation as a friendly ground installation: a command post, a base, a border
 * post or a checkpoint (MIL-STD-2525 installations, `a-f-G-I…`).
 */
export const POST_COT_TYPES: Record<PostKind, string> = {
  border_post: 'a-f-G-I-B',
  base: 'a-f-G-I-B',
  checkpoint: 'a-f-G-I',
  command: 'a-f-G-U-H',
};

export const POST_KIND_NAMES: Record<PostKind, string> = {
  border_post: 'Border post',
  base: 'Base',
  checkpoint: 'Checkpoint',
  command: 'Command post',
};

export const POST_UID_PREFIX = 'diboli.post.';

/** Posts do not move: a week before a TAK client greys them out. */
export const POST_STALE_MS = 7 * DAY_MS;

export function postToCot(post: Post, now: Date): CotEvent {
  return {
    uid: `${POST_UID_PREFIX}${post.id}`,
    type: POST_COT_TYPES[post.kind],
    how: 'h-e',
    time: now.toISOString(),
    start: now.toISOString(),
    stale: new Date(now.getTime() + POST_STALE_MS).toISOString(),
    point: { lat: post.location.lat, lon: post.location.lon, hae: COT_UNKNOWN, ce: 10, le: COT_UNKNOWN },
    detail: {
      callsign: post.name,
      remarks: [markingLine(post), `${POST_KIND_NAMES[post.kind]} (${post.nation})`].join('\n'),
      marking: { owner: post.owner, releasableTo: post.releasableTo },
    },
  };
}
