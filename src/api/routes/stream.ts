import { Type } from '@sinclair/typebox';
import type { ServerResponse } from 'node:http';

import { actorOf, bearerToken } from '../authentication.js';
import { ErrorSchema } from '../../contracts/error.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

/** Comment lines keep idle connections open through proxies that cut silent ones. */
const HEARTBEAT_MS = 25_000;

export async function streamRoutes(app: TypedApp, { liveStream, auth }: Services): Promise<void> {
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
        description:
          'Events: `alert`, `level`, `incident`, `patrol`, `positions`, and `incident-removed` / `patrol-removed` when a record stops being visible. ' +
          'Ids count the frames of the caller’s nation and go on across restarts: with `Last-Event-ID` the frames missed since that id are sent first ' +
          '(or `reset` when they are no longer kept: reload), without it a `ready` frame gives the id to come back with. ' +
          'The stream ends with a `session-ended` event when its session does (logout, expiry, second factor reset, user removed).',
        produces: ['text/event-stream'],
        response: { 200: Type.String(), 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const session = await auth.sessionOf(bearerToken(request) ?? '');
      reply.hijack();
      const socket = reply.raw;
      socket.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // HEAD gets the headers only: a body-less answer held open would send them never.
      if (request.method === 'HEAD') return void socket.end();
      socket.write('retry: 3000\n: connected\n\n');
      request.raw.socket.setNoDelay(true);
      const lastEventId = request.headers['last-event-id'];
      const remove = liveStream.attach(
        {
          nation: actor.nation,
          send: (frame) => void (socket.writableEnded || socket.destroyed || socket.write(frame)),
          drained: () =>
            socket.writableNeedDrain
              ? new Promise<void>((resolve) => {
                  socket.once('drain', () => resolve());
                  socket.once('close', () => resolve());
                })
              : Promise.resolve(),
        },
        typeof lastEventId === 'string' ? lastEventId : undefined,
      );
      const heartbeat = setInterval(() => socket.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      open.add(socket);
      // What the session let through ends with it: the client is told, then the stream closes.
      const unwatch = auth.sessions.watch(session, () => {
        socket.write('event: session-ended\ndata: {}\n\n');
        socket.end();
      });
      const close = () => {
        open.delete(socket);
        clearInterval(heartbeat);
        remove();
        unwatch();
      };
      request.raw.once('close', close);
      socket.once('close', close);
    },
  );
}
