import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { TypedApp } from '../../src/api/typed-app.js';

// A route's answer is typed from its response schema, as its request is: an answer that drifts
// from the document the API publishes does not compile. The `@ts-expect-error` lines below are
// checked by `tsc -p tsconfig.json` (part of `npm test`): were replies untyped again, the
// directives would be unused and the type check would fail.

const Count = Type.Object({ section: Type.String(), incidents: Type.Integer() });

function app(): TypedApp {
  return Fastify() as unknown as TypedApp;
}

describe('a route answers what its schema says', () => {
  it('compiles and sends an answer that fits, refuses to compile one that does not', async () => {
    const server = app();
    server.get('/fits', { schema: { response: { 200: Count } } }, async () => ({ section: 'ML-SN-04', incidents: 3 }));
    // @ts-expect-error: a count written as text is not the schema's integer
    server.get('/drifts', { schema: { response: { 200: Count } } }, async () => ({ section: 'ML-SN-04', incidents: 'three' }));
    server.get('/sent', { schema: { response: { 200: Count } } }, async (_request, reply) =>
      // @ts-expect-error: a field the schema does not have, and one it needs missing
      reply.send({ section: 'ML-SN-04', count: 3 }),
    );
    const answer = await server.inject({ method: 'GET', url: '/fits' });
    expect(answer.json()).toEqual({ section: 'ML-SN-04', incidents: 3 });
    await server.close();
  });
});
