import { Type, type TSchema } from '@sinclair/typebox';
import { IsoDateOrDateTime, NationCodeSchema, vocabulary } from '../contracts/schema-kit.js';
import { INCIDENT_STATUSES } from '../contracts/vocabularies.js';
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
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.Optional(Type.Union([Type.String(), Type.Number()])), geometry, properties })),
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

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  nation: NationCodeSchema,
  role: vocabulary(ROLES),
});

export const DebriefSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false });
