import { Kind, type Static, type TSchema, type TUnsafe, FormatRegistry, Type, TypeRegistry } from '@sinclair/typebox';
import type { LineString } from '../kernel/geojson.js';
import { DATE_FORMATS } from '../kernel/instant.js';
import type { NationCode } from '../kernel/nation.js';

// The pieces every record schema is built from. The same schema is checked by the HTTP layer
// (Fastify's Ajv) and by the federation's compiled checks (TypeBox's compiler): both must read
// it alike, so both take their date formats from kernel/instant.ts, and the compiler gets a kind
// for closed word lists (JSON Schema's `enum`, which Ajv reads natively).

for (const [name, check] of Object.entries(DATE_FORMATS)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
}

const VOCABULARY = 'Vocabulary';
if (!TypeRegistry.Has(VOCABULARY)) {
  TypeRegistry.Set<{ enum: readonly unknown[] }>(VOCABULARY, (schema, value) => schema.enum.includes(value));
}

/** One word of a closed list; JSON Schema `{type, enum}`, so Ajv and the OpenAPI document read it too. */
export function vocabulary<T extends readonly (string | number)[]>(values: T, options: { description?: string } = {}): TUnsafe<T[number]> {
  const type = typeof values[0] === 'number' ? 'integer' : 'string';
  return Type.Unsafe<T[number]>({ [Kind]: VOCABULARY, type, enum: [...values], ...options });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const NationCodeSchema = Type.Unsafe<NationCode>(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }));
/** The nations a record is released to beyond its owner; empty is national only. */
export const ReleasableToSchema = Type.Array(NationCodeSchema, { maxItems: 50, uniqueItems: true });

/** An instant, RFC 3339 (`2026-12-04T18:30:00Z`). */
export const IsoDateTime = Type.String({ format: 'date-time' });
/** A date or an instant: incidents are often known to the day only. */
export const IsoDateOrDateTime = Type.String({ anyOf: [{ format: 'date' }, { format: 'date-time' }] });

export const LatLonSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export type LatLon = Static<typeof LatLonSchema>;

/** The most people a count may name (killed, injured, abducted, seen): above is a typing error. */
export const MAX_PEOPLE = 100_000;
/** A number of people; null is "not known", never zero. */
export const PeopleCount = Nullable(Type.Integer({ minimum: 0, maximum: MAX_PEOPLE }));

/** A line on the ground, GeoJSON (RFC 7946): longitude first. */
export const LineStringSchema = Type.Unsafe<LineString>(
  Type.Object(
    {
      type: Type.Literal('LineString'),
      coordinates: Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), {
        minItems: 2,
        maxItems: 10_000,
      }),
    },
    { additionalProperties: false },
  ),
);

/** A user or record id as another node wrote it. */
export const IdSchema = Type.String({ minLength: 1, maxLength: 200 });

/**
 * What every shared record carries: who owns it, who it is released to, and its version. A record
 * schema leaves other fields free (a copy may carry what a newer node adds; the reader keeps only
 * what it knows), while a request's schema refuses any field it does not name.
 */
export const recordIdentity = {
  id: IdSchema,
  owner: NationCodeSchema,
  releasableTo: ReleasableToSchema,
  version: Type.Integer({ minimum: 1 }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
