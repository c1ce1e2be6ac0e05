import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EVENT_TYPE_NAMES } from '../domain/event-types.js';
import { type InformationCredibility, DATE_PRECISIONS, GEO_PRECISIONS, INCIDENT_STATUSES, SOURCE_KINDS, SOURCE_RELIABILITIES } from '../domain/incident.js';
import { PATROL_KINDS, REPORTED_VIA } from '../domain/patrol.js';
import { PATROL_STATUSES } from '../domain/patrol-lifecycle.js';
import { ROLES } from '../domain/user.js';

export const literals = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const NationCodeSchema = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export const IsoDateTime = Type.String({ format: 'date-time' });
/** A date or date-time: incidents are often known to the day only. */
export const IsoDateOrDateTime = Type.String({ anyOf: [{ format: 'date' }, { format: 'date-time' }] });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'Every field the request’s schema refused, each once (the first is also `field`)',
      }),
    ),
  },
  { $id: 'Error', description: 'A coded error; the message follows Accept-Language (fr by default, en).' },
);

export const LatLonSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

/** GeoJSON geometry passed through as is (RFC 7946); its shape is checked where it matters. */
export const GeometrySchema = Type.Object({ type: Type.String(), coordinates: Type.Any() });
export const LineStringSchema = Type.Object(
  {
    type: Type.Literal('LineString'),
    coordinates: Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), {
      minItems: 2,
      maxItems: 10_000,
    }),
  },
  { additionalProperties: false },
);

export const featureCollectionOf = <P extends TSchema>(properties: P, geometry: TSchema = GeometrySchema) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.Optional(Type.String()), geometry, properties })),
  });

export const SourceSchema = Type.Object(
  {
    kind: literals(SOURCE_KINDS),
    name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    reliability: Type.Optional(Nullable(literals(SOURCE_RELIABILITIES))),
    credibility: Type.Optional(Nullable(Type.Unsafe<InformationCredibility>(Type.Integer({ minimum: 1, maximum: 6 })))),
  },
  { additionalProperties: false },
);

const Count = Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }));

export const IncidentInputSchema = Type.Object(
  {
    occurredAt: IsoDateOrDateTime,
    datePrecision: Type.Optional(literals(DATE_PRECISIONS)),
    location: LatLonSchema,
    geoPrecision: Type.Optional(literals(GEO_PRECISIONS)),
    placeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    eventType: Type.String({ minLength: 1, maxLength: 100, description: `One of: ${EVENT_TYPE_NAMES.join(', ')}` }),
    subEventType: Type.String({ minLength: 1, maxLength: 100 }),
    actors: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
    fatalities: Type.Optional(Count),
    injured: Type.Optional(Count),
    abducted: Type.Optional(Count),
    narrative: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    source: Type.Optional(SourceSchema),
    status: Type.Optional(literals(INCIDENT_STATUSES)),
    releasableTo: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type IncidentInputBody = Static<typeof IncidentInputSchema>;
export const IncidentPatchSchema = Type.Partial(IncidentInputSchema, { additionalProperties: false, minProperties: 1 });

const incidentFields = {
  id: Type.String(),
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  section: Nullable(Type.String()),
  occurredAt: IsoDateTime,
  datePrecision: Type.String(),
  geoPrecision: Type.String(),
  placeName: Nullable(Type.String()),
  eventType: Type.String(),
  subEventType: Type.String(),
  actors: Type.Array(Type.String()),
  fatalities: Count,
  injured: Count,
  abducted: Count,
  narrative: Nullable(Type.String()),
  source: Type.Object({
    kind: Type.String(),
    name: Nullable(Type.String()),
    reliability: Nullable(Type.String()),
    credibility: Nullable(Type.Integer()),
  }),
  status: Type.String(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
export const IncidentPropertiesSchema = Type.Object(incidentFields);
export const IncidentSchema = Type.Object({ ...incidentFields, location: LatLonSchema }, { $id: 'Incident' });

export const IncidentVersionSchema = Type.Object({
  version: Type.Integer(),
  recordedAt: IsoDateTime,
  recordedBy: Nullable(Type.Object({ username: Type.String(), displayName: Type.String(), nation: NationCodeSchema })),
  incident: Type.Object({ ...incidentFields, location: LatLonSchema }),
});

/** The incident list's free-text filter, shared by the list and its exports. */
export const IncidentTextQuery = Type.Optional(
  Type.String({
    maxLength: 200,
    description:
      'Free text: every word, in any case and with or without accents, in the narrative, place, actors, source, id or type names (French or English)',
  }),
);

export const IncidentQuerySchema = Type.Object(
  {
    bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
    from: Type.Optional(IsoDateOrDateTime),
    to: Type.Optional(IsoDateOrDateTime),
    eventType: Type.Optional(Type.String()),
    section: Type.Optional(Type.String()),
    owner: Type.Optional(NationCodeSchema),
    status: Type.Optional(literals(INCIDENT_STATUSES)),
    q: IncidentTextQuery,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50_000, default: 5000 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const PatrolInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: literals(PATROL_KINDS),
    nations: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 10, uniqueItems: true })),
    unitIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50 }),
    axisId: Type.Optional(Nullable(Type.String())),
    route: Type.Optional(Nullable(LineStringSchema)),
    plannedStart: IsoDateTime,
    plannedEnd: IsoDateTime,
    releasableTo: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 50, uniqueItems: true })),
    leaderUserId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    reporterUserIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const PatrolPatchSchema = Type.Partial(PatrolInputSchema, { additionalProperties: false, minProperties: 1 });

