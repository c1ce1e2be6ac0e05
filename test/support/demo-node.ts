import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions, createNodeContext } from '../../src/composition.js';
import { installDemo } from '../../src/cli/demo.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { loadConfig, type Overrides } from '../../src/config.js';
import { openStore, type Store } from '../../src/store/database.js';
import type { NodeContext } from '../../src/services/node-context.js';
import type { Clock } from '../../src/kernel/clock.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export interface DemoNode {
  dir: string;
  store: Store;
  node: NodeContext;
  app: FastifyInstance;
  token(username: string): Promise<string>;
  /** A fresh code of the user's authenticator app (demo users and those a test enrolled), if it has one. */
  code(username: string): string | undefined;
  call<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options?: { as?: string; body?: unknown; raw?: string; lang?: string },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * A demo node of Mali on a real SQLite file in a temporary folder, its API reached through `inject`.
 * Without the demo's alert rules unless `alertRules` (tests of alerts start from the rules they add).
 */
export async function startDemoNode(
  options: { clock?: Clock; webRoot?: string; app?: AppOptions; config?: Overrides; alertRules?: boolean } = {},
): Promise<DemoNode> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-test-'));
  const config = loadConfig({ ...options.config, dataDir: dir }, {});
  const store = await openStore(dir);
  await installDemo(store, config, undefined, { alertRules: options.alertRules ?? false });
  const node = await createNodeContext(config, store, { clock: options.clock });
  const app = await buildApp(node, { webRoot: options.webRoot ?? false, ...options.app });
  const tokens = new Map<string, string>();
  const authenticators = new DemoAuthenticators();

  async function token(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    let response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD, code: authenticators.codeFor(username, node.clock.now()) },
    });
    if (response.statusCode === 403 && (response.json() as { code: string }).code === 'ERR_SECOND_FACTOR_ENROLMENT_REQUIRED') {
      // An account a test added enrols at its first login, as the web UI would take it through.
      const enrolment = await app.inject({ method: 'POST', url: '/api/v1/auth/login/enrolment', payload: { username, password: DEMO_PASSWORD } });
      authenticators.learn(username, (enrolment.json() as { secret: string }).secret);
      const code = authenticators.codeFor(username, node.clock.now());
      response = await app.inject({ method: 'POST', url: '/api/v1/auth/login/enrolment/confirm', payload: { username, password: DEMO_PASSWORD, code } });
    }
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const issued = (response.json() as { token: string }).token;
    tokens.set(username, issued);
    return issued;
  }

  return {
    dir,
    store,
    node,
    app,
    token,
    code: (username) => authenticators.codeFor(username, node.clock.now()),
    async call(method, url, { as, body, raw, lang } = {}) {
      const headers: Record<string, string> = {};
      if (as) headers.authorization = `Bearer ${await token(as)}`;
      if (lang) headers['accept-language'] = lang;
      if (raw !== undefined || body !== undefined) headers['content-type'] = 'application/json';
      const response = await app.inject({ method, url, headers, payload: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const text = response.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.statusCode, body: parsed as any };
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
