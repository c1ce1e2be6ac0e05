import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Peer } from '../domain/peer.js';
import type { Database } from './schema.js';

export type { Peer };

/** Partner nodes: who may read our feed (by key) and whose feed we pull (by url). */
export class PeerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Registers a peer, or changes its url and key; a changed key restarts its cursor. */
  async save(peer: { nation: NationCode; url: string; publicKey: string }, at: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('peers').select(['publicKey']).where('nation', '=', peer.nation).executeTakeFirst();
      if (!existing) {
        await trx
          .insertInto('peers')
          .values({ ...peer, addedAt: at })
          .execute();
        return;
      }
      const cursorReset = existing.publicKey === peer.publicKey ? {} : { cursor: 0 };
      await trx
        .updateTable('peers')
        .set({ url: peer.url, publicKey: peer.publicKey, ...cursorReset })
        .where('nation', '=', peer.nation)
        .execute();
    });
  }

  async list(): Promise<Peer[]> {
    return this.db.selectFrom('peers').selectAll().orderBy('nation').execute();
  }

  async byNation(nation: NationCode): Promise<Peer | undefined> {
    return this.db.selectFrom('peers').selectAll().where('nation', '=', nation).executeTakeFirst();
  }

  async byKey(publicKey: string): Promise<Peer | undefined> {
    return this.db.selectFrom('peers').selectAll().where('publicKey', '=', publicKey).executeTakeFirst();
  }

  async cursorOf(trx: Kysely<Database> | Transaction<Database>, nation: NationCode): Promise<number | undefined> {
    const row = await trx.selectFrom('peers').select('cursor').where('nation', '=', nation).executeTakeFirst();
    return row?.cursor;
  }

  /** Moves the cursor; called inside the transaction that applied the page. */
  async advance(trx: Transaction<Database>, nation: NationCode, cursor: number, at: string): Promise<void> {
    await trx.updateTable('peers').set({ cursor, lastSuccessAt: at, lastError: null }).where('nation', '=', nation).execute();
  }

  async markFailure(nation: NationCode, message: string, at: string): Promise<void> {
    await this.db
      .updateTable('peers')
      .set({ lastErrorAt: at, lastError: message.slice(0, 500) })
      .where('nation', '=', nation)
      .execute();
  }
}
