import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions, createNodeContext } from '../../src/composition.js';
import { installDemo } from '../../src/cli/demo.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { loadConfig } from '../../src/config.js';
import type { NodeContext } from '../../src/services/node-context.js';
import type { Clock } from '../../src/kernel/clock.js';
import { openStore, type Store } from '../../src/store/database.js';

export interface TestNode {
  dir: string;
  store: Store;
  node: NodeContext;
  app: FastifyInstance;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The Mali demo node in a fresh folder, its API built on the given clock. */
export async function demoNode(options: { clock?: Clock; app?: AppOptions } = {}): Promise<TestNode> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-ew-'));
  // The tests' webhook receivers listen on loopback, which a node refuses unless its operator allows it.
  const config = loadConfig({ dataDir: dir, webhookAllowedHosts: '127.0.0.1' }, {});
  const store = await openStore(dir);
  // The demo's own alert rules are left out: these tests count what the rules they add raise.
  await installDemo(store, config, undefined, { alertRules: false });
  const node = await createNodeContext(config, store, options.clock ? { clock: options.clock } : {});
  const app = await buildApp(node, { webRoot: false, ...options.app, earlyWarning: { tickMs: 0, ...options.app?.earlyWarning } });
  const authenticators = new DemoAuthenticators();
  return {
    dir,
    store,
    node,
    app,
    async login(username) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD, code: authenticators.codeFor(username, node.clock.now()) },
      });
      if (answer.statusCode !== 200) throw new Error(`login ${username}: ${answer.body}`);
      return (answer.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Near Diboli, on the N1/RN1 corridor, a few hundred metres from the Falémé bridge. */
export const NEAR_DIBOLI = { lat: 14.452, lon: -12.19 };

export function battle(occurredAt: string, extra: Record<string, unknown> = {}) {
  return {
    occurredAt,
    location: NEAR_DIBOLI,
    eventType: 'Battles',
    subEventType: 'Armed clash',
    fatalities: 7,
    status: 'confirmed',
    ...extra,
  };
}

/** The threat level `section` shows to the officer holding `token`, as the sections list gives it. */
export async function sectionLevel(t: TestNode, token: string, section: string): Promise<string> {
  const answer = await t.app.inject({ method: 'GET', url: '/api/v1/sections', headers: auth(token) });
  if (answer.statusCode !== 200) throw new Error(`sections: ${answer.statusCode}`);
  const features = (answer.json() as { features: { properties: { id: string; threatLevel: string } }[] }).features;
  return features.find((f) => f.properties.id === section)!.properties.threatLevel;
}

/** Thresholds far above any score of the demo: every section falls to low at once. */
export const UNREACHABLE_THRESHOLDS = { thresholds: { medium: 500, high: 1000, critical: 2000 } };

/** Replaces the early-warning settings (`{}`: the defaults back); every change recomputes all levels. The status. */
export async function putEarlyWarningSettings(t: TestNode, token: string, settings: Record<string, unknown>): Promise<number> {
  return (await t.app.inject({ method: 'PUT', url: '/api/v1/early-warning/settings', headers: auth(token), payload: settings })).statusCode;
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
