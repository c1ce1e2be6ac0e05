import type { RouteOptions } from 'fastify';
import { ErrorSchema } from '../contracts/error.js';

/**
 * The API document speaks OpenAPI 3.0, while route schemas are JSON Schema as the validator reads
 * them (draft 7: tuples, numeric `exclusiveMinimum`, `type: "null"`). Rather than weaken what the
 * node checks, the document is translated here, in one place, and every operation is given what
 * a client generator needs: an `operationId`, the 401 of an authenticated route, and error bodies
 * described as the JSON they are whatever the success's media type.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `GET /api/v1/patrols/{id}/route.gpx` → `getPatrolsIdRouteGpx`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '/')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return method.toLowerCase() + words.join('');
}

/** What a partner node receives: JSON signed byte for byte, described in docs/federation.md. */
const SIGNED_ANSWER = { type: 'object', additionalProperties: true, description: 'Signed JSON answer (X-Diboli-Signature header), see docs/federation.md' };

interface RouteSchema {
  operationId?: string;
  security?: { [label: string]: readonly string[] }[];
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

/** @fastify/swagger's per-route hook: names the operation and lists the 401 of authenticated routes. */
export function describeRoute({ schema, url, route }: { schema: unknown; url: string; route: RouteOptions }): { schema: RouteSchema; url: string } {
  const described: RouteSchema = { ...((schema as RouteSchema | undefined) ?? {}) };
  const method = [route.method].flat()[0] ?? 'get';
  described.operationId ??= operationIdOf(method, url);
  const config = (route.config ?? {}) as { public?: boolean; partnerNode?: boolean };
  if (config.public || config.partnerNode) {
    // Partner nodes sign their requests instead of holding a user's token.
    described.security = [];
    if (config.partnerNode) described.response = { 200: SIGNED_ANSWER, 401: ErrorSchema, ...described.response };
  } else {
    described.response = { 401: ErrorSchema, ...described.response };
  }
  return { schema: described, url };
}

/** Translates one JSON Schema (draft 7, as the routes validate) into an OpenAPI 3.0 Schema Object. */
export function asOpenApi30Schema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asOpenApi30Schema);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = key === 'properties' || key === 'patternProperties' ? mapValues(value, asOpenApi30Schema) : asOpenApi30Schema(value);

  // A tuple (`items` as an array): OpenAPI 3.0 has one schema for every item.
  if (Array.isArray(out.items)) {
    const items = out.items as Json[];
    const types = [...new Set(items.map((item) => item.type))];
    out.items = types.length === 1 && types[0] !== undefined ? { type: types[0] } : { anyOf: items };
    if (out.additionalItems === false) out.maxItems ??= items.length;
    out.minItems ??= items.length;
    delete out.additionalItems;
  }
  delete out.additionalItems;
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[exclusive] === 'number') {
      out[bound] = out[exclusive];
      out[exclusive] = true;
    }
  }
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  // `anyOf: [X, {type: "null"}]` is X with `nullable`; an enum that may be null lists null too.
  const alternatives = (out.anyOf ?? out.oneOf) as Json[] | undefined;
  if (Array.isArray(alternatives) && alternatives.some((a) => isObject(a) && a.type === 'null')) {
    const others = alternatives.filter((a) => !(isObject(a) && a.type === 'null'));
    const key = out.anyOf ? 'anyOf' : 'oneOf';
    delete out[key];
    if (others.length === 1 && isObject(others[0])) Object.assign(out, others[0]);
    else out[key] = others;
    out.nullable = true;
  }
  if (out.type === 'null') {
    delete out.type;
    out.nullable = true;
    out.enum = [null];
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < (out.type as string[]).length) out.nullable = true;
    out.type = types.length === 1 ? types[0] : undefined;
    if (out.type === undefined) delete out.type;
  }
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** @fastify/swagger's whole-document hook: OpenAPI 3.0 schemas, JSON error bodies, the node as server. */
export function asOpenApi30Document({ openapiObject }: { openapiObject: Json }): Json {
  const document = structuredClone(openapiObject);
  document.servers = [{ url: '/', description: 'This node (each nation runs its own)' }];
  const components = document.components as Json | undefined;
  if (components && isObject(components.schemas)) components.schemas = mapValues(components.schemas, asOpenApi30Schema);
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (Array.isArray(operation.parameters)) {
        operation.parameters = operation.parameters.map((p: Json) => (isObject(p.schema) ? { ...p, schema: asOpenApi30Schema(p.schema) } : p));
      }
      const body = operation.requestBody as Json | undefined;
      if (isObject(body?.content))
        body.content = mapValues(body.content, (media) => (isObject(media) ? { ...media, schema: asOpenApi30Schema(media.schema) } : media));
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        if (!isObject(response.content)) continue;
        const contents = response.content as Record<string, Json>;
        if (Number(status) >= 400) {
          // An error is always `{code, message, field?}` in JSON, whatever the success is.
          const first = Object.values(contents)[0];
          response.content = { 'application/json': { schema: asOpenApi30Schema(first?.schema) } };
        } else {
          response.content = mapValues(contents, (media) => (isObject(media) ? { ...media, schema: asOpenApi30Schema(media.schema) } : media));
        }
      }
    }
  }
  return document;
}
