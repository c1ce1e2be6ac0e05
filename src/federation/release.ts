import type { KeyObject } from 'node:crypto';
import type { DatabaseTransaction } from '../store/handles.js';
import type { NationCode } from '../kernel/nation.js';
import type { Clock } from '../kernel/clock.js';
import type { AuditEntry, AuditRepository } from '../store/audit-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import { subjectOf, type Envelope, type RecordKind } from './envelope.js';
import { signEnvelope } from './envelope-signature.js';
import { releasePlan, type WrittenRecord } from './release-plan.js';

/** One local write of a shared record, as the service that made it tells the release step. */
export interface RecordWrite {
  record: WrittenRecord;
  /** Releasability before the write; undefined for a new record. */
  previous: readonly NationCode[] | undefined;
  deleted?: boolean;
  /** The secondment a partner's officer acted under, named in the audit entry. */
  secondment?: string;
}

export interface ReleaseDeps {
  self: NationCode;
  /** Undefined on a node without keys: it can write national records but release nothing. */
  privateKey: KeyObject | undefined;
  outbox: OutboxRepository;
  audit: AuditRepository;
  clock: Clock;
}

/** A record as it travels: its body is the record itself, whose header fields it repeats. */
export function writtenRecord(
  kind: RecordKind,
  record: { id: string; owner: NationCode; version: number; releasableTo: readonly NationCode[] },
): WrittenRecord {
  return { kind, id: record.id, owner: record.owner, version: record.version, releasableTo: record.releasableTo, body: record };
}

/**
 * The release step every service calls inside the transaction of a write to a shared record: the
 * write is audited, and each version this node releases is signed and queued for the nations it
 * is released to (with retractions for the nations that lost access). Whatever it adds commits or
 * rolls back with the write itself, so a partner never reads a version that was not stored.
 */
export class ReleaseStep {
  constructor(private readonly deps: ReleaseDeps) {}

  async record(trx: DatabaseTransaction, write: RecordWrite): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const { record } = write;
    const detail: Record<string, unknown> = {
      kind: record.kind,
      id: record.id,
      version: record.version,
      owner: record.owner,
      releasableTo: record.releasableTo,
    };
    if (write.secondment) detail.secondment = write.secondment;
    const entries: AuditEntry[] = [{ action: write.deleted ? 'record.delete' : 'record.write', detail }];
    const planned = releasePlan(this.deps.self, record, write.previous, at, write.deleted);
    if (planned.length > 0) {
      // A release that cannot be signed must not be acknowledged as written.
      const key = this.deps.privateKey;
      if (!key) throw new Error('this node has no key pair: run `diboli init` again to create it');
      const envelopes = planned.map((e) => signEnvelope(e, key));
      const queued = await this.deps.outbox.append(
        trx,
        envelopes.map((envelope) => ({ envelope, subject: subjectKey(envelope) })),
        at,
      );
      for (const [i, e] of envelopes.entries())
        entries.push({ action: 'envelope.queued', detail: { kind: e.kind, id: e.id, version: e.version, releasableTo: e.releasableTo, positions: queued[i] } });
    }
    await this.deps.audit.append(trx, at, entries);
  }
}

/** The record an envelope is about, as one key for its versions and its retraction alike. */
export function subjectKey(envelope: Pick<Envelope, 'kind' | 'id' | 'body'>): string {
  const { kind, id } = subjectOf(envelope);
  return `${kind}:${id}`;
}
