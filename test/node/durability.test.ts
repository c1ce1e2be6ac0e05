import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { exited, runDiboli, startNodeProcess } from '../support/node-process.js';

const dir = mkdtempSync(join(tmpdir(), 'diboli-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const authenticators = new DemoAuthenticators();

async function login(url: string): Promise<string> {
  const code = authenticators.codeFor('coord.ml', new Date());
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coord.ml', password: DEMO_PASSWORD, code }),
  });
  return ((await response.json()) as { token: string }).token;
}

describe('durability', () => {
  it('keeps every acknowledged incident when the server is killed with SIGKILL', async () => {
    expect((await runDiboli(['demo', '--data', dir])).code).toBe(0);
    const first = await startNodeProcess(['serve', '--data', dir, '--port', '0']);
    const token = await login(first.url);
    const acknowledged: string[] = [];
    // Writes keep arriving until the kill; only those answered 201 count as acknowledged.
    const writer = (async () => {
      for (let i = 0; i < 400; i++) {
        try {
          const response = await fetch(`${first.url}/api/v1/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              occurredAt: '2026-11-01',
              location: { lat: 14.4 + i / 10_000, lon: -12.2 },
              eventType: 'Border activity',
              subEventType: 'Illegal crossing',
              narrative: `n°${i}`,
            }),
          });
          if (response.status !== 201) throw new Error(`status ${response.status}`);
          acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          return;
        }
      }
    })();
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    await Promise.all([writer, exited(first.child)]);

    const second = await startNodeProcess(['serve', '--data', dir, '--port', '0']);
    try {
      const token2 = await login(second.url);
      const listed = await fetch(`${second.url}/api/v1/incidents?limit=50000`, { headers: { authorization: `Bearer ${token2}` } });
      const ids = new Set(((await listed.json()) as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id));
      const lost = acknowledged.filter((id) => !ids.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);
      expect(lost).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });
});
