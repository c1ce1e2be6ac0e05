import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/user.js';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { battle, waitFor } from '../early-warning/node-helpers.js';
import { createIncident, initNodeFolder, linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { subscribeStream, type StreamSubscription } from '../support/sse-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Finding: an alert raised while an incident was released stayed readable by the partner (list,
// CAP, Atom) after the incident was narrowed to national. Now the nation that lost the incident
// loses the alert too, and is sent a CAP Cancel naming the earlier message, on every channel.

const N1_RULE = {
  id: 'n1',
  kind: 'incident-near',
  eventTypes: ['Battles'],
  target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
  withinKm: 20,
  public: true,
  releasableTo: ['SN'],
};

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const textOf = (doc: ReturnType<typeof xml>, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent ?? '');

describe('narrowing an incident withdraws the alerts derived from it', () => {
  let demo: DemoNode;
  let origin: string;
  let hook: WebhookReceiver;
  let stream: StreamSubscription;

  beforeAll(async () => {
    demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z'), config: { webhookAllowedHosts: '127.0.0.1' } });
    origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
    expect((await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', body: N1_RULE })).status).toBe(201);
    hook = await startWebhookReceiver();
    expect((await demo.call('POST', '/api/v1/webhooks', { as: 'coord.sn', body: { url: `${hook.url}/sn` } })).status).toBe(201);
    stream = await subscribeStream(origin, await demo.token('liaison.sn'));
  });
  afterAll(async () => {
    stream?.close();
    await demo.close();
    await hook?.close();
  });

  it('takes the alert from Senegal’s list, CAP and Atom, and sends Senegal a CAP Cancel on each channel', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: battle('2027-03-01T10:00:00Z', { releasableTo: ['SN'], narrative: 'Accrochage au pont de la Falémé' }),
    });
    expect(created.status).toBe(201);
    const incident = created.body as { id: string };
    const listed = (await demo.call('GET', '/api/v1/alerts', { as: 'liaison.sn' })).body as { id: string; cause: { id: string }; createdAt: string }[];
    const alert = listed.find((a) => a.cause?.id === incident.id)!;
    expect(alert).toBeDefined();
    expect((await demo.call('GET', `/api/v1/alerts/${alert.id}/cap`, { as: 'liaison.sn' })).status).toBe(200);
    expect((await demo.call('GET', '/api/v1/cap.atom', { as: 'liaison.sn' })).body).toContain(alert.id);
    await waitFor(() => hook.posts.find((p) => p.body?.alert?.id === alert.id), 'the webhook post of the alert');

    const narrowed = await demo.call('PATCH', `/api/v1/incidents/${incident.id}`, { as: 'coord.ml', body: { releasableTo: [], narrative: 'Détail national' } });
    expect(narrowed.status).toBe(200);

    // Senegal no longer reads the alert anywhere.
    const after = (await demo.call('GET', '/api/v1/alerts', { as: 'liaison.sn' })).body as { id: string; msgType?: string; references?: unknown }[];
    expect(after.some((a) => a.id === alert.id)).toBe(false);
    expect((await demo.call('GET', `/api/v1/alerts/${alert.id}/cap`, { as: 'liaison.sn' })).status).toBe(404);
    const atom = xml((await demo.call('GET', '/api/v1/cap.atom', { as: 'liaison.sn' })).body as string);
    const entries = () => textOf(atom, 'id').filter((id) => id.startsWith('urn:cap:'));
    expect(entries()).not.toContain(`urn:cap:${alert.id}`);

    // In its place, a Cancel that names the earlier message and says nothing else about the cause.
    const cancel = after.find((a) => a.msgType === 'Cancel') as { id: string; references: { identifier: string; sent: string }[] } | undefined;
    expect(cancel).toBeDefined();
    expect(cancel!.references.map((r) => r.identifier)).toEqual([alert.id]);
    const serialised = JSON.stringify(cancel);
    for (const secret of [incident.id, 'Falémé', 'Détail national', 'Battles']) expect(serialised).not.toContain(secret);

    const document = await demo.call('GET', `/api/v1/alerts/${cancel!.id}/cap`, { as: 'liaison.sn' });
    expect(document.status).toBe(200);
    const cap = xml(document.body as string);
    expect(textOf(cap, 'msgType')).toEqual(['Cancel']);
    expect(textOf(cap, 'identifier')).toEqual([cancel!.id]);
    const [sender] = textOf(cap, 'sender');
    const [reference] = textOf(cap, 'references');
    expect(reference!.split(',')).toEqual([sender, alert.id, expect.stringMatching(/^2027-03-01T12:00:00[+-]00:00$/)]);
    expect(cap.getElementsByTagName('info')).toHaveLength(0);
    expect(document.body).not.toContain(incident.id);
    expect(entries()).toContain(`urn:cap:${cancel!.id}`);

    await waitFor(() => stream.frames.find((f) => f.event === 'alert-cancelled' && (f.data as { id: string }).id === cancel!.id), 'the Cancel frame');
    const post = await waitFor(() => hook.posts.find((p) => p.body?.type === 'alert-cancelled'), 'the webhook post of the Cancel');
    expect(post.body.cancel.references.map((r: { identifier: string }) => r.identifier)).toEqual([alert.id]);
    expect(JSON.stringify(post.body)).not.toContain(incident.id);

    // Mali, which still sees its incident, keeps its own alert.
    const mali = (await demo.call('GET', '/api/v1/alerts', { as: 'coord.ml' })).body as { cause?: { id: string }; msgType?: string }[];
    expect(mali.some((a) => a.cause?.id === incident.id)).toBe(true);
    expect(mali.some((a) => a.msgType === 'Cancel')).toBe(false);
  });
});

describe('a partner’s retraction withdraws the alerts derived from its incident', () => {
  let mali: TestNode;
  let senegal: TestNode;
  const folders: string[] = [];

  beforeAll(async () => {
    folders.push(await initNodeFolder('ML'), await initNodeFolder('SN'));
    mali = await startNode('ML', folders[0]);
    senegal = await startNode('SN', folders[1]);
    await linkAll([mali, senegal]);
  });
  afterAll(async () => {
    await mali?.close();
    await senegal?.close();
    folders.forEach(removeFolder);
  });

  it('cancels Mali’s alert when Senegal narrows its incident and Mali’s node applies the retraction', async () => {
    const coordinator: Actor = mali.coordinator;
    const earlyWarning = earlyWarningOf(mali.node);
    // These nodes have no axes: the rule watches the section the incident falls in.
    const section = mali.node.sectionAt({ lat: 14.46, lon: -12.2 })!;
    await earlyWarning.addRule(coordinator, {
      id: 'near',
      kind: 'incident-near',
      eventTypes: ['Battles'],
      target: { kind: 'section', id: section },
      withinKm: 30,
    });
    const incident = await createIncident(senegal, ['ML']);
    await mali.puller.syncAll();
    await earlyWarning.settled();
    const raised = (await earlyWarning.listAlerts(coordinator, {})).find((a) => 'cause' in a && a.cause.id === incident.id);
    expect(raised).toBeDefined();

    await senegal.incidents.update(senegal.coordinator, incident.id, { releasableTo: [] });
    await mali.puller.syncAll();
    await earlyWarning.settled();
    const after = await earlyWarning.listAlerts(coordinator, {});
    expect(after.some((a) => a.id === raised!.id)).toBe(false);
    const cancel = after.find((a) => (a as { msgType?: string }).msgType === 'Cancel') as { references: { identifier: string }[] } | undefined;
    expect(cancel?.references.map((r) => r.identifier)).toEqual([raised!.id]);
  });
});
