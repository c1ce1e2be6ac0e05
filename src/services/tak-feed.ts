import type { AlertMessage } from '../domain/alert.js';
import type { Incident } from '../contracts/incident.js';
import type { Patrol } from '../contracts/patrol.js';
import { isVisibleTo, positionsAudience } from '../domain/sovereignty.js';
import type { NationCode } from '../kernel/nation.js';
import { alertToCot } from '../tak/cot-alert.js';
import { deleteEvent } from '../tak/cot-delete.js';
import { cotXml, type CotEvent } from '../tak/cot-event.js';
import { INCIDENT_COT_TYPES, incidentToCot, incidentUid } from '../tak/cot-incident.js';
import { PATROL_UID_PREFIX, PLI_COT_TYPE, positionToCot } from '../tak/cot-position.js';
import { PATROL_ROUTE_UID_PREFIX, ROUTE_COT_TYPE, patrolRouteToCot } from '../tak/cot-route.js';
import type { NodeContext } from './node-context.js';

/** Patrols whose route and position are on a TAK map: those planned to go out or out now. */
export const ON_THE_MAP: readonly Patrol['status'][] = ['approved', 'underway'];

/** The event name and JSON body of one server-sent frame of the live stream. */
function readFrame(frame: Uint8Array): { event: string; data: string } | undefined {
  const text = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString('utf8');
  const event = /^event: (.*)$/m.exec(text)?.[1];
  const data = /^data: (.*)$/m.exec(text)?.[1];
  return event && data !== undefined ? { event, data } : undefined;
}

/**
 * The live stream's frames as CoT, for TAK clients. A TAK client is one more client of the live
 * stream (services/live-stream.ts): it receives exactly the frames its nation's SSE clients
 * receive, decided there per event and audience by the sovereignty rules, and each frame becomes
 * the CoT events that say the same thing. A frame is encoded once per audience and shared by all
 * its clients, so its CoT is made once too (kept by the frame's identity while it is in use).
 */
export class TakFeed {
  private readonly made = new WeakMap<Uint8Array, Promise<Buffer | null>>();

  constructor(
    private readonly node: NodeContext,
    private readonly language: 'fr' | 'en' = 'fr',
  ) {}

  cotOf(frame: Uint8Array, nation: NationCode): Promise<Buffer | null> {
    let made = this.made.get(frame);
    if (!made) {
      made = this.events(frame, nation).then(
        (events) => (events.length === 0 ? null : Buffer.from(events.map((event) => cotXml(event)).join('\n') + '\n')),
        () => null,
      );
      this.made.set(frame, made);
    }
    return made;
  }

  private async events(frame: Uint8Array, nation: NationCode): Promise<CotEvent[]> {
    const read = readFrame(frame);
    if (!read) return [];
    const now = this.node.clock.now();
    const data = JSON.parse(read.data) as Record<string, unknown>;
    switch (read.event) {
      case 'incident':
        return [incidentToCot(data.record as Incident, now)];
      case 'incident-removed':
        return [deleteEvent(incidentUid(String(data.id)), INCIDENT_COT_TYPES.Battles, now)];
      case 'patrol': {
        const patrol = data.record as Patrol;
        const route = ON_THE_MAP.includes(patrol.status) ? patrolRouteToCot(patrol, now) : undefined;
        if (route) return [route];
        return this.patrolGone(patrol.id, now);
      }
      case 'patrol-removed':
        return this.patrolGone(String(data.id), now);
      case 'positions':
        return this.position(String(data.patrolId), nation, now);
      case 'alert':
      case 'alert-cancelled': {
        const event = alertToCot(data as unknown as AlertMessage, this.language, now);
        return event ? [event] : [];
      }
      default:
        // Levels, and the stream's own `ready` and `reset`, have no place on a TAK map.
        return [];
    }
  }

  private patrolGone(id: string, now: Date): CotEvent[] {
    return [deleteEvent(`${PATROL_ROUTE_UID_PREFIX}${id}`, ROUTE_COT_TYPE, now), deleteEvent(`${PATROL_UID_PREFIX}${id}`, PLI_COT_TYPE, now)];
  }

  private async position(patrolId: string, nation: NationCode, now: Date): Promise<CotEvent[]> {
    const patrol = await this.node.repos.patrols.findVisible(patrolId, nation);
    if (!patrol) return [];
    const audience = positionsAudience(patrol, this.node.mechanism);
    // The live stream sent this frame to the positions' audience only; asked again here, since a
    // TAK map keeps what it is sent.
    if (!isVisibleTo(audience, nation)) return [];
    const last = await this.node.repos.patrols.lastPosition(patrol.id);
    return last ? [positionToCot(patrol, audience, last, now)] : [];
  }
}
