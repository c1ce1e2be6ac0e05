import type { KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import { signEnvelope } from '../federation/envelope-signature.js';
import { parsePrivateKey } from '../federation/node-keys.js';
import { releasePlan } from '../federation/release-plan.js';
import type { Clock } from '../services/runtime.js';
import { AuditRepository, type AuditEntry } from './audit-repository.js';
import { OutboxRepository } from './outbox-repository.js';
import type { RecordWriteHook } from './record-write.js';
import type { Database } from './schema.js';

interface Signer {
  nation: NationCode;
  privateKey: KeyObject | undefined;
}

/**
 * The write hook of the shared-record repositories: audits every local write and queues a signed
 * envelope (and retractions) for each version this node releases, in the write's transaction.
 */
export class ReleaseRecorder {
  private signer: Signer | undefined;
  private readonly outbox: OutboxRepository;
  private readonly audit: AuditRepository;

  constructor(db: Kysely<Database>, private readonly clock: Clock) {
    this.outbox = new OutboxRepository(db);
    this.audit = new AuditRepository(db);
  }

  readonly hook: RecordWriteHook = async (trx, write) => {
    const at = this.clock.now().toISOString();
    const { record } = write;
    const signer = await this.signerIn(trx);
    const entries: AuditEntry[] = [{ action: write.deleted ? 'record.delete' : 'record.write', detail: { kind: record.kind, id: record.id, version: record.version, owner: record.owner, releasableTo: record.releasableTo } }];
    const planned = signer ? releasePlan(signer.nation, record, write.previous, at, write.deleted) : [];
    if (planned.length > 0) {
      // A release that cannot be signed must not be acknowledged as written.
      if (!signer?.privateKey) throw new Error('this node has no key pair: run `diboli init` again to create it');
      const envelopes = planned.map((e) => signEnvelope(e, signer.privateKey!));
      const seqs = await this.outbox.append(trx, envelopes, at);
      envelopes.forEach((e, i) => entries.push({ action: 'envelope.queued', detail: { seq: seqs[i], kind: e.kind, id: e.id, version: e.version, releasableTo: e.releasableTo } }));
    }
    await this.audit.append(trx, at, entries);
  };

  private async signerIn(trx: Transaction<Database>): Promise<Signer | undefined> {
    if (this.signer?.privateKey) return this.signer;
    const rows = await trx.selectFrom('nodeMeta').selectAll().where('key', 'in', ['nation', 'privateKey']).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const nation = meta.get('nation');
    if (!nation) return undefined;
    const privateText = meta.get('privateKey');
    this.signer = { nation, privateKey: privateText ? parsePrivateKey(privateText) : undefined };
    return this.signer;
  }
}

