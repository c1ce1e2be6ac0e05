import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, LineStringSchema, NationCodeSchema, Nullable, vocabulary } from './schema-kit.js';
import { MIN_STRETCH_KM, THREAT_LEVELS } from './vocabularies.js';

// Early warning as the API takes and shows it: section levels and their history, overrides,
// coverage and patrol recommendations. The web's types come from here; the rules that compute
// them are in src/domain (threat-level, coverage, patrol-recommendation).

const Level = vocabulary(THREAT_LEVELS);

export const OverrideSchema = Type.Object({
  section: Type.String(),
  level: Level,
  reason: Type.String(),
  setBy: Type.String(),
  setAt: Type.String(),
  expiresAt: Type.String(),
});

export const LevelViewSchema = Type.Object({
  section: Type.String(),
  level: Level,
  source: vocabulary(['computed', 'override'] as const),
  computedLevel: Level,
  score: Type.Number(),
  override: Type.Optional(OverrideSchema),
  lastChangeAt: Nullable(Type.String()),
});

export const HistoryEntrySchema = Type.Object({
  section: Type.String(),
  at: Type.String(),
  from: Nullable(Level),
  to: Level,
  source: Type.String(),
  score: Type.Number(),
  reason: Type.Optional(Type.String()),
});

export const OverrideRequestSchema = Type.Object(
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

export const RecommendationRequestSchema = Type.Object(
  {
    from: IsoDateTime,
    to: IsoDateTime,
    maxLengthKm: Type.Number({ minimum: MIN_STRETCH_KM, maximum: 2000 }),
    nations: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 10, uniqueItems: true })),
    unitIds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200 })),
    stepKm: Type.Optional(Type.Number({ minimum: MIN_STRETCH_KM, maximum: 500 })),
    maxProposals: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const ProposalSchema = Type.Object({
  rank: Type.Integer(),
  axis: Type.String(),
  axisName: Type.String(),
  fromKm: Type.Number(),
  toKm: Type.Number(),
  lengthKm: Type.Number(),
  route: LineStringSchema,
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

/** `GET /sections/:id/history`: the level now and its changes. */
export const SectionHistorySchema = Type.Object({ current: LevelViewSchema, history: Type.Array(HistoryEntrySchema) });

/** `GET /coverage`: when each section was last patrolled, with its level, and the gaps. */
export const CoverageSchema = Type.Object({
  days: Type.Number(),
  at: Type.String(),
  sections: Type.Array(Type.Object({ section: Type.String(), at: Nullable(Type.String()), patrol: Nullable(Type.String()), level: Level })),
  gaps: Type.Array(Type.Object({ section: Type.String(), level: Level, lastPatrolledAt: Nullable(Type.String()), daysSincePatrol: Nullable(Type.Number()) })),
});

export type LevelView = Static<typeof LevelViewSchema>;
export type SectionHistory = Static<typeof SectionHistorySchema>;
export type OverrideRequest = Static<typeof OverrideRequestSchema>;
export type Coverage = Static<typeof CoverageSchema>;
export type RecommendationRequest = Static<typeof RecommendationRequestSchema>;
export type ProposalShown = Static<typeof ProposalSchema>;
