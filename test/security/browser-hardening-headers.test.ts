import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../e2e/browser.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 14 of issue 13 (browser part): no Content-Security-Policy, no X-Content-Type-Options,
// no frame-ancestors, no Referrer-Policy. That the web UI works under this policy is proven by the
// browser tests (test/e2e), which fail on any violation of it.

let demo: DemoNode;
let pages: string;

/** The policy as a map of directive → sources. */
function policyOf(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

beforeAll(async () => {
  pages = mkdtempSync(join(tmpdir(), 'diboli-pages-'));
  writeFileSync(join(pages, 'index.html'), '<!doctype html><title>Diboli</title>');
  demo = await startDemoNode({ webRoot: pages });
});
afterAll(async () => {
  await demo.close();
  rmSync(pages, { recursive: true, force: true });
});

describe('answers carry the browser’s defences', () => {
  it('serves the web UI under a policy with no inline script, no framing and MapLibre’s blob: workers', async () => {
    const page = await demo.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    const policy = policyOf(page.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.some((source) => source.startsWith('http') || source === '*' || source === 'https:')).toBe(false);
    }
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('puts the same headers on API answers, refusals and unknown addresses', async () => {
    const token = await demo.token('observer.ml');
    const answers = [
      await demo.app.inject({ method: 'GET', url: '/api/v1/mechanism', headers: { authorization: `Bearer ${token}` } }),
      await demo.app.inject({ method: 'GET', url: '/api/v1/mechanism' }),
      await demo.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      await demo.app.inject({ method: 'GET', url: '/healthz' }),
      await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 200, 401]);
    for (const answer of answers) {
      expect(policyOf(answer.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('lets the situation report style itself, and nothing more', async () => {
    const report = await demo.call('GET', '/api/v1/sitrep?from=2026-11-01&to=2026-11-30&format=html', { as: 'coord.ml' });
    expect(report.status).toBe(200);
    const answer = await demo.app.inject({
      method: 'GET',
      url: '/api/v1/sitrep?from=2026-11-01&to=2026-11-30&format=html',
      headers: { authorization: `Bearer ${await demo.token('coord.ml')}` },
    });
    const policy = policyOf(answer.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the API document’s page run in Chromium without breaking its policy', async () => {
    const origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await openBrowser(origin);
    try {
      await browser.page.goto(`${origin}/api/docs`);
      await browser.page.getByText('Diboli node API').first().waitFor();
      expect(await browser.page.locator('.opblock').count()).toBeGreaterThan(40);
    } finally {
      await browser.close(); // fails on any violation of the policy
    }
  });
});
