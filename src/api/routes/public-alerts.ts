import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { DiboliError } from '../../domain/errors.js';
import { IdParams } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

/** Readers (sirens, radios, aggregators) may keep an answer this long; the node keeps its own copy as long. */
const CACHE_CONTROL = 'public, max-age=60';

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * The population's CAP feed, read without login: public because warning the population is its
 * purpose, and it carries only what the host nation raised for itself from its own records with a
 * rule marked public (see `mayReachPopulation`).
 */
export async function publicAlertRoutes(app: TypedApp, { populationFeed: feed }: Services): Promise<void> {
  app.get(
    '/api/v1/public/cap.atom',
    {
      config: { public: true },
      schema: {
        tags: ['alerts'],
        summary: 'Atom feed of the CAP 1.2 documents for the population (no login): this nation’s own public alerts, their Updates and Cancels',
        security: [],
        produces: ['application/atom+xml'],
        response: { 200: Type.String({ description: 'Atom 1.0' }), 404: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', CACHE_CONTROL)
        .send(await feed.feed(baseUrl(request))),
  );

  app.get(
    '/api/v1/public/alerts/:id/cap',
    {
      config: { public: true },
      schema: {
        tags: ['alerts'],
        summary: 'A CAP 1.2 document of the population’s feed (no login)',
        security: [],
        params: IdParams,
        produces: ['application/cap+xml'],
        response: { 200: Type.String({ description: 'CAP 1.2 XML' }), 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const document = await feed.document(id);
      if (document === undefined) throw new DiboliError('ERR_NOT_FOUND', { kind: 'alert', id });
      return reply.type('application/cap+xml; charset=utf-8').header('cache-control', CACHE_CONTROL).send(document);
    },
  );
}
