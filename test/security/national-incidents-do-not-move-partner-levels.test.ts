import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { battle, NEAR_DIBOLI, waitFor } from '../early-warning/node-helpers.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { subscribeStream, type StreamSubscription } from '../support/sse-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Finding: five Mali-only incidents near one section moved it from low to critical for Senegal's
// users, on every channel, and each added exactly 14.237 to the score Senegal read. Levels are now
// computed per audience: Senegal's come from what was released to Senegal, and nothing else.

// Three months after the demo's last incident: every section has decayed to low.
const clock = fixedClock('2027-03-01T12:00:00.000Z');
let demo: DemoNode;
let origin: string;
let section: string;
let senegalHook: WebhookReceiver;
let maliHook: WebhookReceiver;
let senegalStream: StreamSubscription;
let maliStream: StreamSubscription;

/** Everything Senegal's liaison officer reads that is derived from incidents. */
async function senegalView(): Promise<Record<string, unknown>> {
  const read = async (url: string) => {
    const answer = await demo.call('GET', url, { as: 'liaison.sn' });
    expect(answer.status, url).toBe(200);
    return answer.body;
  };
  return {
    levels: await read('/api/v1/sections/levels'),
    sections: await read('/api/v1/sections'),
    history: await read(`/api/v1/sections/${section}/history`),
    alerts: await read('/api/v1/alerts'),
    atom: await read('/api/v1/cap.atom'),
    coverage: await read('/api/v1/coverage'),
    sitrep: await read('/api/v1/sitrep?from=2027-02-01&to=2027-03-01&format=md&lang=fr'),
  };
}

beforeAll(async () => {
  demo = await startDemoNode({ clock, config: { webhookAllowedHosts: '127.0.0.1' } });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
  section = demo.node.sectionAt(NEAR_DIBOLI)!;
  // A public level-rising rule released to Senegal (the mechanism's default for incidents).
  const rule = await demo.call('POST', '/api/v1/alert-rules', {
    as: 'coord.ml',
    body: { id: 'rising', kind: 'level-rising', minLevel: 'medium', public: true, releasableTo: ['SN'] },
  });
  expect(rule.status).toBe(201);
  senegalHook = await startWebhookReceiver();
  maliHook = await startWebhookReceiver();
  expect((await demo.call('POST', '/api/v1/webhooks', { as: 'coord.sn', body: { url: `${senegalHook.url}/sn` } })).status).toBe(201);
  expect((await demo.call('POST', '/api/v1/webhooks', { as: 'coord.ml', body: { url: `${maliHook.url}/ml` } })).status).toBe(201);
  senegalStream = await subscribeStream(origin, await demo.token('liaison.sn'));
  maliStream = await subscribeStream(origin, await demo.token('coord.ml'));
});

afterAll(async () => {
  senegalStream?.close();
  maliStream?.close();
  await demo.close();
  await senegalHook?.close();
  await maliHook?.close();
});

describe('incidents a partner may not see do not move the levels it reads', () => {
  it('leaves every level, score, history, alert, frame, webhook post and report of Senegal as it was', async () => {
    const before = await senegalView();
    const framesBefore = senegalStream.frames.length;

    for (let i = 0; i < 5; i += 1) {
      const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: battle(`2027-03-01T0${i + 1}:00:00Z`, { releasableTo: [] }) });
      expect(created.status).toBe(201);
    }

    // Mali, which owns them, sees its section critical and is told so on every channel.
    const mali = await demo.call('GET', '/api/v1/sections/levels', { as: 'coord.ml' });
    expect((mali.body as { section: string; level: string }[]).find((l) => l.section === section)?.level).toBe('critical');
    await waitFor(() => maliStream.frames.find((f) => f.event === 'level' && (f.data as { to: string }).to === 'critical'), 'Mali’s level frame');
    await waitFor(
      () => (maliHook.posts.some((p) => p.body?.alert?.ruleKind === 'level-rising' && p.body.alert.severity === 'critical') ? true : undefined),
      'Mali’s webhook post',
    );

    // Senegal reads exactly what it read before, on every route, to the last digit of the score.
    expect(await senegalView()).toEqual(before);
    // Its stream and its webhook were told nothing (Mali's were, in the same passes).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(senegalStream.frames.slice(framesBefore)).toEqual([]);
    expect(senegalHook.posts).toEqual([]);
  });
});
