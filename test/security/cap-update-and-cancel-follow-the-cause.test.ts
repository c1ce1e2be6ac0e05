import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { battle, waitFor } from '../early-warning/node-helpers.js';
import { capSchemaErrors } from '../support/cap-schema.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { subscribeStream, type StreamSubscription } from '../support/sse-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Finding of issue 14: refuting or changing the cause of an alert never produced a CAP `Update` or
// `Cancel` with `<references>`: the audience kept an alert that no longer said what was so. Now a
// change that changes the alert (severity, place, type, time) sends an Update naming the earlier
// messages, and a cause refuted or no longer meeting the rule sends a Cancel naming the chain —
// to every audience that had the alert, on every channel.

const N1_RULE = {
  id: 'n1',
  kind: 'incident-near',
  eventTypes: ['Battles'],
  target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
  withinKm: 20,
  public: true,
  releasableTo: ['SN'],
};

interface Message {
  id: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  cause?: { id: string };
  severity?: string;
  createdAt: string;
  references?: { identifier: string; sent: string }[];
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const textOf = (doc: ReturnType<typeof xml>, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent ?? '');

let demo: DemoNode;
let origin: string;
let hook: WebhookReceiver;
const streams: Record<string, StreamSubscription> = {};

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z'), config: { webhookAllowedHosts: '127.0.0.1' } });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
  expect((await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', body: N1_RULE })).status).toBe(201);
  hook = await startWebhookReceiver();
  expect((await demo.call('POST', '/api/v1/webhooks', { as: 'coord.sn', body: { url: `${hook.url}/sn` } })).status).toBe(201);
  streams.ML = await subscribeStream(origin, await demo.token('coord.ml'));
  streams.SN = await subscribeStream(origin, await demo.token('liaison.sn'));
});
afterAll(async () => {
  for (const s of Object.values(streams)) s.close();
  await demo?.close();
  await hook?.close();
});

const as = { ML: 'coord.ml', SN: 'liaison.sn' } as const;
const listed = async (nation: 'ML' | 'SN') => (await demo.call('GET', '/api/v1/alerts?limit=1000', { as: as[nation] })).body as Message[];
const edit = async (id: string, body: Record<string, unknown>) => {
  const answer = await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body });
  expect(answer.status).toBe(200);
  await earlyWarningOf(demo.node).settled();
};

