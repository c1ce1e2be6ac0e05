import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 1 of issue 13: the public-route check read the raw URL while the router decodes it, so
// `/%61pi/v1/sections/levels` answered without a token; and bodies were validated before the
// token was asked for, so anonymous callers learnt the schemas from 400s.

let demo: DemoNode;
let pages: string;
let routes: { method: string; path: string; open: boolean }[];

/** The same address, spelled in ways a router decodes back to it. */
function spellings(path: string): string[] {
  const encodeAt = (index: number) => `${path.slice(0, index)}%${path.charCodeAt(index).toString(16)}${path.slice(index + 1)}`;
  const lastLetter = path.search(/[a-z][^a-z]*$/);
  return [
    path,
    encodeAt(1), // /%61pi/v1/…
    encodeAt(path.indexOf('/v1') + 2), // /api/v%31/…
    encodeAt(lastLetter), // …/level%73
    path.replace(/^\/api/, '/%61%70%69'),
    path.replace(/^\/api/, '/%41pi'), // not the same path: must not answer 200 either
  ];
}

beforeAll(async () => {
  pages = mkdtempSync(join(tmpdir(), 'diboli-pages-'));
  writeFileSync(join(pages, 'index.html'), '<!doctype html><title>Diboli</title>');
  demo = await startDemoNode({ webRoot: pages });
  const doc = (await demo.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, 'ML-SN-02'),
      open: Array.isArray(operation.security) && operation.security.length === 0,
    })),
  );
});

afterAll(async () => {
  await demo.close();
  rmSync(pages, { recursive: true, force: true });
});

describe('authentication is decided on the route found, not on the address as written', () => {
  it('refuses every user route of the API document without a token, however its address is spelled', async () => {
    const userRoutes = routes.filter((route) => route.open === false && route.path.startsWith('/api/'));
    expect(userRoutes.length).toBeGreaterThan(40);
    const answered: string[] = [];
    for (const route of userRoutes) {
      for (const url of spellings(route.path)) {
        const answer = await demo.app.inject({
          method: route.method as 'GET',
          url,
          headers: { 'content-type': 'application/json' },
          payload: route.method === 'GET' ? undefined : '{}',
        });
        if (answer.statusCode !== 401 && answer.statusCode !== 404) answered.push(`${route.method} ${url} → ${answer.statusCode}`);
        else expect(Object.keys(answer.json()).sort()).toEqual(['code', 'message']);
      }
    }
    expect(answered).toEqual([]);
  });

  it('names the routes of the finding: 401 for the encoded address, as for the plain one', async () => {
    for (const path of [
      'sections/levels',
      'mechanism',
      'taxonomy',
      'borders',
      'sections',
      'axes',
      'basemap',
      'places?q=kayes',
      'sections/ML-SN-02/history',
      'early-warning/settings',
      'alert-rules',
    ]) {
      const answer = await demo.call('GET', `/%61pi/v1/${path}`);
      expect(answer.status, path).toBe(401);
      expect(answer.body.code).toBe('ERR_UNAUTHENTICATED');
    }
  });

  it('asks anonymous callers for a token before looking at what they sent', async () => {
    for (const [method, url, body] of [
      ['POST', '/api/v1/incidents', { fatalities: 'many' }],
      ['PATCH', '/api/v1/incidents/x', {}],
      ['POST', '/api/v1/alert-rules', { kind: 'nothing' }],
      ['PUT', '/api/v1/early-warning/settings', []],
      ['GET', '/api/v1/incidents?limit=nothing&bbox=1', undefined],
      ['GET', '/api/v1/sitrep?from=yesterday', undefined],
    ] as const) {
      for (const spelled of [url, url.replace('/api/', '/%61pi/')]) {
        const answer = await demo.call(method, spelled, { body });
        expect(answer.status, `${method} ${spelled}`).toBe(401);
        expect(answer.body).toEqual({ code: 'ERR_UNAUTHENTICATED', message: 'Authentification requise.' });
      }
    }
    // Neither the JSON parser nor the content type is reached.
    const malformed = await demo.app.inject({ method: 'POST', url: '/%61pi/v1/incidents', headers: { 'content-type': 'application/json' }, payload: '{"nope' });
    expect(malformed.statusCode).toBe(401);
    const form = await demo.app.inject({
      method: 'POST',
      url: '/%61pi/v1/patrols/demo-patrol-launch/cancel',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(form.statusCode).toBe(401);
  });

  it('still answers its public routes without a token: health, login, the API document and the UI', async () => {
    expect((await demo.call('GET', '/healthz')).status).toBe(200);
    expect((await demo.call('GET', '/%68ealthz')).status).toBe(200);
    expect((await demo.call('POST', '/api/v1/auth/login', { body: { username: 'observer.ml', password: DEMO_PASSWORD } })).status).toBe(200);
    expect((await demo.call('GET', '/api/docs/json')).status).toBe(200);
    expect((await demo.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    const page = await demo.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Diboli</title>');
    expect((await demo.app.inject({ method: 'GET', url: '/index.html' })).statusCode).toBe(200);
    expect((await demo.app.inject({ method: 'HEAD', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers an unknown address with the catalogue’s 404, whoever asks', async () => {
    const anonymous = await demo.call('GET', '/api/v1/nothing-here');
    expect(anonymous).toEqual({ status: 404, body: { code: 'ERR_ROUTE_NOT_FOUND', message: 'Adresse inconnue.' } });
    expect((await demo.call('GET', '/api/v1/nothing-here', { as: 'observer.ml' })).status).toBe(404);
  });

  it('keeps the federation feed behind its own signed-request check', async () => {
    for (const url of ['/federation/v1/feed', '/%66ederation/v1/feed?after=0']) {
      const answer = await demo.call('GET', url);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('ERR_FEDERATION_UNAUTHENTICATED');
    }
    // A user's token is not a partner node's signature.
    expect((await demo.call('GET', '/federation/v1/feed', { as: 'coord.ml' })).body.code).toBe('ERR_FEDERATION_UNAUTHENTICATED');
  });
});
