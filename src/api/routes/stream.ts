import { Type } from '@sinclair/typebox';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../authentication.js';
import { ErrorSchema } from '../schemas.js';
import type { Services } from '../services.js';

/** Comment lines keep idle connections open through proxies that cut silent ones. */
const HEARTBEAT_MS = 25_000;

export async function streamRoutes(app: FastifyInstance, { liveStream }: Services): Promise<void> {
  const open = new Set<ServerResponse>();
  // A stream never ends by itself: closing the server ends them, or it would wait forever.
  app.addHook('preClose', async () => {
    for (const socket of open) socket.end();
  });

  app.get(
    '/api/v1/stream',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Server-sent events: alerts, level changes and record changes the caller may see',
        description: 'Events: `alert`, `level`, `incident`, `patrol`, `positions`, and `incident-removed` / `patrol-removed` when a record stops being visible.',
        produces: ['text/event-stream'],
        response: { 200: Type.String(), 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const socket = reply.raw;
      socket.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      socket.write('retry: 3000\n: connected\n\n');
      request.raw.socket.setNoDelay(true);
      const remove = liveStream.add({ nation: actor.nation, send: (frame) => socket.write(frame) });
      const heartbeat = setInterval(() => socket.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      open.add(socket);
      const close = () => {
        open.delete(socket);
        clearInterval(heartbeat);
        remove();
      };
      request.raw.once('close', close);
      socket.once('close', close);
    },
  );
}
