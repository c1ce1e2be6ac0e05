import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import type { Envelope } from '../federation/envelope.js';
import { writeStringArray } from './columns.js';
import type { Database } from './schema.js';

/**
 * One signal per database handle, however many repository objects were built over it, so a feed
 * waiting on the handle hears of an envelope queued through any of them.
 */
const signals = new WeakMap<object, EventEmitter>();

function signalOf(db: object): EventEmitter {
  let signal = signals.get(db);
  if (!signal) {
    signal = new EventEmitter();
    signal.setMaxListeners(0);
    signals.set(db, signal);
  }
  return signal;
}

export interface FeedPage {
  /** Envelope JSON texts, in sequence order, exactly as they were signed and stored. */
  envelopes: string[];
  /** Cursor to ask from next time: the last sequence number on the page, or `after` when empty. */
  next: number;
}

/** Envelopes this node released, in the order partners read them. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Queues signed envelopes in the caller's transaction; answers their sequence numbers. */
  async append(trx: Transaction<Database>, envelopes: readonly Envelope[], at: string): Promise<number[]> {
    const seqs: number[] = [];
    for (const envelope of envelopes) {
      const { seq } = await trx
        .insertInto('outbox')
        .values({
          origin: envelope.origin,
          kind: envelope.kind,
          recordId: envelope.id,
          version: envelope.version,
          releasedTo: writeStringArray(envelope.releasableTo),
          envelope: JSON.stringify(envelope),
          queuedAt: at,
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await trx.insertInto('outboxRelease').values(envelope.releasableTo.map((nation) => ({ nation, seq }))).execute();
      seqs.push(seq);
    }
    // Heard only once the connection is free again, i.e. after the transaction ended.
    if (envelopes.length > 0) signalOf(this.db).emit('queued');
    return seqs;
  }

  /** The envelopes released to `nation` after `after`, oldest first. */
  async page(nation: NationCode, after: number, limit: number): Promise<FeedPage> {
    const rows = await this.db
      .selectFrom('outboxRelease')
      .innerJoin('outbox', 'outbox.seq', 'outboxRelease.seq')
      .select(['outbox.seq', 'outbox.envelope'])
      .where('outboxRelease.nation', '=', nation)
      .where('outboxRelease.seq', '>', after)
      .orderBy('outboxRelease.seq')
      .limit(limit)
      .execute();
    return { envelopes: rows.map((r) => r.envelope), next: rows.at(-1)?.seq ?? after };
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Resolves when something is queued on this handle, or after `ms`, whichever comes first. */
  waitForQueued(ms: number, signal?: AbortSignal): Promise<void> {
    const emitter = signalOf(this.db);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        emitter.off('queued', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      emitter.once('queued', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
