import type { Kysely } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Database } from './schema.js';

export interface Webhook {
  id: string;
  url: string;
  nation: NationCode;
  description: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  alertId: string;
  idempotencyKey: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextTryAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** Webhooks and their delivery queue: a delivery is one row per (webhook, idempotency key). */
export class WebhookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(webhook: Webhook): Promise<void> {
    await this.db
      .insertInto('webhooks')
      .values({ ...webhook, enabled: webhook.enabled ? 1 : 0 })
      .execute();
  }

  async list(nation?: NationCode): Promise<Webhook[]> {
    let q = this.db.selectFrom('webhooks').selectAll();
    if (nation) q = q.where('nation', '=', nation);
    const rows = await q.orderBy('createdAt').execute();
    return rows.map((r) => ({ ...r, enabled: r.enabled === 1 }));
  }

  /** Switches a webhook of `nation` on or off; undefined when that nation has no such webhook. */
  async setEnabled(id: string, nation: NationCode, enabled: boolean): Promise<Webhook | undefined> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ enabled: enabled ? 1 : 0 })
      .where('id', '=', id)
      .where('nation', '=', nation)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return (await this.list(nation)).find((webhook) => webhook.id === id);
  }

  /** Queues a delivery; the unique (webhook, key) pair makes a second enqueue of the same alert a no-op. */
  async enqueue(delivery: WebhookDelivery): Promise<boolean> {
    const result = await this.db
      .insertInto('webhookDeliveries')
      .values(delivery)
      .onConflict((oc) => oc.columns(['webhookId', 'idempotencyKey']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async due(now: string, limit: number): Promise<(WebhookDelivery & { url: string })[]> {
    const rows = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhookId')
      .selectAll('d')
      .select('w.url')
      .where('d.status', '=', 'pending')
      .where('w.enabled', '=', 1)
      .where('d.nextTryAt', '<=', now)
      .orderBy('d.nextTryAt')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, status: r.status as WebhookDelivery['status'] }));
  }

  /** The next try of a delivery to a webhook that is on; those of a switched-off one wait for it. */
  async nextDueAt(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhookId')
      .select((eb) => eb.fn.min('d.nextTryAt').as('at'))
      .where('d.status', '=', 'pending')
      .where('w.enabled', '=', 1)
      .executeTakeFirst();
    return (row?.at as string | null | undefined) ?? undefined;
  }

  async update(id: string, change: Partial<Pick<WebhookDelivery, 'status' | 'attempts' | 'nextTryAt' | 'lastError' | 'deliveredAt'>>): Promise<void> {
    await this.db.updateTable('webhookDeliveries').set(change).where('id', '=', id).execute();
  }

  async deliveries(webhookId?: string): Promise<WebhookDelivery[]> {
    let q = this.db.selectFrom('webhookDeliveries').selectAll();
    if (webhookId) q = q.where('webhookId', '=', webhookId);
    const rows = await q.orderBy('createdAt').execute();
    return rows.map((r) => ({ ...r, status: r.status as WebhookDelivery['status'] }));
  }
}
