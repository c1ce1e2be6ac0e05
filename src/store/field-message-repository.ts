import { sql, type Kysely } from 'kysely';
import type { FieldMessageTable } from './field-message-schema.js';
import type { Database } from './schema.js';

export type StoredFieldMessage = FieldMessageTable;

/** Phones bound to users, SMS gateways, the messages received from known senders, and refusals counted. */
export class FieldMessageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Binds `phone` to the user, replacing the user's previous number. False when another user holds it. */
  async bindPhone(userId: string, phone: string, at: string): Promise<boolean> {
    const holder = await this.db.selectFrom('userPhones').select('userId').where('phone', '=', phone).executeTakeFirst();
    if (holder && holder.userId !== userId) return false;
    await this.db
      .insertInto('userPhones')
      .values({ userId, phone, boundAt: at })
      .onConflict((c) => c.column('userId').doUpdateSet({ phone, boundAt: at }))
      .execute();
    return true;
  }

  async unbindPhone(userId: string): Promise<void> {
    await this.db.deleteFrom('userPhones').where('userId', '=', userId).execute();
  }

  async userIdByPhone(phone: string): Promise<string | undefined> {
    return (await this.db.selectFrom('userPhones').select('userId').where('phone', '=', phone).executeTakeFirst())?.userId;
  }

  async phoneOf(userId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('userPhones').select('phone').where('userId', '=', userId).executeTakeFirst())?.phone;
  }

  async phones(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('userPhones').select(['userId', 'phone']).execute();
    return new Map(rows.map((r) => [r.userId, r.phone]));
  }

  /** False when a gateway of that name exists. */
  async addGateway(gateway: { id: string; name: string; tokenHash: string; createdAt: string }): Promise<boolean> {
    const result = await this.db
      .insertInto('smsGateways')
      .values(gateway)
      .onConflict((c) => c.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async gatewayByTokenHash(tokenHash: string): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('smsGateways').select(['id', 'name']).where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  /**
   * The message already received as this one: the same sender with the same gateway message id,
   * or the same sender and text recorded since `since`.
   */
  async earlier(message: { gatewayId: string | null; gatewayMessageId: string | null; senderUserId: string; textDigest: string; since: string }) {
    if (message.gatewayId !== null && message.gatewayMessageId !== null) {
      const same = await this.db
        .selectFrom('fieldMessages')
        .selectAll()
        .where('gatewayId', '=', message.gatewayId)
        .where('senderUserId', '=', message.senderUserId)
        .where('gatewayMessageId', '=', message.gatewayMessageId)
        .executeTakeFirst();
      if (same) return same;
    }
    return this.db
      .selectFrom('fieldMessages')
      .selectAll()
      .where('senderUserId', '=', message.senderUserId)
      .where('textDigest', '=', message.textDigest)
      .where('recordedAt', '>=', message.since)
      .orderBy('recordedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insert(message: StoredFieldMessage): Promise<void> {
    await this.db.insertInto('fieldMessages').values(message).execute();
  }

  /** One more message from a number bound to no user, counted per gateway and day; the number is not kept. */
  async countRefusal(gatewayId: string, day: string): Promise<void> {
    await this.db
      .insertInto('smsRefusals')
      .values({ gatewayId, day, count: 1 })
      .onConflict((c) => c.columns(['gatewayId', 'day']).doUpdateSet({ count: sql`count + 1` }))
      .execute();
  }

  async refusals(gatewayId: string): Promise<number> {
    const row = await this.db
      .selectFrom('smsRefusals')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), eb.lit(0)).as('n'))
      .where('gatewayId', '=', gatewayId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
