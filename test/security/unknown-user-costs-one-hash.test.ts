import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { countingPasswords } from '../support/counting-hasher.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Counts the scrypt derivations behind each answer, and their parameters: no timing involved.
const counter = countingPasswords();
let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ app: { auth: { passwords: counter.passwords } } });
});
afterAll(async () => demo.close());

async function attempt(username: string, password: string, from: string) {
  const before = counter.derivations.length;
  const answer = await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from });
  return { status: answer.statusCode, body: answer.json(), derivations: counter.derivations.slice(before) };
}

describe('an unknown username costs what a known one does', () => {
  it('hashes once, with the same parameters, and answers alike, whether the username exists or not', async () => {
    const unknown = await attempt('personne.ml', 'une phrase quelconque', '198.51.100.1');
    const known = await attempt('analyst.ml', 'une phrase quelconque', '198.51.100.2');
    const knownWithSecondFactor = await attempt('coord.ml', 'une phrase quelconque', '198.51.100.3');
    for (const answer of [unknown, known, knownWithSecondFactor]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(unknown.body);
      expect(answer.derivations).toHaveLength(1);
      expect(answer.derivations[0]).toEqual(known.derivations[0]);
    }
    expect(unknown.derivations[0]!.N).toBeGreaterThanOrEqual(1 << 15);
  });

  it('costs one hash for a right password too', async () => {
    expect((await attempt('analyst.ml', DEMO_PASSWORD, '198.51.100.4')).derivations).toHaveLength(1);
  });
});
