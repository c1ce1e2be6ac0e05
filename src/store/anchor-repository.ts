import { sql, type Kysely, type Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Database } from './schema.js';
import { DAY_MS } from '../kernel/durations.js';

export interface HeldAnchor {
  anchor: string;
  receivedAt: string;
}

/** Prune a peer's anchors once every this many kept. */
const PRUNE_EVERY = 50;

/**
 * Anchors of partners' audit chains, as their signed feed answers carried them. All of the last
 * day are kept, then the first of each hour, and past thirty days the first of each day: a chain
 * rewritten later is caught by any anchor taken after the entry that was changed.
 */
export class AnchorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keeps one anchor, in the transaction that applied the page it came with. */
  async keep(trx: Transaction<Database>, nation: NationCode, anchor: string, at: string): Promise<void> {
    const { id } = await trx.insertInto('peerAnchors').values({ nation, anchor, receivedAt: at }).returning('id').executeTakeFirstOrThrow();
    if (id % PRUNE_EVERY !== 0) return;
    const now = Date.parse(at);
    const dayAgo = new Date(now - DAY_MS).toISOString();
    const monthAgo = new Date(now - 30 * DAY_MS).toISOString();
    await sql`DELETE FROM peer_anchors WHERE nation = ${nation} AND received_at < ${dayAgo} AND id NOT IN (
      SELECT MIN(id) FROM peer_anchors WHERE nation = ${nation} AND received_at < ${dayAgo}
      GROUP BY substr(received_at, 1, CASE WHEN received_at < ${monthAgo} THEN 10 ELSE 13 END))`.execute(trx);
  }

  /** The anchors held of `nation`'s node, oldest first. */
  async heldOf(nation: NationCode): Promise<HeldAnchor[]> {
    return this.db.selectFrom('peerAnchors').select(['anchor', 'receivedAt']).where('nation', '=', nation).orderBy('id').execute();
  }
}