/** The CAP document of a message, parsed back and checked against the CAP 1.2 schema. */
async function cap(nation: 'ML' | 'SN', id: string) {
  const answer = await demo.call('GET', `/api/v1/alerts/${id}/cap`, { as: as[nation] });
  expect(answer.status, `CAP of ${id}`).toBe(200);
  expect(capSchemaErrors(answer.body as string)).toEqual([]);
  const doc = xml(answer.body as string);
  const references: string[][] = String(textOf(doc, 'references')[0] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((r: string) => r.split(','));
  return { doc, msgType: textOf(doc, 'msgType')[0], references, sender: textOf(doc, 'sender')[0] };
}

describe('the CAP lifecycle of an alert whose cause changes', () => {
  it('sends each audience an Update naming the earlier messages when the alert changes, nothing when it does not, and a Cancel naming the chain when the cause is refuted', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: battle('2027-03-01T10:00:00Z', { releasableTo: ['SN'], fatalities: 0 }),
    });
    expect(created.status).toBe(201);
    const incident = created.body as { id: string };
    await earlyWarningOf(demo.node).settled();
    const first = { ML: (await listed('ML')).find((m) => m.cause?.id === incident.id)!, SN: (await listed('SN')).find((m) => m.cause?.id === incident.id)! };
    expect(first.ML.msgType).toBe('Alert');
    expect(first.SN.msgType).toBe('Alert');

    // Seven more dead: the alert is graver. An Update replaces it, for each audience.
    await edit(incident.id, { fatalities: 7 });
    const chains: Record<'ML' | 'SN', Message[]> = { ML: [first.ML], SN: [first.SN] };
    for (const nation of ['ML', 'SN'] as const) {
      const now = (await listed(nation)).filter((m) => m.cause?.id === incident.id);
      expect(now).toHaveLength(1);
      const update = now[0]!;
      expect(update.msgType).toBe('Update');
      expect(update.severity).not.toBe(first[nation].severity);
      expect(update.references).toEqual([{ identifier: first[nation].id, sent: first[nation].createdAt }]);
      chains[nation].push(update);
      const document = await cap(nation, update.id);
      expect(document.msgType).toBe('Update');
      expect(document.references).toEqual([[document.sender, first[nation].id, expect.stringMatching(/^2027-03-01T12:00:00[+-]00:00$/)]]);
      expect(textOf(document.doc, 'info')).toHaveLength(1);
      // The message it replaced is still served: the chain reads back from either end.
      expect((await cap(nation, first[nation].id)).msgType).toBe('Alert');
    }

    // A change that does not change what the alert says sends nothing.
    const before = { ML: (await listed('ML')).length, SN: (await listed('SN')).length };
    await edit(incident.id, { narrative: 'Précisions sans effet sur l’alerte' });
    expect((await listed('ML')).length).toBe(before.ML);
    expect((await listed('SN')).length).toBe(before.SN);
    expect((await listed('ML')).find((m) => m.cause?.id === incident.id)!.id).toBe(chains.ML[1]!.id);

    // Moved along the corridor: a place change, another Update naming both earlier messages.
    await edit(incident.id, { location: { lat: 14.44, lon: -12.1 } });
    for (const nation of ['ML', 'SN'] as const) {
      const update = (await listed(nation)).find((m) => m.cause?.id === incident.id)!;
      expect(update.msgType).toBe('Update');
      expect(update.references!.map((r) => r.identifier)).toEqual(chains[nation].map((m) => m.id));
      chains[nation].push(update);
    }

    // Refuted: a Cancel naming the whole chain, and the alert leaves the list.
    await edit(incident.id, { status: 'refuted' });
    for (const nation of ['ML', 'SN'] as const) {
      const messages = await listed(nation);
      expect(messages.some((m) => m.cause?.id === incident.id)).toBe(false);
      const cancel = messages.find((m) => m.msgType === 'Cancel' && m.references!.some((r) => r.identifier === chains[nation][0]!.id))!;
      expect(cancel.references!.map((r) => r.identifier)).toEqual(chains[nation].map((m) => m.id));
      const document = await cap(nation, cancel.id);
      expect(document.msgType).toBe('Cancel');
      expect(document.references.map((r) => r[1])).toEqual(chains[nation].map((m) => m.id));
      expect(document.doc.getElementsByTagName('info')).toHaveLength(0);
      chains[nation].push(cancel);

      // The Atom feed lists the whole chain, each entry linking its CAP document.
      const atom = xml((await demo.call('GET', '/api/v1/cap.atom', { as: as[nation] })).body as string);
      const entries = textOf(atom, 'id');
      for (const message of chains[nation]) expect(entries).toContain(`urn:cap:${message.id}`);
      expect(textOf(atom, 'title')).toContain('Annulation d’une alerte');
    }

    // The same messages went over the stream and, for Senegal, to its webhook, in order.
    for (const nation of ['ML', 'SN'] as const) {
      const sent = await waitFor(() => {
        const frames = streams[nation]!.frames.filter((f) => f.event.startsWith('alert') && chains[nation].some((m) => m.id === (f.data as { id: string }).id));
        return frames.length === chains[nation].length ? frames : undefined;
      }, `${nation}: the chain on the stream`);
      expect(sent.map((f) => (f.data as Message).msgType)).toEqual(['Alert', 'Update', 'Update', 'Cancel']);
      expect(sent.at(-1)!.event).toBe('alert-cancelled');
    }
    await earlyWarningOf(demo.node).deliverDue();
    const posted = await waitFor(() => {
      const posts = hook.posts.filter((p) => chains.SN.some((m) => m.id === (p.body?.alert ?? p.body?.cancel)?.id));
      return posts.length >= chains.SN.length ? posts : undefined;
    }, 'the chain at Senegal’s webhook');
    expect(posted.map((p) => (p.body.alert ?? p.body.cancel).msgType).sort()).toEqual(['Alert', 'Cancel', 'Update', 'Update']);

    // Narrowed afterwards: Senegal loses the whole chain (the Cancel, which says nothing of the cause, stays).
    await edit(incident.id, { releasableTo: [] });
    for (const message of chains.SN.slice(0, -1)) expect((await demo.call('GET', `/api/v1/alerts/${message.id}/cap`, { as: 'liaison.sn' })).status).toBe(404);
    expect((await demo.call('GET', `/api/v1/alerts/${chains.SN.at(-1)!.id}/cap`, { as: 'liaison.sn' })).status).toBe(200);
    // Mali keeps its own.
    for (const message of chains.ML) expect((await demo.call('GET', `/api/v1/alerts/${message.id}/cap`, { as: 'coord.ml' })).status).toBe(200);
  });

  it('cancels the alert when the cause no longer meets the rule: another type, or too far from the axis', async () => {
    for (const change of [{ eventType: 'Border activity', subEventType: 'Smuggling' }, { location: { lat: 15.15, lon: -12.18 } }]) {
      const incident = (await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: battle('2027-03-01T11:00:00Z', { releasableTo: ['SN'] }) }))
        .body as { id: string };
      await earlyWarningOf(demo.node).settled();
      const alert = (await listed('SN')).find((m) => m.cause?.id === incident.id)!;
      expect(alert).toBeDefined();
      await edit(incident.id, change);
      const messages = await listed('SN');
      expect(messages.some((m) => m.cause?.id === incident.id)).toBe(false);
      const cancel = messages.find((m) => m.msgType === 'Cancel' && m.references![0]!.identifier === alert.id);
      expect(cancel?.references).toEqual([{ identifier: alert.id, sent: alert.createdAt }]);
      expect((await cap('SN', cancel!.id)).msgType).toBe('Cancel');
      // Back within the rule: a new alert, a new chain.
      await edit(incident.id, { eventType: 'Battles', subEventType: 'Armed clash', location: { lat: 14.452, lon: -12.19 } });
      const again = (await listed('SN')).find((m) => m.cause?.id === incident.id)!;
      expect(again.msgType).toBe('Alert');
      expect(again.id).not.toBe(alert.id);
    }
  });

  it('leaves an alert as it is when its rule was switched off, unless the cause is refuted', async () => {
    const incident = (
      await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: battle('2027-03-01T11:30:00Z', { releasableTo: [], fatalities: 0 }) })
    ).body as { id: string };
    await earlyWarningOf(demo.node).settled();
    const alert = (await listed('ML')).find((m) => m.cause?.id === incident.id)!;
    expect((await demo.call('PATCH', '/api/v1/alert-rules/n1', { as: 'coord.ml', body: { enabled: false } })).status).toBe(200);
    await edit(incident.id, { fatalities: 12 });
    expect((await listed('ML')).find((m) => m.cause?.id === incident.id)?.id).toBe(alert.id);
    await edit(incident.id, { status: 'refuted' });
    expect((await listed('ML')).some((m) => m.cause?.id === incident.id)).toBe(false);
    expect((await listed('ML')).some((m) => m.msgType === 'Cancel' && m.references![0]!.identifier === alert.id)).toBe(true);
    expect((await demo.call('PATCH', '/api/v1/alert-rules/n1', { as: 'coord.ml', body: { enabled: true } })).status).toBe(200);
  });
});
