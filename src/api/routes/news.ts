import { Type } from '@sinclair/typebox';
import { CANDIDATE_STATUSES } from '../../contracts/vocabularies.js';
import { actorOf } from '../authentication.js';
import { IdParams } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import { vocabulary } from '../../contracts/schema-kit.js';
import {
  CandidateSchema,
  ArticleRequestSchema,
  IngestResultSchema,
  CandidateReviewSchema,
  CandidateAcceptSchema,
  CandidateRejectSchema,
  NewsSourceRequestSchema,
  NewsSourceSchema,
} from '../../contracts/news.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema, 502: ErrorSchema };

/** The analyst's review queue: articles in, candidate events out, each accepted, linked or rejected. */
export async function newsRoutes(app: TypedApp, { news }: Services): Promise<void> {
  app.post(
    '/api/v1/news/articles',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['news'],
        summary: 'Submit one news item; stored once, its candidate events queued for review',
        body: ArticleRequestSchema,
        response: { 200: IngestResultSchema, 201: IngestResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await news.ingestAs(actor, request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/v1/news/candidates',
    {
      schema: {
        tags: ['news'],
        summary: 'Candidate events found in the news (national: never released)',
        querystring: Type.Object(
          { status: Type.Optional(vocabulary(CANDIDATE_STATUSES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(CandidateSchema), ...errors },
      },
    },
    async (request) => {
      const { status, limit } = request.query;
      return news.candidates(actorOf(request), status, limit);
    },
  );

  app.post(
    '/api/v1/news/candidates/:id/accept',
    {
      schema: {
        tags: ['news'],
        summary: 'Accept (with corrections): becomes an incident sourced to the article, or is linked to the same incident already recorded',
        params: IdParams,
        body: CandidateAcceptSchema,
        response: { 200: CandidateReviewSchema, ...errors },
      },
    },
    async (request) => news.accept(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/news/candidates/:id/reject',
    {
      schema: {
        tags: ['news'],
        summary: 'Reject a candidate event',
        params: IdParams,
        body: CandidateRejectSchema,
        response: { 200: CandidateReviewSchema, ...errors },
      },
    },
    async (request) => news.reject(actorOf(request), request.params.id, request.body.note),
  );

  app.get(
    '/api/v1/news/sources',
    { schema: { tags: ['news'], summary: 'News sources of this node', response: { 200: Type.Array(NewsSourceSchema), ...errors } } },
    async (request) => news.sources(actorOf(request)),
  );

  app.post(
    '/api/v1/news/sources',
    {
      schema: {
        tags: ['news'],
        summary: 'Register a feed or folder with its usual Admiralty grade',
        body: NewsSourceRequestSchema,
        response: { 201: NewsSourceSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await news.addSource(actorOf(request), request.body)),
  );
}
