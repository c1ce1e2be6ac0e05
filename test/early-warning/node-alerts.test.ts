import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, battle, demoNode, waitFor, type TestNode } from './node-helpers.js';

let t: TestNode;
let coord: string;
let liaisonSn: string;

const N1_RULE = {
  id: 'n1-battles',
  kind: 'incident-near',
  eventTypes: ['Battles', 'Violence against civilians'],
  target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
  withinKm: 20,
  public: true,
};

const recent = () => new Date(Date.now() - 3_600_000).toISOString();

beforeAll(async () => {
  // Real time: webhook retries wait on the wall clock.
  t = await demoNode({ app: { earlyWarning: { webhooks: { backoffMs: 30, maxBackoffMs: 120, maxAttempts: 5, timeoutMs: 1000 } } } });
  coord = await t.login('coord.ml');
  liaisonSn = await t.login('liaison.sn');
});
afterAll(() => t.close());

async function alerts(token: string): Promise<{ id: string; cause: { id: string }; public: boolean; releasableTo: string[] }[]> {
  const answer = await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth(token) });
  expect(answer.statusCode).toBe(200);
  return answer.json();
}

describe('alert rules', () => {
  it('refuses malformed rules with a field-named 4xx', async () => {
    const noTypes = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(coord), payload: { ...N1_RULE, eventTypes: [] } });
    expect(noTypes.statusCode).toBe(400);
    expect(noTypes.json()).toMatchObject({ field: 'eventTypes' });
    const badDistance = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(coord), payload: { ...N1_RULE, withinKm: -1 } });
    expect(badDistance.statusCode).toBe(400);
    const unknownAxis = await t.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: auth(coord),
      payload: { ...N1_RULE, target: { kind: 'axis', id: 'nowhere' } },
    });
    expect(unknownAxis.statusCode).toBe(404);
    const byLiaison = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(liaisonSn), payload: N1_RULE });
    expect(byLiaison.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules', headers: auth(coord) })).json()).toEqual([]);
  });

  it('fires once and only once per incident, however often it is edited', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(coord), payload: N1_RULE });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(coord), payload: N1_RULE });
    expect(again.statusCode).toBe(409);

    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle(recent()) })).json() as {
      id: string;
    };
    for (const fatalities of [8, 9, 10]) {
      const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, headers: auth(coord), payload: { fatalities } });
      expect(edited.statusCode).toBe(200);
    }
    const mine = (await alerts(coord)).filter((a) => a.cause.id === incident.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.releasableTo).toEqual([]);
    // The incident is released to Senegal, so the rule raised Senegal's own alert for it too, once.
    const theirs = (await alerts(liaisonSn)).filter((a) => a.cause.id === incident.id);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.releasableTo).toEqual(['SN']);

    // An incident far from the axis raises nothing.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: auth(coord),
      payload: battle(recent(), { location: { lat: 15.15, lon: -12.18 } }),
    });
    expect((await alerts(coord)).length).toBe(1);
  });

  it('keeps a national incident’s alert from a partner', async () => {
    const incident = (
      await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle(recent(), { releasableTo: [] }) })
    ).json() as { id: string };
    const mine = (await alerts(coord)).find((a) => a.cause.id === incident.id);
    expect(mine).toBeDefined();
    expect(mine!.releasableTo).toEqual([]);
    expect((await alerts(liaisonSn)).some((a) => a.cause.id === incident.id)).toBe(false);
    const asPartner = await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${mine!.id}/cap`, headers: auth(liaisonSn) });
    expect(asPartner.statusCode).toBe(404);
  });

  it('records acknowledgements once per user', async () => {
    const [alert] = await alerts(coord);
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert!.id}/ack`, headers: auth(coord) });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${alert!.id}/ack`, headers: auth(coord) });
    expect((second.json() as { acknowledgements: unknown[] }).acknowledgements).toHaveLength(1);
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?unacknowledged=true', headers: auth(coord) });
    expect((open.json() as { id: string }[]).map((a) => a.id)).not.toContain(alert!.id);
  });
});

describe('CAP 1.2', () => {
  it('serves a public alert as a CAP document that parses back field by field', async () => {
    const [alert] = await alerts(coord);
    const answer = await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert!.id}/cap`, headers: auth(coord) });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('application/cap+xml');
    const doc = new DOMParser().parseFromString(answer.body, 'text/xml');
    const text = (name: string) => doc.getElementsByTagName(name)[0]?.textContent ?? '';
    const root = doc.documentElement!;
    expect(root.tagName).toBe('alert');
    expect(root.getAttribute('xmlns')).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(text('identifier')).toBe(alert!.id);
    expect(text('sender')).toMatch(/^[^\s,<&]+$/);
    expect(text('sent')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(text('status')).toBe('Actual');
    expect(text('msgType')).toBe('Alert');
    expect(text('scope')).toBe('Public');
    expect(text('language')).toBe('fr-FR');
    expect(text('category')).toBe('Security');
    expect(text('event')).not.toBe('');
    expect(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']).toContain(text('urgency'));
    expect(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']).toContain(text('severity'));
    expect(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']).toContain(text('certainty'));
    expect(text('headline')).not.toBe('');
    expect(text('description')).not.toBe('');
    expect(text('instruction')).toMatch(/forces de défense et de sécurité/);
    expect(text('areaDesc')).not.toBe('');
    const circle = text('circle');
    const polygon = text('polygon');
    if (polygon) {
      const points = polygon.split(' ');
      expect(points.length).toBeGreaterThanOrEqual(4);
      expect(points[0]).toBe(points.at(-1));
    } else {
      const [center, radius] = circle.split(' ');
      const [lat, lon] = center!.split(',').map(Number);
      expect(lat).toBeCloseTo(14.452, 2);
      expect(lon).toBeCloseTo(-12.19, 2);
      expect(Number(radius)).toBeGreaterThan(0);
    }
  });

  it('lists public alerts in the CAP Atom feed and refuses CAP for a non-public alert', async () => {
    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/cap.atom', headers: auth(coord) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const doc = new DOMParser().parseFromString(feed.body, 'text/xml');
    const links = [...doc.getElementsByTagName('link')].filter((l) => l.getAttribute('type') === 'application/cap+xml');
    expect(links.length).toBe((await alerts(coord)).filter((a) => a.public).length);

    await t.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: auth(coord),
      payload: { ...N1_RULE, id: 'internal', public: false, eventTypes: ['Riots'] },
    });
    const riot = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: auth(coord),
        payload: battle(recent(), { eventType: 'Riots', subEventType: 'Violent demonstration' }),
      })
    ).json() as { id: string };
    const internal = (await alerts(coord)).find((a) => a.cause.id === riot.id)!;
    expect(internal.public).toBe(false);
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${internal.id}/cap`, headers: auth(coord) });
    expect(refused.statusCode).toBe(409);

    // Switched off, the rule raises nothing more.
    const off = await t.app.inject({ method: 'PATCH', url: '/api/v1/alert-rules/internal', headers: auth(coord), payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    const quiet = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: auth(coord),
        payload: battle(recent(), { eventType: 'Riots', subEventType: 'Violent demonstration' }),
      })
    ).json() as { id: string };
    expect((await alerts(coord)).some((a) => a.cause.id === quiet.id)).toBe(false);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/alert-rules/nope', headers: auth(coord), payload: { enabled: false } })).statusCode).toBe(404);
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let hits: { path: string; key: string; attempt: string; status: number }[] = [];
  let base = '';

  beforeAll(async () => {
    const failures = new Map<string, number>([['/flaky', 3]]);
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const path = request.url ?? '';
        // A receiver that never answers: the sender's timeout must end each attempt.
        if (path === '/silent') {
          hits.push({ path, key: String(request.headers['idempotency-key']), attempt: String(request.headers['x-diboli-attempt']), status: 0 });
          return;
        }
        let status = 200;
        if (path === '/down') status = 500;
        const left = failures.get(path) ?? 0;
        if (left > 0) {
          failures.set(path, left - 1);
          status = 503;
        }
        hits.push({ path, key: String(request.headers['idempotency-key']), attempt: String(request.headers['x-diboli-attempt']), status });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        receiver.closeAllConnections();
        receiver.close(() => resolve());
      }),
  );

  it('refuses a URL that is not http(s)', async () => {
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: auth(coord), payload: { url: 'ftp://example.org/x' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ field: 'url' });
  });

  it('delivers exactly once to a receiver that fails 3 times, with one idempotency key; gives up on one that always fails or never answers', async () => {
    for (const path of ['/flaky', '/down', '/silent']) {
      const answer = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: auth(coord), payload: { url: `${base}${path}` } });
      expect(answer.statusCode).toBe(201);
    }
    hits = [];
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle(recent()) })).json() as {
      id: string;
    };
    const alert = (await alerts(coord)).find((a) => a.cause.id === incident.id)!;
    expect(alert).toBeDefined();

    await waitFor(() => (hits.some((h) => h.path === '/flaky' && h.status === 200) ? true : undefined), 'the flaky receiver to accept');
    await waitFor(() => (hits.filter((h) => h.path === '/down').length >= 5 ? true : undefined), 'the failing receiver to be tried 5 times');
    await waitFor(() => (hits.filter((h) => h.path === '/silent').length >= 5 ? true : undefined), 'the silent receiver to be tried 5 times');
    // Time for any stray extra attempt to show up.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const flaky = hits.filter((h) => h.path === '/flaky');
    expect(flaky.map((h) => h.status)).toEqual([503, 503, 503, 200]);
    expect(flaky.map((h) => h.attempt)).toEqual(['1', '2', '3', '4']);
    expect(new Set(flaky.map((h) => h.key)).size).toBe(1);
    const down = hits.filter((h) => h.path === '/down');
    expect(down).toHaveLength(5);
    expect(new Set(down.map((h) => h.key))).toEqual(new Set(flaky.map((h) => h.key)));

    const hooks = (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: auth(coord) })).json() as {
      url: string;
      deliveries: { status: string; attempts: number }[];
    }[];
    expect(hooks.find((h) => h.url.endsWith('/flaky'))!.deliveries).toEqual([{ status: 'delivered', attempts: 4 }]);
    expect(hooks.find((h) => h.url.endsWith('/down'))!.deliveries).toEqual([{ status: 'failed', attempts: 5 }]);
    const silent = await waitFor(async () => {
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: auth(coord) })).json() as typeof hooks;
      const deliveries = list.find((h) => h.url.endsWith('/silent'))!.deliveries;
      return deliveries[0]?.status === 'failed' ? deliveries : undefined;
    }, 'the silent receiver to be given up');
    expect(silent).toEqual([{ status: 'failed', attempts: 5 }]);
    expect(hits.filter((h) => h.path === '/silent')).toHaveLength(5);

    // Editing the incident is the same cause: no new alert, no new delivery.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, headers: auth(coord), payload: { fatalities: 12 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits.filter((h) => h.path === '/flaky')).toHaveLength(4);
  });

  it('posts nothing to a switched-off webhook, and posts again once it is switched on; only its own nation may switch it', async () => {
    const added = (await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: auth(coord), payload: { url: `${base}/paused` } })).json() as {
      id: string;
    };
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${added.id}`, headers: auth(coord), payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: added.id, enabled: false, deliveries: [] });

    hits = [];
    const unheard = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle(recent()) })).json() as {
      id: string;
    };
    expect((await alerts(coord)).some((a) => a.cause.id === unheard.id)).toBe(true);
    await waitFor(() => (hits.some((h) => h.path === '/flaky') ? true : undefined), 'the receivers that are on to be posted the alert');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits.filter((h) => h.path === '/paused')).toEqual([]);

    const on = await t.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${added.id}`, headers: auth(coord), payload: { enabled: true } });
    expect(on.json()).toMatchObject({ enabled: true });
    const heard = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle(recent()) })).json() as { id: string };
    expect((await alerts(coord)).some((a) => a.cause.id === heard.id)).toBe(true);
    await waitFor(() => (hits.some((h) => h.path === '/paused') ? true : undefined), 'the webhook switched on to be posted the new alert');
    expect(hits.filter((h) => h.path === '/paused')).toHaveLength(1);

    // Another nation's coordinator seconded here manages its own nation's webhooks only: this one is not found.
    const partner = await t.login('coord.sn');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${added.id}`, headers: auth(partner), payload: { enabled: false } })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/webhooks/${added.id}`, headers: auth(liaisonSn), payload: { enabled: false } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/webhooks/nope', headers: auth(coord), payload: { enabled: false } })).statusCode).toBe(404);
    const hooks = (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: auth(coord) })).json() as { id: string; enabled: boolean }[];
    expect(hooks.find((hook) => hook.id === added.id)?.enabled).toBe(true);
  });
});
