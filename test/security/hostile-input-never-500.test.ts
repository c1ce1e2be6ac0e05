import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 11 of issue 13: a leap-second timestamp, a deeply nested body and a malformed cookie
// answered 500; Fastify's own refusals (bad URL, too long, too large) escaped the error
// catalogue; a wrong content type got 400 instead of 415.

const NOW = '2026-11-29T12:00:00.000Z';
const LEAP = '2026-06-30T23:59:60Z';
let demo: DemoNode;
let origin: string;

function expectCatalogue(body: unknown, code: string): void {
  expect(body).toMatchObject({ code, message: expect.any(String) });
  expect(Object.keys(body as object).every((key) => ['code', 'message', 'field', 'errors'].includes(key))).toBe(true);
}

/** A raw request to the listening node, for what `inject` cannot send (oversized headers). */
function rawRequest(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => demo.close());

describe('hostile input gets a 4xx from the catalogue, never a 500', () => {
  it('refuses a leap second in every date-time field, naming the field', async () => {
    const incident = { occurredAt: LEAP, location: { lat: 14.44, lon: -12.18 }, eventType: 'Border activity', subEventType: 'Smuggling' };
    const cases: [method: 'GET' | 'POST' | 'PUT', url: string, body: unknown, field: string][] = [
      ['GET', `/api/v1/incidents?from=${LEAP}`, undefined, 'from'],
      ['GET', `/api/v1/incidents?to=${LEAP}`, undefined, 'to'],
      ['GET', `/api/v1/sitrep?from=${LEAP}&to=2026-07-02`, undefined, 'from'],
      ['GET', `/api/v1/sitrep?from=2026-06-01&to=${LEAP}`, undefined, 'to'],
      ['GET', `/api/v1/sections/ML-SN-02/history?from=${LEAP}`, undefined, 'from'],
      ['GET', `/api/v1/alerts?since=${LEAP}`, undefined, 'since'],
      ['POST', '/api/v1/incidents', incident, 'occurredAt'],
      ['POST', '/api/v1/patrols/demo-patrol-launch/observations', { at: LEAP, text: 'Rien à signaler' }, 'at'],
      [
        'POST',
        '/api/v1/patrols',
        { name: 'P', kind: 'national', unitIds: ['ml-gtia-diboli'], plannedStart: LEAP, plannedEnd: '2026-12-10T00:00:00Z' },
        'plannedStart',
      ],
      ['POST', '/api/v1/sections/ML-SN-02/override', { level: 'high', reason: 'r', expiresAt: LEAP }, 'expiresAt'],
      ['POST', '/api/v1/recommendations', { from: LEAP, to: '2026-12-10T00:00:00Z', maxLengthKm: 50 }, 'from'],
    ];
    for (const [method, url, body, field] of cases) {
      const answer = await demo.call(method, url, { as: 'coord.ml', body });
      expect(answer.status, url).toBe(400);
      expectCatalogue(answer.body, 'ERR_VALIDATION');
      expect(answer.body.field, url).toBe(field);
    }
    const positions = await demo.call('POST', '/api/v1/patrols/demo-patrol-launch/positions', {
      as: 'lead.ml',
      body: { positions: [{ at: LEAP, lat: 14.4, lon: -12.2 }] },
    });
    expect(positions.status).toBe(400);
    expect(positions.body.field).toBe('positions.0.at');
  });

  it('refuses other dates that name no instant: 30 February, hour 24, offset +24:00', async () => {
    for (const value of ['2026-02-30T10:00:00Z', '2026-11-01T24:00:00Z', '2026-11-01T10:00:00+24:00', '2026-13-01']) {
      const answer = await demo.call('GET', `/api/v1/incidents?from=${encodeURIComponent(value)}`, { as: 'coord.ml' });
      expect(answer.status, value).toBe(400);
    }
    expect((await demo.call('GET', '/api/v1/incidents?from=2026-11-01T10:00:00.123456%2B01:00&limit=1', { as: 'coord.ml' })).status).toBe(200);
  });

  it('refuses a deeply nested body before parsing it', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const settings = await demo.call('PUT', '/api/v1/early-warning/settings', { as: 'coord.ml', raw: `{"typeWeights":${deep}}` });
    expect(settings.status).toBe(400);
    expectCatalogue(settings.body, 'ERR_JSON_TOO_DEEP');
    const objects = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', raw: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` });
    expect(objects.status).toBe(400);
    expectCatalogue(objects.body, 'ERR_JSON_TOO_DEEP');
    // Brackets inside strings are text, not nesting.
    const incident = { occurredAt: '2026-11-27T06:30:00Z', location: { lat: 14.44, lon: -12.18 }, eventType: 'Border activity', subEventType: 'Smuggling' };
    const text = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: { ...incident, narrative: `${'['.repeat(2000)} "{" \\" ${'{'.repeat(100)}` },
    });
    expect(text.status).toBe(201);
  });

  it('answers 401 to a session cookie that cannot be decoded', async () => {
    for (const cookie of ['diboli_token=%E0%A4%A', 'diboli_token=%', 'diboli_token=%ZZ; other=1']) {
      const answer = await demo.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(answer.statusCode, cookie).toBe(401);
      expectCatalogue(answer.json(), 'ERR_UNAUTHENTICATED');
    }
  });

  it('answers Fastify’s own refusals in the catalogue’s shape', async () => {
    const token = await demo.token('coord.ml');
    const auth = { authorization: `Bearer ${token}` };
    const badUrl = await demo.app.inject({ method: 'GET', url: '/api/v1/incidents/%E0%A4%A', headers: auth });
    expect(badUrl.statusCode).toBe(400);
    expectCatalogue(badUrl.json(), 'ERR_BAD_URL');
    const longParam = await demo.app.inject({ method: 'GET', url: `/api/v1/incidents/${'x'.repeat(500)}`, headers: auth });
    expect(longParam.statusCode).toBe(414);
    expectCatalogue(longParam.json(), 'ERR_URI_TOO_LONG');
    const tooLarge = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"narrative":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(tooLarge.statusCode).toBe(413);
    expectCatalogue(tooLarge.json(), 'ERR_BODY_TOO_LARGE');
    const empty = await demo.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...auth, 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expectCatalogue(empty.json(), 'ERR_MALFORMED_JSON');
    const proto = await demo.app.inject({
      method: 'PUT',
      url: '/api/v1/early-warning/settings',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"__proto__":{"halfLifeDays":1}}',
    });
    expect(proto.statusCode).toBe(400);
    expectCatalogue(proto.json(), 'ERR_MALFORMED_JSON');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const token = await demo.token('coord.ml');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'image/png']) {
      const answer = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/patrols/demo-patrol-december/cancel',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        payload: 'x',
      });
      expect(answer.statusCode, type).toBe(415);
      expectCatalogue(answer.json(), 'ERR_UNSUPPORTED_MEDIA_TYPE');
    }
    expect((await demo.call('GET', '/api/v1/patrols/demo-patrol-december', { as: 'coord.ml' })).body.status).not.toBe('cancelled');
  });

  it('answers oversized headers and malformed requests on the socket in the catalogue’s shape', async () => {
    const huge = await rawRequest('/api/v1/me', { 'x-filler': 'x'.repeat(20_000) });
    expect(huge.status).toBe(431);
    expectCatalogue(JSON.parse(huge.body), 'ERR_HEADERS_TOO_LARGE');
    const bigCookie = await rawRequest('/api/v1/me', { cookie: `diboli_token=${'%'.repeat(17_000)}` });
    expect(bigCookie.status).toBe(431);
    const listening = await fetch(`${origin}/healthz`);
    expect(listening.status).toBe(200);
  });
});
