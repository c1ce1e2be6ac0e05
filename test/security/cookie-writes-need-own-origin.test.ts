import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 14 of issue 13 (CSRF part): a `text/plain` POST from a foreign page, carried by the
// session cookie, cancelled a patrol; only SameSite stood in the way. Changes made with the cookie
// must come from the node's own pages; callers with a bearer token are not concerned.

const PATROL = 'demo-patrol-december';
const OWN = 'http://localhost'; // inject's default Host is localhost:80
let demo: DemoNode;
let cookie: string;
let token: string;

async function patrolStatus(): Promise<string> {
  return (await demo.call('GET', `/api/v1/patrols/${PATROL}`, { as: 'coord.ml' })).body.status;
}

function cancel(headers: Record<string, string>, payload = '{}') {
  return demo.app.inject({ method: 'POST', url: `/api/v1/patrols/${PATROL}/cancel`, headers: { 'content-type': 'application/json', ...headers }, payload });
}

beforeAll(async () => {
  demo = await startDemoNode();
  const login = await demo.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'coord.ml', password: DEMO_PASSWORD, code: demo.code('coord.ml') },
  });
  const setCookie = String(login.headers['set-cookie']);
  cookie = setCookie.split(';')[0]!;
  token = (login.json() as { token: string }).token;
  expect(cookie).toMatch(/^diboli_token=./);
});
afterAll(async () => demo.close());

describe('changes carried by the session cookie must come from the node’s own pages', () => {
  it('refuses the cross-site text/plain post of the finding, before reading it', async () => {
    const answer = await cancel({ cookie, origin: 'https://attacker.example', 'content-type': 'text/plain' }, 'x');
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toEqual({ code: 'ERR_FOREIGN_ORIGIN', message: 'Modification refusée : elle ne vient pas d’une page de ce nœud.' });
    expect(await patrolStatus()).not.toBe('cancelled');
  });

  it('refuses every unsafe method from a foreign origin, a foreign referrer, `null`, or no origin at all', async () => {
    for (const headers of [
      { origin: 'https://attacker.example' },
      { origin: 'http://localhost.attacker.example' },
      { origin: 'http://localhost:8081' },
      { origin: 'https://localhost' },
      { origin: 'null' },
      { referer: 'https://attacker.example/page' },
      {},
    ] as Record<string, string>[]) {
      const answer = await cancel({ cookie, ...headers });
      expect(answer.statusCode, JSON.stringify(headers)).toBe(403);
    }
    for (const [method, url] of [
      ['PATCH', '/api/v1/incidents/demo-ml-0001'],
      ['PUT', '/api/v1/early-warning/settings'],
      ['POST', '/api/v1/incidents'],
      ['POST', '/api/v1/auth/logout'],
    ] as const) {
      const answer = await demo.app.inject({
        method,
        url,
        headers: { cookie, origin: 'https://attacker.example', 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(answer.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await patrolStatus()).not.toBe('cancelled');
    // The session was not ended by the refused logout.
    expect((await demo.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('lets reads through whatever their origin (they change nothing)', async () => {
    const read = await demo.app.inject({ method: 'GET', url: `/api/v1/patrols/${PATROL}`, headers: { cookie, origin: 'https://attacker.example' } });
    expect(read.statusCode).toBe(200);
  });

  it('does not concern callers with a bearer token', async () => {
    const refused = await demo.app.inject({
      method: 'PUT',
      url: '/api/v1/early-warning/settings',
      headers: { authorization: `Bearer ${token}`, origin: 'https://attacker.example', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(refused.statusCode).toBe(200);
  });

  it('accepts the node’s own pages, by Origin or by Referer', async () => {
    const byReferer = await demo.app.inject({
      method: 'PUT',
      url: '/api/v1/early-warning/settings',
      headers: { cookie, referer: `${OWN}/`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(byReferer.statusCode).toBe(200);
    const answer = await cancel({ cookie, origin: OWN });
    expect(answer.statusCode).toBe(200);
    expect(await patrolStatus()).toBe('cancelled');
  });
});
