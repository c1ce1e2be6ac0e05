import { Type, type TSchema } from '@sinclair/typebox';
import { IsoDateOrDateTime, IsoDateTime, LatLonSchema, NationCodeSchema, Nullable, vocabulary } from '../contracts/schema-kit.js';
import { INCIDENT_STATUSES, REPORTED_VIA } from '../contracts/vocabularies.js';
import { ROLES } from '../domain/user.js';

// Schemas of requests and answers that are not records: records are written once in
// src/contracts and imported from there.

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

/** GeoJSON geometry passed through as is (RFC 7946); its shape is checked where it matters. */
export const GeometrySchema = Type.Object({ type: Type.String(), coordinates: Type.Any() });
export const featureCollectionOf = <P extends TSchema>(properties: P, geometry: TSchema = GeometrySchema) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.Optional(Type.String()), geometry, properties })),
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
    status: Type.Optional(vocabulary(INCIDENT_STATUSES)),
    q: IncidentTextQuery,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50_000, default: 5000 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

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
  role: vocabulary(ROLES),
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
  reportedVia: vocabulary(REPORTED_VIA),
});

export const DebriefSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false });
