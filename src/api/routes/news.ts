import { Type } from '@sinclair/typebox';
import { SOURCE_RELIABILITIES } from '../../contracts/vocabularies.js';
import { CANDIDATE_STATUSES } from '../../domain/news-event.js';
import { actorOf } from '../authentication.js';
import { ErrorSchema, IdParams } from '../schemas.js';
import { IncidentPatchSchema, IncidentShownSchema } from '../../contracts/incident.js';
import { vocabulary, NationCodeSchema, Nullable } from '../../contracts/schema-kit.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema, 502: ErrorSchema };

const ExtractedEventSchema = Type.Object({
  date: Nullable(Type.String()),
  date_precision: Nullable(Type.String()),
  location: Nullable(Type.String()),
  country: Nullable(Type.String()),
  admin1: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  event_type: Type.String(),
  sub_event_type: Type.String(),
  actors: Type.Array(Type.String()),
  fatalities: Nullable(Type.Integer()),
  evidence: Type.String(),
});

const CandidateSchema = Type.Object({
  id: Type.String(),
  articleId: Type.String(),
  rank: Type.Integer(),
  status: vocabulary(CANDIDATE_STATUSES),
  event: ExtractedEventSchema,
  incidentId: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  createdAt: Type.String(),
  article: Type.Optional(
    Type.Object({ id: Type.String(), title: Type.String(), url: Nullable(Type.String()), published: Nullable(Type.String()), source: Nullable(Type.String()) }),
  ),
});

const ArticleBody = Type.Object(
  {
    published: Nullable(Type.String({ format: 'date' })),
    title: Type.String({ maxLength: 1000 }),
    text: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const IngestResultSchema = Type.Object({ articleId: Type.String(), duplicate: Type.Boolean(), relevant: Type.Boolean(), candidates: Type.Integer() });
const ReviewSchema = Type.Object({ candidate: CandidateSchema, incident: Nullable(IncidentShownSchema) });
const AcceptBody = Type.Object(
  {
    edits: Type.Optional(IncidentPatchSchema),
    releasableTo: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 50, uniqueItems: true })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const RejectBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
const SourceBody = Type.Object(
  {
    kind: vocabulary(['feed', 'folder'] as const),
    location: Type.String({ minLength: 1, maxLength: 2000 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    reliability: Type.Optional(vocabulary(SOURCE_RELIABILITIES)),
    credibility: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
  },
  { additionalProperties: false },
);
const SourceSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  location: Type.String(),
  name: Type.String(),
  reliability: Type.String(),
  credibility: Type.Integer(),
  enabled: Type.Boolean(),
  lastFetchedAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

/** The analyst's review queue: articles in, candidate events out, each accepted, linked or rejected. */
export async function newsRoutes(app: TypedApp, { news }: Services): Promise<void> {
  app.post(
    '/api/v1/news/articles',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['news'],
        summary: 'Submit one news item; stored once, its candidate events queued for review',
        body: ArticleBody,
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
        body: AcceptBody,
        response: { 200: ReviewSchema, ...errors },
      },
    },
    async (request) => news.accept(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/news/candidates/:id/reject',
    { schema: { tags: ['news'], summary: 'Reject a candidate event', params: IdParams, body: RejectBody, response: { 200: ReviewSchema, ...errors } } },
    async (request) => news.reject(actorOf(request), request.params.id, request.body.note),
  );

  app.get(
    '/api/v1/news/sources',
    { schema: { tags: ['news'], summary: 'News sources of this node', response: { 200: Type.Array(SourceSchema), ...errors } } },
    async (request) => news.sources(actorOf(request)),
  );

  app.post(
    '/api/v1/news/sources',
    {
      schema: {
        tags: ['news'],
        summary: 'Register a feed or folder with its usual Admiralty grade',
        body: SourceBody,
        response: { 201: SourceSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await news.addSource(actorOf(request), request.body)),
  );
}
