import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Nonces of accepted partner requests, kept until their requests are stale anyway. */
export class FeedNonceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** False when the nonce is already there: the request is a replay. */
  async remember(nonce: string, forgetAt: number): Promise<boolean> {
    const result = await this.db
      .insertInto('feedNonces')
      .values({ nonce, forgetAt })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async forgetUntil(nowMs: number): Promise<void> {
    await this.db.deleteFrom('feedNonces').where('forgetAt', '<=', nowMs).execute();
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('feedNonces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}

export interface RefusalCount {
  minute: string;
  reason: string;
  caller: string;
  count: number;
}

/** Refused partner requests counted per minute, reason and caller, until written to the audit log. */
export class FeedRefusalRepository {
  /** Adds one to the count; answers the count now (1: the first of its kind this minute). */
  async add(trx: Transaction<Database>, key: Omit<RefusalCount, 'count'>): Promise<number> {
    const { count } = await trx
      .insertInto('feedRefusals')
      .values({ ...key, count: 1 })
      .onConflict((oc) => oc.columns(['minute', 'reason', 'caller']).doUpdateSet((eb) => ({ count: eb(eb.ref('feedRefusals.count'), '+', 1) })))
      .returning('count')
      .executeTakeFirstOrThrow();
    return count;
  }

  /** How many callers already have a count for this minute and reason. */
  async callers(trx: Transaction<Database>, minute: string, reason: string): Promise<string[]> {
    const rows = await trx.selectFrom('feedRefusals').select('caller').where('minute', '=', minute).where('reason', '=', reason).execute();
    return rows.map((r) => r.caller);
  }

  /** Removes and answers the counts of minutes before `minute` (every count when undefined). */
  async takeBefore(trx: Transaction<Database>, minute: string | undefined): Promise<RefusalCount[]> {
    let query = trx.deleteFrom('feedRefusals');
    if (minute !== undefined) query = query.where('minute', '<', minute);
    const rows = await query.returning(['minute', 'reason', 'caller', 'count']).execute();
    return rows.sort((a, b) => a.minute.localeCompare(b.minute) || a.reason.localeCompare(b.reason) || a.caller.localeCompare(b.caller));
  }
}
