import type { AlertMessage } from '../domain/alert.js';
import { DiboliError } from '../domain/errors.js';
import { requireVerb } from '../domain/permissions.js';
import { isDerivedFor } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import type { Webhook, WebhookDelivery, WebhookRepository } from '../store/webhook-repository.js';
import type { NodeContext } from './node-context.js';
import type { Clock } from '../kernel/clock.js';
import { checkWebhookTarget, postWebhook } from './webhook-client.js';

/** How webhook deliveries are retried: exponential back-off, bounded attempts, bounded waits. */
export interface WebhookPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; doubles after each failure… */
  backoffMs: number;
  /** …up to this. */
  maxBackoffMs: number;
  /** A receiver that does not answer within this is a failed attempt. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { maxAttempts: 8, backoffMs: 5_000, maxBackoffMs: 15 * 60_000, timeoutMs: 10_000 };

/** A webhook as its nation's managers see it, with the state of each delivery. */
export type WebhookWithDeliveries = Webhook & { deliveries: Pick<WebhookDelivery, 'status' | 'attempts'>[] };

/** How many due deliveries are posted at once. */
const BATCH = 50;

/**
 * Webhooks of each nation and the posting of its alerts to them. A webhook gets what was raised
 * for its own nation's audience (alerts, and the Cancels of withdrawn ones), nothing else; each
 * message is queued once per webhook and posted with retries.
 */
export class WebhookDeliveries {
  private timer: NodeJS.Timeout | undefined;
  private delivering = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly node: NodeContext,
    readonly repo: WebhookRepository,
    private readonly policy: WebhookPolicy,
    /** Waits between attempts are real time even when the node's clock is held still. */
    private readonly wallClock: Clock,
  ) {}

  // ——— adding and switching webhooks ———

  async add(actor: Actor, input: { url: string; description?: string }): Promise<Webhook> {
    requireVerb(actor, 'webhook.manage');
    const url = httpAddress(input.url);
    await checkWebhookTarget(url, this.node.config.webhookAllowedHosts);
    const webhook: Webhook = {
      id: this.node.ids.newId(),
      url: url.toString(),
      nation: actor.nation,
      description: input.description?.trim() || null,
      enabled: true,
      createdAt: this.node.clock.now().toISOString(),
      createdBy: actor.userId,
    };
    await this.repo.insert(webhook);
    return webhook;
  }

  async list(actor: Actor): Promise<WebhookWithDeliveries[]> {
    requireVerb(actor, 'webhook.manage');
    const hooks = await this.repo.list(actor.nation);
    return Promise.all(hooks.map((hook) => this.withDeliveries(hook)));
  }

  /**
   * Switched off, a webhook receives nothing: alerts raised meanwhile are not queued for it, and
   * the deliveries already waiting wait until it is switched on again.
   */
  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookWithDeliveries> {
    requireVerb(actor, 'webhook.manage');
    const updated = await this.repo.setEnabled(id, actor.nation, enabled);
    if (!updated) throw new DiboliError('ERR_NOT_FOUND', { kind: 'webhook', id });
    if (enabled) this.schedule(0);
    return this.withDeliveries(updated);
  }

  private async withDeliveries(hook: Webhook): Promise<WebhookWithDeliveries> {
    return { ...hook, deliveries: (await this.repo.deliveries(hook.id)).map(({ status, attempts }) => ({ status, attempts })) };
  }

  // ——— delivering ———

  /** Queues a message for every webhook of its audience that is switched on, and posts soon. */
  async enqueue(message: AlertMessage): Promise<void> {
    const now = this.wallClock.now().toISOString();
    let queued = false;
    for (const hook of await this.repo.list(message.audience)) {
      if (!hook.enabled || !isDerivedFor(message, hook.nation)) continue;
      queued =
        (await this.repo.enqueue({
          id: this.node.ids.newId(`delivery:${hook.nation}`),
          webhookId: hook.id,
          alertId: message.id,
          // One message, one key, the same on every retry.
          idempotencyKey: message.id,
          payload: JSON.stringify(message.msgType === 'Cancel' ? { type: 'alert-cancelled', cancel: message } : { type: 'alert', alert: message }),
          status: 'pending',
          attempts: 0,
          nextTryAt: now,
          lastError: null,
          deliveredAt: null,
          createdAt: now,
        })) || queued;
    }
    if (queued) this.schedule(0);
  }

  start(): void {
    this.schedule(0);
  }

  /** Stops scheduling; waits for the posts under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.delivering) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.deliverDue(), Math.max(0, delayMs));
    this.timer.unref();
  }

  /** Posts every due delivery; a failure waits `backoff × 2^(attempt−1)`, at most `maxAttempts` tries. */
  async deliverDue(): Promise<void> {
    if (this.delivering) {
      this.again = true;
      return;
    }
    this.delivering = true;
    try {
      do {
        this.again = false;
        const due = await this.repo.due(this.wallClock.now().toISOString(), BATCH);
        await Promise.all(due.map((d) => this.attempt(d)));
        if (due.length === BATCH) this.again = true;
      } while (this.again && !this.stopped);
    } finally {
      this.delivering = false;
    }
    const next = await this.repo.nextDueAt().catch(() => undefined);
    if (next && !this.stopped) this.schedule(Date.parse(next) - this.wallClock.now().getTime());
  }

  private async attempt(delivery: WebhookDelivery & { url: string }): Promise<void> {
    const attempts = delivery.attempts + 1;
    let error: string | null = null;
    try {
      const response = await postWebhook(
        delivery.url,
        {
          headers: {
            'content-type': 'application/json',
            'idempotency-key': delivery.idempotencyKey,
            'x-diboli-delivery': delivery.id,
            'x-diboli-attempt': String(attempts),
          },
          body: delivery.payload,
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        },
        this.node.config.webhookAllowedHosts,
      );
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = (caught as Error).name === 'TimeoutError' ? 'timeout' : (caught as Error).message;
    }
    const now = this.wallClock.now();
    if (error === null) {
      await this.repo.update(delivery.id, { status: 'delivered', attempts, deliveredAt: now.toISOString(), lastError: null });
    } else if (attempts >= this.policy.maxAttempts) {
      await this.repo.update(delivery.id, { status: 'failed', attempts, lastError: error });
    } else {
      const wait = Math.min(this.policy.maxBackoffMs, this.policy.backoffMs * 2 ** (attempts - 1));
      await this.repo.update(delivery.id, { attempts, lastError: error, nextTryAt: new Date(now.getTime() + wait).toISOString() });
    }
  }
}

/** An http(s) address, or the 400 naming the field. */
function httpAddress(text: string): URL {
  const refused = () =>
    new DiboliError('ERR_EARLY_WARNING_INPUT', { field: 'url', fr: 'adresse http(s) attendue.', en: 'an http(s) address is expected.' }, 'url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused();
  return url;
}
