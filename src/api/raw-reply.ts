import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// A route's answer is typed from its response schema (`TypedApp`). Two kinds of answer have no
// value for the serializer to write, and are sent here, the one place replies leave those types.

/**
 * Bytes made before the reply (a vector tile, a PDF, a list already compressed, a download
 * stream): sent as they are, so the route's schema describes the document they hold.
 */
export function sendBytes(reply: FastifyReply, body: Buffer | Readable | string): FastifyReply {
  return reply.send(body);
}

/** An answer without a body (204 No Content, 304 Not Modified). */
export function sendNoBody(reply: FastifyReply): FastifyReply {
  return reply.send();
}
