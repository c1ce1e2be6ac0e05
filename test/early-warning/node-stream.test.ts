import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, battle, demoNode, waitFor, type TestNode } from './node-helpers.js';

interface Frame {
  event: string;
  data: unknown;
}

/** A minimal SSE client over node:http: frames parsed as they arrive. */
function subscribe(origin: string, token: string): Promise<{ frames: Frame[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const frames: Frame[] = [];
    const req = httpRequest(`${origin}/api/v1/stream`, { headers: { ...auth(token), accept: 'text/event-stream' } }, (response: IncomingMessage) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) frames.push({ event, data: JSON.parse(data) });
        }
      });
      resolve({ frames, close: () => req.destroy() });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    req.end();
  });
}

let t: TestNode;
let origin: string;
let coordMl: string;
let liaisonSn: string;

beforeAll(async () => {
  t = await demoNode();
  coordMl = await t.login('coord.ml');
  liaisonSn = await t.login('liaison.sn');
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const rule = { id: 'n1', kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' }, withinKm: 20 };
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', headers: auth(coordMl), payload: rule })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('live stream', () => {
  it('needs a token', async () => {
    const answer = await fetch(`${origin}/api/v1/stream`);
    expect(answer.status).toBe(401);
  });

  it('gives each client the alerts and records its nation may see, and nothing else', async () => {
    const partner = await subscribe(origin, liaisonSn);
    const own = await subscribe(origin, coordMl);
    const recent = new Date(Date.now() - 3_600_000).toISOString();

    // First a national incident (Mali only), then one released to Senegal.
    const national = (
      await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coordMl), payload: battle(recent, { releasableTo: [] }) })
    ).json() as { id: string };
    const shared = (
      await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coordMl), payload: battle(recent, { releasableTo: ['SN'] }) })
    ).json() as { id: string };

    const causeOf = (f: Frame) => (f.data as { cause?: { id: string } }).cause?.id;
    const recordOf = (f: Frame) => (f.data as { record?: { id: string } }).record?.id;
    await waitFor(() => partner.frames.find((f) => f.event === 'alert' && causeOf(f) === shared.id), 'the partner to receive the shared alert');
    await waitFor(() => own.frames.find((f) => f.event === 'alert' && causeOf(f) === shared.id), 'the owner to receive the shared alert');

    // The owner got both incidents and both alerts; the partner only what was released to it.
    expect(own.frames.some((f) => f.event === 'alert' && causeOf(f) === national.id)).toBe(true);
    expect(own.frames.some((f) => f.event === 'incident' && recordOf(f) === national.id)).toBe(true);
    expect(partner.frames.some((f) => f.event === 'incident' && recordOf(f) === shared.id)).toBe(true);
    expect(JSON.stringify(partner.frames)).not.toContain(national.id);

    // Narrowing the shared incident tells the partner to drop it.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${shared.id}`, headers: auth(coordMl), payload: { releasableTo: [] } });
    await waitFor(() => partner.frames.find((f) => f.event === 'incident-removed' && (f.data as { id: string }).id === shared.id), 'the retraction');
    partner.close();
    own.close();
  });
});
