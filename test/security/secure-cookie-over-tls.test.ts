import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/composition.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { exited, runDiboli, startNodeProcess, type NodeProcess } from '../support/node-process.js';

// Finding 14 of issue 13 (TLS part): the session cookie lacked `Secure` behind TLS. The node
// serves HTTPS itself (`--tls-cert`/`--tls-key`), or sits behind a reverse proxy listed in
// `trustProxy` whose `X-Forwarded-Proto: https` counts.

let folder: string;
let cert: string;
let key: string;
let served: NodeProcess;
let demo: DemoNode;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over HTTPS that trusts only the certificate made for this test. */
function overTls(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      url,
      { method, ca: readFileSync(cert), headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The demo node's app again, with other settings (the store and data stay the same). */
async function appWith(settings: { trustProxy?: string }): Promise<FastifyInstance> {
  return buildApp({ ...demo.node, config: { ...demo.node.config, ...settings } }, { webRoot: false });
}

async function loginCookie(app: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username: 'analyst.ml', password: DEMO_PASSWORD } });
  expect(login.statusCode).toBe(200);
  return String(login.headers['set-cookie']);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'diboli-tls-'));
  cert = join(folder, 'cert.pem');
  key = join(folder, 'key.pem');
  // A certificate for 127.0.0.1, made here and trusted by this test alone.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  served = await startNodeProcess(['demo', '--data', join(folder, 'node'), '--serve', '--port', '0', '--tls-cert', cert, '--tls-key', key]);
  demo = await startDemoNode();
});

afterAll(async () => {
  served?.child.kill('SIGTERM');
  if (served) await exited(served.child);
  await demo?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the session cookie is Secure whenever the node is reached over HTTPS', () => {
  it('serves HTTPS with the certificate given to `diboli serve`, and marks the cookie Secure', async () => {
    expect(served.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await overTls(`${served.url}/healthz`)).status).toBe(200);
    const code = new DemoAuthenticators().codeFor('coord.ml', new Date());
    const login = await overTls(`${served.url}/api/v1/auth/login`, 'POST', { username: 'coord.ml', password: DEMO_PASSWORD, code });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^diboli_token=[^;]+;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // The node's own pages over HTTPS may change things with that cookie.
    const session = cookie.split(';')[0]!;
    const own = await overTls(`${served.url}/api/v1/early-warning/settings`, 'PUT', {}, { cookie: session, origin: served.url });
    expect(own.status).toBe(200);
    const plain = await overTls(`${served.url}/api/v1/early-warning/settings`, 'PUT', {}, { cookie: session, origin: served.url.replace('https:', 'http:') });
    expect(plain.status).toBe(403);
  });

  it('keeps the cookie without Secure over plain HTTP (it would not be sent back)', async () => {
    expect(await loginCookie(demo.app, {})).not.toMatch(/Secure/i);
  });

  it('believes X-Forwarded-Proto only from the proxies listed in trustProxy', async () => {
    const behindProxy = await appWith({ trustProxy: '127.0.0.1' });
    const otherProxy = await appWith({ trustProxy: '10.1.2.3/32' });
    try {
      const forwarded = { 'x-forwarded-proto': 'https' };
      expect(await loginCookie(behindProxy, forwarded)).toMatch(/; Secure/);
      expect(await loginCookie(behindProxy, {})).not.toMatch(/Secure/i);
      expect(await loginCookie(otherProxy, forwarded)).not.toMatch(/Secure/i);
      expect(await loginCookie(demo.app, forwarded)).not.toMatch(/Secure/i);
    } finally {
      await behindProxy.close();
      await otherProxy.close();
    }
  });

  it('reads TLS and proxy settings from the environment too, and wants both files or neither', async () => {
    const config = loadConfig({ dataDir: folder }, { DIBOLI_TLS_CERT: cert, DIBOLI_TLS_KEY: key, DIBOLI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
    expect(config).toMatchObject({ tlsCert: cert, tlsKey: key, trustProxy: '127.0.0.1,10.0.0.0/8' });
    expect(() => loadConfig({ dataDir: folder }, { DIBOLI_TLS_CERT: cert })).toThrow(ConfigError);
    expect(() => loadConfig({ dataDir: folder, tlsCert: cert, tlsKey: join(folder, 'missing.pem') }, {})).toThrow(/missing\.pem/);
    expect(() => loadConfig({ dataDir: folder, trustProxy: 'proxy.example' }, {})).toThrow(ConfigError);
    const help = await runDiboli(['serve', '--help']);
    expect(help.stdout + help.stderr).toMatch(/--tls-cert FILE[\s\S]*--tls-key FILE[\s\S]*--trust-proxy/);
    const half = await runDiboli(['serve', '--data', folder, '--tls-cert', cert]);
    expect(half.code).toBe(2);
  });
});
