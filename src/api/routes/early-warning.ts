import { PatrolSchema } from '../../contracts/patrol.js';
import { Type } from '@sinclair/typebox';
import { THREAT_LEVELS } from '../../contracts/vocabularies.js';
import { requireVerb } from '../../domain/permissions.js';
import { actorOf } from '../authentication.js';
import { MIN_KM } from '../../domain/patrol-recommendation.js';
import { ErrorSchema, GeometrySchema, IdParams } from '../schemas.js';
import { IsoDateTime, vocabulary, NationCodeSchema, Nullable } from '../../contracts/schema-kit.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const Level = vocabulary(THREAT_LEVELS);

const OverrideSchema = Type.Object({
  section: Type.String(),
  level: Level,
  reason: Type.String(),
  setBy: Type.String(),
  setAt: Type.String(),
  expiresAt: Type.String(),
});

const LevelViewSchema = Type.Object({
  section: Type.String(),
  level: Level,
  source: vocabulary(['computed', 'override'] as const),
  computedLevel: Level,
  score: Type.Number(),
  override: Type.Optional(OverrideSchema),
  lastChangeAt: Nullable(Type.String()),
});

const HistoryEntrySchema = Type.Object({
  section: Type.String(),
  at: Type.String(),
  from: Nullable(Level),
  to: Level,
  source: Type.String(),
  score: Type.Number(),
  reason: Type.Optional(Type.String()),
});

const OverrideBody = Type.Object(
  {
    level: Level,
    // Checked by the rule (so that a missing or blank reason gets its own message and field).
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    expiresAt: IsoDateTime,
    startsAt: Type.Optional(IsoDateTime),
    releasableTo: Type.Optional(
      Type.Array(NationCodeSchema, {
        maxItems: 20,
        uniqueItems: true,
        description: 'Partners whose levels it applies to; default: as the mechanism releases incidents.',
      }),
    ),
  },
  { additionalProperties: false },
);

const WindowQuery = Type.Object({ from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime) }, { additionalProperties: false });

export const RecommendationBody = Type.Object(
  {
    from: IsoDateTime,
    to: IsoDateTime,
    maxLengthKm: Type.Number({ minimum: MIN_KM, maximum: 2000 }),
    nations: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 10, uniqueItems: true })),
    unitIds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200 })),
    stepKm: Type.Optional(Type.Number({ minimum: MIN_KM, maximum: 500 })),
    maxProposals: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3650 })),
  },
  { additionalProperties: false },
);

const ProposalSchema = Type.Object({
  rank: Type.Integer(),
  axis: Type.String(),
  axisName: Type.String(),
  fromKm: Type.Number(),
  toKm: Type.Number(),
  lengthKm: Type.Number(),
  route: GeometrySchema,
  units: Type.Array(Type.String()),
  window: Type.Object({ from: Type.String(), to: Type.String() }),
  score: Type.Number(),
  terms: Type.Array(
    Type.Object({
      section: Type.String(),
      level: Level,
      levelWeight: Type.Number(),
      staleness: Type.Number(),
      points: Type.Number(),
      daysSincePatrol: Nullable(Type.Number()),
    }),
  ),
  explanation: Type.Object({ fr: Type.String(), en: Type.String() }),
});

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
        response: { 200: Type.Object({ current: LevelViewSchema, history: Type.Array(HistoryEntrySchema) }), ...errors },
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
        body: OverrideBody,
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
          200: Type.Object({
            days: Type.Number(),
            at: Type.String(),
            sections: Type.Array(Type.Object({ section: Type.String(), at: Nullable(Type.String()), patrol: Nullable(Type.String()), level: Level })),
            gaps: Type.Array(
              Type.Object({ section: Type.String(), level: Level, lastPatrolledAt: Nullable(Type.String()), daysSincePatrol: Nullable(Type.Number()) }),
            ),
          }),
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
        body: RecommendationBody,
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
        body: RecommendationBody,
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
