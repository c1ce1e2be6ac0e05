import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/**
 * TypeBox's type provider, both ways: `request.body`, `query` and `params` take their types from
 * the route's schemas, the very schemas that validate them, so a handler never restates a
 * request's shape; and what a handler returns or sends must fit the route's response schemas, so
 * an answer cannot drift from the document the API publishes. Bytes made before the reply (tiles,
 * PDFs, streams) and empty answers go through `raw-reply.ts`.
 */
export interface SchemaTypeProvider extends FastifyTypeProvider {
  validator: Validated<this['schema']>;
  serializer: Answered<this['schema']>;
}

/** What TypeBox's provider makes of a request part validated by `Schema`. */
type Validated<Schema> = (TypeBoxTypeProvider & { schema: Schema })['validator'];

/** What a route may answer under `Schema`; arrays as readonly ones, as the domain holds them. */
type Answered<Schema> = Frozen<(TypeBoxTypeProvider & { schema: Schema })['serializer']>;
type Frozen<T> = T extends readonly (infer Item)[] ? readonly Frozen<Item>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** The node's Fastify instance as its routes see it. */
export type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, SchemaTypeProvider>;
