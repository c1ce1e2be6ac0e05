import { Type, type TSchema } from '@sinclair/typebox';

// Schemas of requests and answers that are not records: records are written once in
// src/contracts and imported from there.

/** GeoJSON geometry passed through as is (RFC 7946); its shape is checked where it matters. */
export const GeometrySchema = Type.Object({ type: Type.String(), coordinates: Type.Any() });
export const featureCollectionOf = <P extends TSchema>(properties: P, geometry: TSchema = GeometrySchema) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.Optional(Type.Union([Type.String(), Type.Number()])), geometry, properties })),
  });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const DebriefSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false });
