import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { WebhookRepository, type Webhook, type WebhookDelivery } from '../../src/store/webhook-repository.js';

let dir: string;
let store: Store;
let webhooks: WebhookRepository;

const NOW = '2026-11-20T10:00:00.000Z';

const webhook = (id: string, nation: string): Webhook => ({
  id,
  url: `http://127.0.0.1:9/${id}`,
  nation,
  description: null,
  enabled: true,
  createdAt: NOW,
  createdBy: null,
});

const delivery = (id: string, webhookId: string, nextTryAt: string): WebhookDelivery => ({
  id,
  webhookId,
  alertId: `alert-${id}`,
  idempotencyKey: `key-${id}`,
  payload: '{}',
  status: 'pending',
  attempts: 1,
  nextTryAt,
  lastError: 'HTTP 503',
  deliveredAt: null,
  createdAt: NOW,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-webhooks-'));
  store = await openStore(dir);
  webhooks = new WebhookRepository(store.db);
  await webhooks.insert(webhook('centre-kayes', 'ML'));
  await webhooks.insert(webhook('centre-tamba', 'SN'));
  await webhooks.enqueue(delivery('d1', 'centre-kayes', '2026-11-20T09:59:00.000Z'));
  await webhooks.enqueue(delivery('d2', 'centre-tamba', '2026-11-20T10:05:00.000Z'));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a switched-off webhook', () => {
  it('keeps its waiting deliveries out of the due list and out of the next try time, until switched on again', async () => {
    expect((await webhooks.due(NOW, 10)).map((d) => d.id)).toEqual(['d1']);
    expect(await webhooks.nextDueAt()).toBe('2026-11-20T09:59:00.000Z');

    expect(await webhooks.setEnabled('centre-kayes', 'ML', false)).toMatchObject({ id: 'centre-kayes', enabled: false });
    expect(await webhooks.due(NOW, 10)).toEqual([]);
    // Otherwise the sender would wake at once, find nothing due, and wake again.
    expect(await webhooks.nextDueAt()).toBe('2026-11-20T10:05:00.000Z');
    expect((await webhooks.deliveries('centre-kayes')).map((d) => d.status)).toEqual(['pending']);

    await webhooks.setEnabled('centre-kayes', 'ML', true);
    expect((await webhooks.due(NOW, 10)).map((d) => d.id)).toEqual(['d1']);
  });

  it('is switched only by its own nation', async () => {
    expect(await webhooks.setEnabled('centre-tamba', 'ML', false)).toBeUndefined();
    expect(await webhooks.setEnabled('nowhere', 'ML', false)).toBeUndefined();
    expect((await webhooks.list('SN')).map((w) => w.enabled)).toEqual([true]);
  });
});
