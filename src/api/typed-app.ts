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
 * TypeBox's type provider for what a route reads: `request.body`, `query` and `params` take their
 * types from the route's schemas, the very schemas that validate them, so a handler never
 * restates a request's shape.
 *
 * What a route answers is left to the response schemas at run time (they shape every JSON reply):
 * several routes send streams, pre-compressed bytes or PDF buffers under a schema that describes
 * the document, and the domain's records hold readonly arrays where a schema's static type has
 * mutable ones, so checking replies against those static types would take a cast per route.
 */
export interface RequestTypeProvider extends FastifyTypeProvider {
  validator: Validated<this['schema']>;
  serializer: unknown;
}

/** What TypeBox's provider makes of a request part validated by `Schema`. */
type Validated<Schema> = (TypeBoxTypeProvider & { schema: Schema })['validator'];

/** The node's Fastify instance as its routes see it. */
export type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, RequestTypeProvider>;
