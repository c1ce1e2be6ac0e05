import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// A coordination centre: every browser behind one address. Limits: 10 attempts per username and
// minute, 50 per address.
const CENTRE = '10.20.30.40';
let demo: DemoNode;
const authenticators = new DemoAuthenticators();
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function login(payload: Record<string, unknown>, options: { from?: string; browser?: string } = {}) {
  const answer = await demo.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload,
    remoteAddress: options.from ?? CENTRE,
    headers: options.browser ? { cookie: options.browser } : {},
  });
  const device = [answer.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('diboli_device='));
  return { status: answer.statusCode, body: answer.json(), browser: device?.split(';')[0] };
}

describe('a tripped address does not lock out the officers behind it', () => {
  let analystBrowser: string;
  let coordinatorBrowser: string;

  it('lets colleagues who logged in before on their browser in, while the guesser stays refused', async () => {
    // Monday: two officers of the centre log in from their own workstations.
    const analyst = await login({ username: 'analyst.ml', password: DEMO_PASSWORD });
    expect(analyst.status).toBe(200);
    analystBrowser = analyst.browser!;
    const coordinator = await login({ username: 'coord.ml', password: DEMO_PASSWORD, code: authenticators.codeFor('coord.ml', demo.node.clock.now()) });
    expect(coordinator.status).toBe(200);
    coordinatorBrowser = coordinator.browser!;

    // Someone behind the same address sprays passwords over many usernames until the address is refused.
    const spray = [];
    for (let i = 0; i < 60; i++) spray.push((await login({ username: `agent${i % 30}.ml`, password: `essai-${i}` })).status);
    expect(spray.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(spray.slice(50).every((s) => s === 429)).toBe(true);

    // The address is tripped: the guesser, and anyone without a known browser, is refused…
    expect((await login({ username: 'lead.ml', password: 'encore-un-essai' })).status).toBe(429);
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD })).status).toBe(429);
    // …but the analyst on her own browser, and the coordinator with his code, log in.
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, { browser: analystBrowser })).status).toBe(200);
    const code = authenticators.codeFor('coord.ml', demo.node.clock.now());
    expect((await login({ username: 'coord.ml', password: DEMO_PASSWORD, code }, { browser: coordinatorBrowser })).status).toBe(200);
    // The analyst's cookie vouches for her only: borrowed for another username, it opens nothing.
    expect((await login({ username: 'lead.ml', password: DEMO_PASSWORD }, { browser: analystBrowser })).status).toBe(429);
    // And the guesser is still refused.
    expect((await login({ username: 'observer.ml', password: 'toujours-pas' })).status).toBe(429);
  });

  it('keeps an officer in on a known browser while someone elsewhere guesses at her username', async () => {
    const guesses = [];
    for (let i = 0; i < 12; i++) guesses.push((await login({ username: 'analyst.ml', password: `mauvais-${i}` }, { from: '203.0.113.50' })).status);
    expect(guesses.slice(10)).toEqual([429, 429]);
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, { from: '203.0.113.51' })).status).toBe(429);
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, { browser: analystBrowser })).status).toBe(200);
  });

  it('does not take a forged or altered known-device cookie', async () => {
    const [name, value] = analystBrowser.split('=');
    const altered = `${name}=${value!.slice(0, -2)}${value!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, { browser: altered })).status).toBe(429);
    const forged = `diboli_device=${Buffer.from('analyst.ml').toString('base64url')}.device.${Math.floor(Date.now() / 1000)}.c2lnbmF0dXJl`;
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, { browser: forged })).status).toBe(429);
  });
});
