import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { addUser } from '../../src/services/auth-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { diboli } from '../support/cli-in-process.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

interface Stream {
  events: string[];
  /** Resolves true when the node ends the stream, false if it is still open after `patienceMs`. */
  ended(patienceMs?: number): Promise<boolean>;
  close(): void;
}

const clock = fixedClock('2026-11-29T08:00:00.000Z');
let demo: DemoNode;
let origin: string;
const authenticators = new DemoAuthenticators();

beforeAll(async () => {
  // Sessions last 12 hours; expiry and sessions ended by another process are looked for every 50 ms.
  demo = await startDemoNode({ clock, app: { auth: { sessionSweepMs: 50 } } });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => demo.close());

async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await demo.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, code: authenticators.codeFor(username, clock.now()) },
  });
  expect(answer.statusCode).toBe(200);
  return answer.json().token;
}

function open(token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const req = httpRequest(`${origin}/api/v1/stream`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      let done = false;
      const finished = new Promise<void>((end) =>
        response.once('end', () => {
          done = true;
          end();
        }),
      );
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/^event: (.+)$/gm)) events.push(match[1]!);
      });
      resolve({
        events,
        ended: (patienceMs = 10_000) => Promise.race([finished.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(done), patienceMs))]),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    req.end();
  });
}

const incident = {
  occurredAt: '2026-11-28T06:30:00Z',
  location: { lat: 14.452, lon: -12.19 },
  eventType: 'Border activity',
  subEventType: 'Smuggling',
  releasableTo: [],
};

describe('a live stream ends with its session', () => {
  it('ends at logout, and only the stream of the session logged out', async () => {
    const token = await login('analyst.ml');
    const otherSession = await login('analyst.ml');
    const stream = await open(token);
    const other = await open(otherSession);
    const logout = await demo.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(logout.statusCode).toBe(204);
    expect(await stream.ended()).toBe(true);
    expect(stream.events).toContain('session-ended');
    // What happens afterwards reaches the other session's stream, not the ended one.
    const created = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${otherSession}` },
      payload: incident,
    });
    expect(created.statusCode).toBe(201);
    await expect.poll(() => other.events.includes('incident')).toBe(true);
    expect(stream.events).not.toContain('incident');
    expect(await other.ended(200)).toBe(false);
    other.close();
  });

  it('ends when the session expires', async () => {
    const stream = await open(await login('observer.ml'));
    clock.set('2026-11-29T20:00:01.000Z');
    expect(await stream.ended()).toBe(true);
    expect(stream.events).toContain('session-ended');
  });

  it('ends when another process resets the user’s second factor', async () => {
    clock.set('2026-11-30T08:00:00.000Z');
    const stream = await open(await login('coord.ml'));
    expect((await diboli(['user', 'reset-2fa', '--data', demo.dir, '--username', 'coord.ml'])).code).toBe(0);
    expect(await stream.ended()).toBe(true);
  });

  it('ends when another process removes the user, or changes their password', async () => {
    await addUser(demo.node, { username: 'temp.ml', nation: 'ML', role: 'analyst', password: 'hamac lagune cerf-volant' });
    const removed = await open(await login('temp.ml', 'hamac lagune cerf-volant'));
    const changed = await open(await login('lead.ml'));
    expect((await diboli(['user', 'remove', '--data', demo.dir, '--username', 'temp.ml'])).code).toBe(0);
    expect((await diboli(['user', 'password', '--data', demo.dir, '--username', 'lead.ml'], 'girafe cannelle voilier\n')).code).toBe(0);
    expect(await removed.ended()).toBe(true);
    expect(await changed.ended()).toBe(true);
  });
});
