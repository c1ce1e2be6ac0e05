import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TaggedBytes } from '../../services/basemap-service.js';
import { ErrorSchema } from '../../contracts/error.js';
import { sendGzipped, sendNoBody } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };
const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 24 }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});
const GlyphParams = Type.Object({ fontstack: Type.String({ minLength: 1, maxLength: 200 }), range: Type.String({ minLength: 1, maxLength: 20 }) });
const CACHE = 'private, max-age=86400';

/** The browser's own address for the node, so that every URL of the style points back here. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The same bytes for the same ETag: a map reloaded asks again and gets 304 without a body. */
function sendCached(request: FastifyRequest, reply: FastifyReply, { etag, gzipped }: TaggedBytes, type: string) {
  reply.header('etag', etag).header('cache-control', CACHE);
  if (request.headers['if-none-match'] === etag) return sendNoBody(reply.code(304));
  return sendGzipped(request, reply.type(type), gzipped);
}

/**
 * The basemap, served by the node itself: its style, vector tiles and label glyphs. They carry
 * only reference geography (no record of any nation), the same for every logged-in user.
 */
export async function mapRoutes(app: TypedApp, { basemap }: Services): Promise<void> {
  app.get(
    '/api/v1/map/style.json',
    {
      schema: {
        tags: ['geography'],
        summary: 'The MapLibre style of the basemap, every URL on this node',
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      return basemap.style(originOf(request));
    },
  );

  app.get(
    '/api/v1/map/basemap/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['geography'],
        summary: 'One vector tile (MVT) of the basemap: places, rivers, lakes, roads, boundaries',
        params: TileParams,
        produces: ['application/vnd.mapbox-vector-tile'],
        response: { 200: Type.String({ format: 'binary' }), 304: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { z, x, y } = request.params;
      return sendCached(request, reply, await basemap.tile(z, x, y), 'application/vnd.mapbox-vector-tile');
    },
  );

  app.get(
    '/api/v1/map/glyphs/:fontstack/:range.pbf',
    {
      schema: {
        tags: ['geography'],
        summary: 'Label glyphs (signed distance fields) of a font, by blocks of 256 code points',
        params: GlyphParams,
        produces: ['application/x-protobuf'],
        response: { 200: Type.String({ format: 'binary' }), 304: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { fontstack, range } = request.params;
      return sendCached(request, reply, await basemap.glyphRange(fontstack, range), 'application/x-protobuf');
    },
  );
}
