import { Readable } from 'node:stream';
import { DiboliError } from '../domain/errors.js';
import { isVisibleTo, positionsAudience } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import type { NationCode } from '../kernel/nation.js';
import type { PageCursor } from '../store/incident-repository.js';
import { cotXml, type CotEvent } from '../tak/cot-event.js';
import { incidentToCot } from '../tak/cot-incident.js';
import { positionToCot } from '../tak/cot-position.js';
import { postToCot } from '../tak/cot-post.js';
import { axisToCot, patrolRouteToCot } from '../tak/cot-route.js';
import type { NodeContext } from './node-context.js';
import { ON_THE_MAP } from './tak-feed.js';

export const COT_LIST_TYPE = 'application/xml; charset=utf-8';

/** Incidents read per query while the picture is written. */
const PAGE = 2000;

export interface PictureQuery {
  bbox?: [number, number, number, number];
  from?: string;
  to?: string;
}

function inBox(bbox: PictureQuery['bbox'], point: { lat: number; lon: number }): boolean {
  return !bbox || (point.lon >= bbox[0] && point.lon <= bbox[2] && point.lat >= bbox[1] && point.lat <= bbox[3]);
}

/**
 * The picture a nation may see, as CoT events (`GET /api/v1/cot`): the incidents it may read in
 * the box and period (the store's `visibleTo`), its posts and partners' posts released to it, the
 * mechanism's axes, the planned routes of the patrols it may read that are approved or under way,
 * and the last position of those whose positions the position policy gives it. Written page by
 * page, like the exports, so that its length costs the node no memory.
 */
export class TakPicture {
  constructor(private readonly node: NodeContext) {}

  stream(actor: Actor, query: PictureQuery): Readable {
    if (query.from && query.to && query.from > query.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    const events = this.events(actor.nation, query);
    async function* chunks(): AsyncGenerator<string> {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<events>\n';
      for await (const batch of events) if (batch.length > 0) yield batch.map((event) => `${cotXml(event)}\n`).join('');
      yield '</events>\n';
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  /** The same picture as events in batches, for a TAK client that just connected. */
  async *events(nation: NationCode, query: PictureQuery = {}): AsyncGenerator<CotEvent[]> {
    const { node } = this;
    const now = node.clock.now();
    let cursor: PageCursor | undefined;
    do {
      const { incidents, next } = await node.repos.incidents.page(nation, { bbox: query.bbox, from: query.from, to: query.to, limit: PAGE }, cursor, PAGE);
      yield incidents.map((incident) => incidentToCot(incident, now));
      cursor = next;
    } while (cursor);
    const posts = await node.repos.organisation.postsVisibleTo(nation);
    yield posts.filter((post) => inBox(query.bbox, post.location)).map((post) => postToCot(post, now));
    yield (await node.repos.geography.axes()).map((axis) => axisToCot(axis, now));
    const patrols = (await node.repos.patrols.listVisible(nation)).filter((patrol) => ON_THE_MAP.includes(patrol.status));
    const routes: CotEvent[] = [];
    for (const patrol of patrols) {
      const route = patrolRouteToCot(patrol, now);
      if (route) routes.push(route);
      const audience = positionsAudience(patrol, node.mechanism);
      if (patrol.status !== 'underway' || !isVisibleTo(audience, nation)) continue;
      const last = await node.repos.patrols.lastPosition(patrol.id);
      if (last && inBox(query.bbox, last)) routes.push(positionToCot(patrol, audience, last, now));
    }
    yield routes;
  }
}
