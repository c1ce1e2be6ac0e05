import { type Static, Type } from '@sinclair/typebox';
import { IdSchema, IsoDateTime, LineStringSchema, NationCodeSchema, Nullable, recordIdentity, ReleasableToSchema, vocabulary } from './schema-kit.js';
import { PATROL_KINDS, PATROL_STATUSES } from './vocabularies.js';

// The patrol, written once: the record its owner's node stores and releases, what a planner
// sends, and the patrol as the API shows it. Types, HTTP schemas, the federation's check of a
// received copy and the web's types come from here.

const field = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: vocabulary(PATROL_KINDS),
  nations: Type.Array(NationCodeSchema, { maxItems: 10, uniqueItems: true }),
  unitIds: Type.Array(IdSchema, { maxItems: 50 }),
  axisId: Nullable(IdSchema),
  route: Nullable(LineStringSchema),
  plannedStart: IsoDateTime,
  plannedEnd: IsoDateTime,
  leaderUserId: Nullable(IdSchema),
  reporterUserIds: Type.Array(IdSchema, { maxItems: 50, uniqueItems: true }),
};

/** A nation's approval as the patrol holds it. */
export const PatrolApprovalSchema = Type.Object({ nation: NationCodeSchema, userId: IdSchema, at: IsoDateTime }, { additionalProperties: false });
export type PatrolApproval = Static<typeof PatrolApprovalSchema>;

const lifecycle = {
  status: vocabulary(PATROL_STATUSES),
  /** Participating nations: every one of them must approve. */
  nations: field.nations,
  approvals: Type.Array(PatrolApprovalSchema, { maxItems: 10 }),
  startedAt: Nullable(IsoDateTime),
  completedAt: Nullable(IsoDateTime),
};

const stated = {
  ...recordIdentity,
  /** Short code for SMS and radio (`ML-48213`), given by the owner node at creation and never changed. */
  code: Type.String({
    pattern: '^[A-Z]{2}-[1-9][0-9]{0,8}$',
    description: 'Short code for SMS and radio (`ML-48213`): owner nation and a number drawn from the patrol id; never changes',
  }),
  name: field.name,
  kind: field.kind,
  axisId: field.axisId,
  route: field.route,
  plannedStart: field.plannedStart,
  plannedEnd: field.plannedEnd,
  debrief: Nullable(Type.String({ maxLength: 20_000 })),
  /** The patrol leader, a user of the owner node: reports for the patrol from the field. */
  leaderUserId: field.leaderUserId,
  /** Further users of the owner node who may report for it from the field. */
  reporterUserIds: field.reporterUserIds,
  ...lifecycle,
};

/** The patrol as its owner's node stores it and releases it to partners. */
export const PatrolSchema = Type.Object({ ...stated, unitIds: field.unitIds, createdBy: Nullable(IdSchema) });
export type Patrol = Static<typeof PatrolSchema>;

/** A unit as a patrol shows it. */
export const PatrolUnitSchema = Type.Object({
  id: Type.String(),
  nation: NationCodeSchema,
  name: Type.String(),
  callSign: Type.String(),
  parentId: Nullable(Type.String()),
});

/** The patrol as the API shows it: its units spelled out and the nations still to approve. */
const shown = { ...stated, units: Type.Array(PatrolUnitSchema), pendingApprovals: Type.Array(NationCodeSchema) };
export const PatrolShownSchema = Type.Object(shown, { $id: 'Patrol' });
export type PatrolShown = Static<typeof PatrolShownSchema>;
/** The same, as an item of a JSON list. */
export const PatrolItemSchema = Type.Object(shown);
/** The same, as the properties of a GeoJSON feature whose geometry is the route. */
const { route: _route, ...shownAsFeature } = shown;
export const PatrolPropertiesSchema = Type.Object(shownAsFeature);

/** A patrol's track from its position reports: no geometry without any, a Point for one, a LineString from two. */
export const TrackSchema = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Nullable(Type.Union([LineStringSchema, Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) })])),
  properties: Type.Object({ patrolId: Type.String(), positions: Type.Integer(), times: Type.Array(Type.String()) }),
});
export type Track = Static<typeof TrackSchema>;

/** What a planner states of a patrol (`POST /patrols`); the node derives the rest. */
export const PatrolInputSchema = Type.Object(
  {
    name: field.name,
    kind: field.kind,
    nations: Type.Optional(field.nations),
    /** A planner names at least one unit; a stored patrol may have lost its units since. */
    unitIds: Type.Array(IdSchema, { minItems: 1, maxItems: field.unitIds.maxItems }),
    axisId: Type.Optional(field.axisId),
    route: Type.Optional(field.route),
    plannedStart: field.plannedStart,
    plannedEnd: field.plannedEnd,
    releasableTo: Type.Optional(ReleasableToSchema),
    leaderUserId: Type.Optional(field.leaderUserId),
    reporterUserIds: Type.Optional(field.reporterUserIds),
  },
  { additionalProperties: false },
);
export type PatrolInput = Static<typeof PatrolInputSchema>;

/** A change to a draft (`PATCH /patrols/:id`): the fields given replace the draft's. */
export const PatrolPatchSchema = Type.Partial(PatrolInputSchema, { additionalProperties: false, minProperties: 1 });
export type PatrolPatch = Static<typeof PatrolPatchSchema>;
