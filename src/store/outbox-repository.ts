import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
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
  /** Envelope JSON texts, in feed order, exactly as they were signed and stored. */
  envelopes: string[];
  /** Cursor to ask from next time: the last position on the page, or `after` when empty. */
  next: number;
}

/**
 * What the outbox reads of a signed envelope to file it in each nation's feed; the envelope itself
 * (federation/envelope.ts) is stored whole, exactly as it was signed.
 */
export interface OutboxEnvelope {
  origin: NationCode;
  kind: string;
  id: string;
  version: number;
  releasableTo: readonly NationCode[];
}

/** A signed envelope to queue, and the record it is about (`kind:id`), the same for a version and its retraction. */
export interface QueuedEnvelope {
  envelope: OutboxEnvelope;
  subject: string;
}

/**
 * Envelopes this node released, and each partner nation's feed of them. A nation's feed holds at
 * most one envelope per record, the newest queued for it, at a position of that nation's own
 * sequence: an earlier version is no longer served once a later one (or its retraction) is
 * queued, and how far a nation's cursor moves depends only on what was queued for that nation.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Queues signed envelopes in the caller's transaction; answers, per envelope, the position it took in each nation's feed. */
  async append(trx: Transaction<Database>, queued: readonly QueuedEnvelope[], at: string): Promise<Record<NationCode, number>[]> {
    const positions: Record<NationCode, number>[] = [];
    const superseded = new Set<number>();
    for (const { envelope, subject } of queued) {
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
      const taken: Record<NationCode, number> = {};
      for (const nation of envelope.releasableTo) {
        const earlier = await trx
          .deleteFrom('feedEntries')
          .where('nation', '=', nation)
          .where('subject', '=', subject)
          .returning('outboxSeq')
          .executeTakeFirst();
        if (earlier) superseded.add(earlier.outboxSeq);
        const { position } = await trx
          .insertInto('feedHeads')
          .values({ nation, position: 1 })
          .onConflict((oc) => oc.column('nation').doUpdateSet((eb) => ({ position: eb(eb.ref('feedHeads.position'), '+', 1) })))
          .returning('position')
          .executeTakeFirstOrThrow();
        await trx.insertInto('feedEntries').values({ nation, position, subject, outboxSeq: seq }).execute();
        taken[nation] = position;
      }
      positions.push(taken);
    }
    // An envelope no nation's feed holds any more is never served again: it goes.
    for (const seq of superseded) {
      const held = await trx.selectFrom('feedEntries').select('position').where('outboxSeq', '=', seq).limit(1).executeTakeFirst();
      if (!held) await trx.deleteFrom('outbox').where('seq', '=', seq).execute();
    }
    // Heard only once the connection is free again, i.e. after the transaction ended.
    if (queued.length > 0) signalOf(this.db).emit('queued');
    return positions;
  }

  /** The envelopes in `nation`'s feed after position `after`, in feed order. */
  async page(nation: NationCode, after: number, limit: number): Promise<FeedPage> {
    const rows = await this.db
      .selectFrom('feedEntries')
      .innerJoin('outbox', 'outbox.seq', 'feedEntries.outboxSeq')
      .select(['feedEntries.position', 'outbox.envelope'])
      .where('feedEntries.nation', '=', nation)
      .where('feedEntries.position', '>', after)
      .orderBy('feedEntries.position')
      .limit(limit)
      .execute();
    return { envelopes: rows.map((r) => r.envelope), next: rows.at(-1)?.position ?? after };
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
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
