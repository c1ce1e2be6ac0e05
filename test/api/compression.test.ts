import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

let demo: DemoNode;
let webRoot: string;
const SCRIPT = 'console.log("' + 'the picture '.repeat(400) + '");\n';

beforeAll(async () => {
  // A small built UI, compressed by the same script as the real build.
  webRoot = mkdtempSync(join(tmpdir(), 'diboli-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><script type="module" src="/assets/app-0f1e2d.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'app-0f1e2d.js'), SCRIPT);
  execFileSync(process.execPath, ['scripts/compress-web.mjs', webRoot]);
  demo = await startDemoNode({ webRoot });
});

afterAll(async () => {
  await demo.close();
  rmSync(webRoot, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string>) {
  return demo.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await demo.token('coord.ml')}`, ...headers } });
}

describe('what goes over the wire', () => {
  it('gzips the incident feed for a client that accepts it, and only then', async () => {
    const plain = await get('/api/v1/incidents', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get('/api/v1/incidents', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const unzipped = gunzipSync(zipped.rawPayload);
    expect(unzipped.length).toBeGreaterThan(zipped.rawPayload.length * 3);
    expect(JSON.parse(unzipped.toString('utf8'))).toEqual(plain.json());
  });

  it('answers an encoding it does not know with the plain JSON', async () => {
    const answer = await get('/api/v1/incidents', { 'accept-encoding': 'x-unknown;q=1' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.json().type).toBe('FeatureCollection');
  });

  it('leaves small answers as they are', async () => {
    const health = await get('/healthz', { 'accept-encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('serves the UI’s files compressed at build time, assets for good and the page checked each time', async () => {
    const script = await get('/assets/app-0f1e2d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.rawPayload.equals(readFileSync(join(webRoot, 'assets', 'app-0f1e2d.js.br')))).toBe(true);
    expect(script.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzipOnly = await get('/assets/app-0f1e2d.js', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gzipOnly.rawPayload).toString('utf8')).toBe(SCRIPT);
    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(page.rawPayload).toString('utf8')).toContain('/assets/app-0f1e2d.js');
  });
});
