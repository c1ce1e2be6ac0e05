import type { NationCode } from '../kernel/nation.js';
import { canonicalJson } from './canonical-json.js';
import type { Envelope } from './envelope.js';
import type { LocalCopy } from '../domain/record-kinds.js';

export type { LocalCopy };

export interface ApplyContext {
  /** This node's nation. */
  self: NationCode;
  /** Nation of the peer whose feed the envelope came from. */
  peer: NationCode;
}

export type RejectReason = 'origin-not-peer' | 'own-record' | 'not-released-to-us' | 'body-mismatch' | 'not-owner';

export type ApplyVerdict =
  | { action: 'upsert' }
  | { action: 'delete' }
  | { action: 'ignore'; reason: 'not-newer' | 'nothing-to-retract' }
  | { action: 'reject'; reason: RejectReason };

/**
 * May this (signature-checked) envelope change the local store, and how? Only the origin writes
 * its records, and it must be the peer we pulled from (a node never passes on what it received);
 * an older or equal version never overwrites; a retraction deletes only a copy no newer than it.
 */
export function mayApply(envelope: Envelope, local: LocalCopy | undefined, context: ApplyContext): ApplyVerdict {
  if (envelope.origin !== context.peer) return { action: 'reject', reason: 'origin-not-peer' };
  if (envelope.origin === context.self) return { action: 'reject', reason: 'own-record' };
  if (!envelope.releasableTo.includes(context.self)) return { action: 'reject', reason: 'not-released-to-us' };
  if (local && local.owner !== envelope.origin) return { action: 'reject', reason: 'not-owner' };
  if (envelope.kind === 'retraction') {
    if (!local || local.version > envelope.version) return { action: 'ignore', reason: 'nothing-to-retract' };
    return { action: 'delete' };
  }
  if (!bodyAgrees(envelope)) return { action: 'reject', reason: 'body-mismatch' };
  if (local && local.version >= envelope.version) return { action: 'ignore', reason: 'not-newer' };
  return { action: 'upsert' };
}

/** The signed header fields and the record inside must tell the same story. */
function bodyAgrees(envelope: Envelope): boolean {
  const body = envelope.body as Record<string, unknown>;
  if (body.id !== envelope.id || body.owner !== envelope.origin || body.version !== envelope.version) return false;
  if (!Array.isArray(body.releasableTo)) return false;
  const inBody = [...(body.releasableTo as unknown[])].map(String).sort();
  return canonicalJson(inBody) === canonicalJson([...envelope.releasableTo].sort());
}