export const UnitSchema = Type.Object({
  id: Type.String(),
  nation: NationCodeSchema,
  name: Type.String(),
  callSign: Type.String(),
  parentId: Nullable(Type.String()),
});

const patrolFields = {
  id: Type.String(),
  code: Type.String({ description: 'Short code for SMS and radio (`ML-12`): owner nation and a number; never changes' }),
  leaderUserId: Nullable(Type.String()),
  reporterUserIds: Type.Array(Type.String()),
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  name: Type.String(),
  kind: Type.String(),
  status: literals(PATROL_STATUSES),
  nations: Type.Array(NationCodeSchema),
  units: Type.Array(UnitSchema),
  axisId: Nullable(Type.String()),
  route: Nullable(GeometrySchema),
  plannedStart: IsoDateTime,
  plannedEnd: IsoDateTime,
  startedAt: Nullable(IsoDateTime),
  completedAt: Nullable(IsoDateTime),
  debrief: Nullable(Type.String()),
  approvals: Type.Array(Type.Object({ nation: NationCodeSchema, userId: Type.String(), at: IsoDateTime })),
  pendingApprovals: Type.Array(NationCodeSchema),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
export const PatrolSchema = Type.Object(patrolFields, { $id: 'Patrol' });
/** A patrol as an item of a JSON list (the same fields, inline). */
export const PatrolItemSchema = Type.Object(patrolFields);
/** A patrol in the list, a GeoJSON Feature whose geometry is its route. */
export const PatrolPropertiesSchema = Type.Object(
  Object.fromEntries(Object.entries(patrolFields).filter(([name]) => name !== 'route')) as Omit<typeof patrolFields, 'route'>,
);

/** A reporting device's own id for a record: the same id again is the same record. */
export const ClientIdSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const FieldChannelSchema = Type.Optional(
  Type.Union([Type.Literal('api'), Type.Literal('field')], {
    description: '`field` when sent by the field app: then only the patrol’s leader and reporters may send it',
  }),
);
const CountSchema = Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })));

export const PositionsBodySchema = Type.Object(
  {
    positions: Type.Array(
      Type.Object(
        {
          at: IsoDateTime,
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
          clientId: Type.Optional(ClientIdSchema),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100_000 },
    ),
    reportedVia: FieldChannelSchema,
  },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  nation: NationCodeSchema,
  role: literals(ROLES),
});

export const ObservationInputSchema = Type.Object(
  {
    at: IsoDateTime,
    location: Type.Optional(Nullable(LatLonSchema)),
    text: Type.Optional(Type.String({ maxLength: 5000, description: 'May be empty when eventType is given' })),
    clientId: Type.Optional(ClientIdSchema),
    eventType: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    counts: Type.Optional(Type.Object({ people: CountSchema, fatalities: CountSchema, injured: CountSchema }, { additionalProperties: false })),
    reportedVia: FieldChannelSchema,
  },
  { additionalProperties: false },
);

export const PhotoRefSchema = Type.Object({ sha256: Type.String(), contentType: Type.String(), bytes: Type.Integer() });

export const ObservationSchema = Type.Object({
  id: Type.String(),
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  patrolId: Type.String(),
  at: IsoDateTime,
  location: Nullable(LatLonSchema),
  section: Nullable(Type.String()),
  text: Type.String(),
  createdAt: IsoDateTime,
  clientId: Nullable(Type.String()),
  eventType: Nullable(Type.String()),
  counts: Type.Object({ people: Nullable(Type.Integer()), fatalities: Nullable(Type.Integer()), injured: Nullable(Type.Integer()) }),
  photos: Type.Array(PhotoRefSchema),
  reportedVia: literals(REPORTED_VIA),
});

export const DebriefSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false });
