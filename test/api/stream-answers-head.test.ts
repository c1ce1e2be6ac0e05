import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Fastify answers HEAD on every GET route. The live stream's HEAD wrote its headers into a
// body-less answer that never ended: Node sends such headers with the first byte of a body, which
// a HEAD answer never has, so the caller waited for ever while the node held a subscriber for it.

let demo: DemoNode;
let origin: string;

beforeAll(async () => {
  demo = await startDemoNode();
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => demo.close());

/** Status, content type and whether the answer ended, or an error when nothing came back in time. */
function head(token?: string): Promise<{ status: number; type: string; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    // A guard against waiting for ever, not a measure of speed.
    const request = httpRequest(`${origin}/api/v1/stream`, { method: 'HEAD', headers, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), ended: true }));
    });
    request.on('timeout', () => {
      request.destroy();
      reject(new Error('HEAD /api/v1/stream: no answer'));
    });
    request.on('error', reject);
    request.end();
  });
}

it('answers HEAD on the live stream with its headers, and ends the answer', async () => {
  expect(await head(await demo.token('observer.ml'))).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8', ended: true });
});

it('still asks for a token first', async () => {
  expect((await head()).status).toBe(401);
});
