import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { countingPasswords } from '../support/counting-hasher.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// The demo node allows 10 attempts per username and minute (DEFAULT_CONFIG.loginAttemptsPerMinute).
const LIMIT = 10;
const counter = countingPasswords();
let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ app: { auth: { passwords: counter.passwords } } });
});
afterAll(async () => demo.close());

function login(payload: Record<string, string>, remoteAddress = '198.51.100.7') {
  return demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });
}

describe('the login limit holds when attempts arrive all at once', () => {
  it('evaluates at most the limit of 200 simultaneous wrong passwords for one user, and refuses the rest with 429', async () => {
    const before = counter.derivations.length;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login({ username: 'analyst.ml', password: `devinette numéro ${i}` }, `198.51.100.${i % 200}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(counter.derivations.length - before).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(200 - LIMIT);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ code: 'ERR_TOO_MANY_ATTEMPTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The right password is refused too while the user's minute is full: guessing cannot tell it.
    expect((await login({ username: 'analyst.ml', password: DEMO_PASSWORD }, '203.0.113.9')).statusCode).toBe(429);
  });

  it('counts wrong second-factor codes the same way: 50 at once with the right password, at most the limit checked', async () => {
    const before = counter.derivations.length;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login({ username: 'coord.ml', password: DEMO_PASSWORD, code: String(100000 + i) }, `192.0.2.${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(counter.derivations.length - before).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - LIMIT);
    expect(answers.filter((a) => a.statusCode === 401).every((a) => a.json().code === 'ERR_BAD_SECOND_FACTOR')).toBe(true);
    // Even the right code waits for the minute to pass.
    const code = new DemoAuthenticators().codeFor('coord.ml', demo.node.clock.now())!;
    expect((await login({ username: 'coord.ml', password: DEMO_PASSWORD, code }, '192.0.2.200')).statusCode).toBe(429);
  });
});
