import { createHash } from 'node:crypto';
import { DiboliError } from '../domain/errors.js';
import type { Patrol } from '../contracts/patrol.js';
import type { Actor } from '../domain/user.js';
import { eventTypeOfCot, inboundKind, type InboundKind } from '../tak/cot-inbound.js';
import { CotRefused, parseCot, type InboundCot } from '../tak/cot-parse.js';
import type { FieldMessages } from './field-messages.js';
import type { FieldReporting } from './field-reporting.js';
import type { PatrolService } from './patrol-service.js';

/** What became of one inbound event. */
export interface CotReceipt {
  kind: InboundKind;
  /** Positions or observations stored (0 for a keep-alive, a chat other than a field message). */
  stored: number;
  /** The node's answer to a chat message read as a field message (null for other events). */
  reply: string | null;
}

/** Reads an event from outside, or a coded refusal that says why (nothing is stored then). */
export function readInbound(text: string): { event: InboundCot; kind: InboundKind } {
  let event: InboundCot;
  try {
    event = parseCot(text);
  } catch (error) {
    if (error instanceof CotRefused) throw new DiboliError('ERR_COT_REFUSED', { reason: error.message });
    throw error;
  }
  const kind = inboundKind(event);
  if (!kind) throw new DiboliError('ERR_COT_REFUSED', { reason: `unknown type ${event.type}` });
  return { event, kind };
}

/** A device's record as its own id would name it: the same event sent again is stored once. */
function clientIdOf(...parts: string[]): string {
  return `tak-${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 40)}`;
}

/**
 * What a TAK user sends, from `POST /api/v1/cot` or their stream: a PLI becomes positions and a
 * marker an observation of the patrol the user leads or reports for (the field channels' rule,
 * `mayReportFromField`), through the field reporting service's own checks (the user's role, the
 * patrol under way, the single writer, the area). What is stored is owned by the node's nation
 * and released as the patrol is, as the field app's records are; positions then follow the
 * position policy like every position. A PLI sent again, or a marker sent again or moved, is
 * stored once (the device's uid and time make its client id).
 */
export class TakInbound {
  constructor(
    private readonly patrols: PatrolService,
    private readonly field: FieldReporting,
    private readonly messages?: FieldMessages,
  ) {}

  async receive(actor: Actor, text: string): Promise<CotReceipt> {
    const { event, kind } = readInbound(text);
    if (kind === 'ping') return { kind, stored: 0, reply: null };
    if (kind === 'chat') {
      // A chat to the node may carry the field message language; without a reader it is only read.
      if (!this.messages || !event.remarks?.trim()) return { kind, stored: 0, reply: null };
      const answer = await this.messages.fromTak(actor, event.remarks);
      return { kind, stored: answer.outcome === 'recorded' ? 1 : 0, reply: answer.reply };
    }
    const patrol = await this.patrolOf(actor, kind);
    if (kind === 'pli') {
      const { accepted } = await this.field.reportPositions(
        actor,
        patrol.id,
        [{ at: event.time, lat: event.point.lat, lon: event.point.lon, clientId: clientIdOf(event.uid, event.time) }],
        'tak',
      );
      return { kind, stored: accepted, reply: null };
    }
    const { created } = await this.field.observe(
      actor,
      patrol.id,
      {
        at: event.time,
        location: { lat: event.point.lat, lon: event.point.lon },
        text: [event.callsign, event.remarks].filter((part) => part !== null && part.trim() !== '').join(' — '),
        eventType: eventTypeOfCot(event.type),
        clientId: clientIdOf(event.uid),
      },
      'tak',
    );
    return { kind, stored: created ? 1 : 0, reply: null };
  }

  /**
   * The patrol a TAK user's PLI or marker is filed under: of the patrols the user leads or reports
   * for today, the one under way (the one started last, should there be several); a marker may
   * also go to the patrol completed last, noted just after its return.
   */
  private async patrolOf(actor: Actor, kind: 'pli' | 'marker'): Promise<Patrol> {
    const mine = await this.patrols.ledBy(actor.userId);
    const latest = (status: Patrol['status']) =>
      mine.filter((p) => p.status === status).sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))[0];
    const patrol = latest('underway') ?? (kind === 'marker' ? latest('completed') : undefined);
    if (!patrol) throw new DiboliError('ERR_TAK_NO_PATROL');
    return patrol;
  }
}
