import { PatrolSchema } from '../../contracts/patrol.js';
import { Type } from '@sinclair/typebox';
import { requireVerb } from '../../domain/permissions.js';
import { actorOf } from '../authentication.js';
import { IdParams } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IsoDateTime } from '../../contracts/schema-kit.js';
import {
  LevelViewSchema,
  OverrideRequestSchema,
  RecommendationRequestSchema,
  ProposalSchema,
  SectionHistorySchema,
  CoverageSchema,
} from '../../contracts/early-warning.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const WindowQuery = Type.Object({ from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime) }, { additionalProperties: false });

/** The draft a recommendation becomes: the patrol's planned fields, before any approval. */
const DraftPatrolSchema = Type.Pick(PatrolSchema, [
  'id',
  'owner',
  'releasableTo',
  'name',
  'kind',
  'status',
  'nations',
  'unitIds',
  'axisId',
  'route',
  'plannedStart',
  'plannedEnd',
  'version',
]);

const SettingsSchema = Type.Record(Type.String(), Type.Any(), {
  description: 'Early-warning parameters (see docs/early-warning.md); merged over the defaults.',
});

/** Threat levels, overrides, settings, coverage and patrol recommendations. */
export async function earlyWarningRoutes(app: TypedApp, { earlyWarning }: Services): Promise<void> {
  app.get(
    '/api/v1/sections/levels',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Each section’s level now, as the caller’s nation sees it: score, computed level, override in force',
        response: { 200: Type.Array(LevelViewSchema), ...errors },
      },
    },
    async (request) => earlyWarning.sectionLevels(actorOf(request)),
  );

  app.get(
    '/api/v1/sections/:id/history',
    {
      schema: {
        tags: ['early warning'],
        summary: 'A section’s level now and its history of level changes',
        params: IdParams,
        querystring: WindowQuery,
        response: { 200: SectionHistorySchema, ...errors },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return earlyWarning.history(actorOf(request), request.params.id, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
    },
  );

  app.post(
    '/api/v1/sections/:id/override',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Force a section’s level until an expiry, for the nations the override is released to (coordinator; reason required)',
        params: IdParams,
        body: OverrideRequestSchema,
        response: { 200: LevelViewSchema, ...errors },
      },
    },
    async (request) => earlyWarning.override(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/sections/:id/override',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Lift the override in force on a section before its expiry (the coordinator who set it); the computed level shows again',
        params: IdParams,
        response: { 200: LevelViewSchema, ...errors },
      },
    },
    async (request) => earlyWarning.liftOverride(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/sections/recompute',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Full recompute of every section’s score and level from all incidents',
        response: { 200: Type.Array(LevelViewSchema), ...errors },
      },
    },
    async (request) => {
      requireVerb(actorOf(request), 'early-warning.recompute');
      await earlyWarning.recompute();
      return earlyWarning.sectionLevels(actorOf(request));
    },
  );

  app.get(
    '/api/v1/early-warning/settings',
    { schema: { tags: ['early warning'], summary: 'The parameters in force', response: { 200: SettingsSchema, ...errors } } },
    async () => earlyWarning.settings(),
  );

  app.put(
    '/api/v1/early-warning/settings',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Change the parameters (half-life, weights, thresholds…); every level is recomputed',
        body: SettingsSchema,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) => earlyWarning.updateSettings(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/coverage',
    {
      schema: {
        tags: ['early warning'],
        summary: 'When each section was last patrolled, and the gaps (medium or above, not patrolled within `days`)',
        querystring: Type.Object({ days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3650 })) }, { additionalProperties: false }),
        response: {
          200: CoverageSchema,
          ...errors,
        },
      },
    },
    async (request) => earlyWarning.coverage(actorOf(request), request.query.days),
  );

  app.post(
    '/api/v1/recommendations',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Joint patrol routes along the axes that best cover the threat-weighted gaps, each score explained',
        body: RecommendationRequestSchema,
        response: { 200: Type.Array(ProposalSchema), ...errors },
      },
    },
    async (request) => earlyWarning.recommend(actorOf(request), request.body),
  );

  const DraftParams = Type.Object({ n: Type.Integer({ minimum: 1, maximum: 50 }) });
  app.post(
    '/api/v1/recommendations/:n/draft',
    {
      schema: {
        tags: ['early warning'],
        summary: 'Turn proposal n of the same request into a draft patrol',
        params: DraftParams,
        body: RecommendationRequestSchema,
        response: { 201: Type.Object({ proposal: ProposalSchema, patrol: DraftPatrolSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const { n } = request.params;
      const result = await earlyWarning.draftFromProposal(actorOf(request), request.body, n);
      return reply.status(201).send(result);
    },
  );
}
