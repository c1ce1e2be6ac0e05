import { type Static, Type } from '@sinclair/typebox';
import { IncidentPatchSchema, IncidentShownSchema } from './incident.js';
import { Nullable, ReleasableToSchema, vocabulary } from './schema-kit.js';
import { CANDIDATE_STATUSES, SOURCE_RELIABILITIES } from './vocabularies.js';

// The news monitor as the API takes and shows it: articles in, candidate events out for an
// analyst's review, and the sources the node reads. The web's types come from here.

export const ExtractedEventSchema = Type.Object({
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

export const CandidateSchema = Type.Object({
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

export const ArticleRequestSchema = Type.Object(
  {
    published: Nullable(Type.String({ format: 'date' })),
    title: Type.String({ maxLength: 1000 }),
    text: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const IngestResultSchema = Type.Object({ articleId: Type.String(), duplicate: Type.Boolean(), relevant: Type.Boolean(), candidates: Type.Integer() });
export const CandidateReviewSchema = Type.Object({ candidate: CandidateSchema, incident: Nullable(IncidentShownSchema) });
export const CandidateAcceptSchema = Type.Object(
  {
    edits: Type.Optional(IncidentPatchSchema),
    releasableTo: Type.Optional(ReleasableToSchema),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const CandidateRejectSchema = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const NewsSourceRequestSchema = Type.Object(
  {
    kind: vocabulary(['feed', 'folder'] as const),
    location: Type.String({ minLength: 1, maxLength: 2000 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    reliability: Type.Optional(vocabulary(SOURCE_RELIABILITIES)),
    credibility: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
  },
  { additionalProperties: false },
);
export const NewsSourceSchema = Type.Object({
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

export type ExtractedEventShown = Static<typeof ExtractedEventSchema>;
export type Candidate = Static<typeof CandidateSchema>;
export type CandidateReview = Static<typeof CandidateReviewSchema>;
export type ArticleRequest = Static<typeof ArticleRequestSchema>;
export type IngestResult = Static<typeof IngestResultSchema>;
export type NewsSourceRequest = Static<typeof NewsSourceRequestSchema>;
export type NewsSource = Static<typeof NewsSourceSchema>;
