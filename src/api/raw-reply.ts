import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/**
 * Bytes kept gzipped (the map's tiles): sent as they are, named gzip, to a client that takes gzip
 * (every browser); inflated for one that does not.
 */
export function sendGzipped(request: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  reply.header('Vary', 'Accept-Encoding');
  if (negotiate(request.headers['accept-encoding'] ?? '', ['gzip']) === 'gzip') return reply.header('Content-Encoding', 'gzip').send(body);
  return reply.send(gunzipSync(body));
}
