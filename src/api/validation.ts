import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { DiboliError } from '../domain/errors.js';
import { DATE_FORMATS } from '../kernel/instant.js';

/** Deeper JSON than this is refused before it is parsed (the deepest real body, a route, is 4). */
export const MAX_JSON_DEPTH = 32;

type Ajv = { addFormat: (name: string, format: (value: string) => boolean) => unknown };

/** Schema formats read dates the way the services do, so that what passes can be used. */
function sameDatesAsTheServices(ajv: Ajv): void {
  for (const [name, check] of Object.entries(DATE_FORMATS)) ajv.addFormat(name, check);
}

// Every refused field at once, so that a form shows all its errors together (bodies are at most
// 1 MB and 32 levels deep, which bounds the work of collecting them).
const SHARED = { removeAdditional: false, useDefaults: true, allErrors: true } as const;

/**
 * Bodies are JSON, where a number is a number and null is null: they are validated as sent.
 * Only the query string and the path, which are text by nature, have their values converted
 * (`limit=10`, `unacknowledged=true`). Coercing bodies turned `"1e999"` into Infinity and a
 * blank count (`null`) into 0.
 */
export function validatorCompilers(): NonNullable<FastifyServerOptions['schemaController']> {
  const pool = AjvCompiler();
  return {
    compilersFactory: {
      buildValidator(externalSchemas: unknown) {
        const asSent = pool(externalSchemas as never, { customOptions: { ...SHARED, coerceTypes: false }, onCreate: sameDatesAsTheServices } as never);
        const fromText = pool(externalSchemas as never, { customOptions: { ...SHARED, coerceTypes: 'array' }, onCreate: sameDatesAsTheServices } as never);
        const compile = (route: { httpPart?: string }) => (route.httpPart === 'body' ? asSent(route as never) : finiteOnly(fromText(route as never)));
        return compile as never;
      },
    },
  };
}

interface Validate {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/**
 * Ajv turns the text `Infinity` (and `1e999`) into a number and then skips its bounds, which it
 * checks only for finite numbers: a query's `limit=Infinity` got through. Text converted to a
 * number must give a finite one.
 */
function finiteOnly(validate: Validate): Validate {
  const checked: Validate = (data) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const values = typeof data === 'object' && data !== null ? Object.entries(data) : [];
    const wrong = values.find(([, value]) => [value].flat().some((item) => typeof item === 'number' && !Number.isFinite(item)));
    checked.errors = wrong ? [{ instancePath: `/${wrong[0]}`, keyword: 'type', params: { type: 'number' }, message: 'must be a finite number' }] : null;
    return !wrong;
  };
  return checked;
}

/**
 * Nesting depth of a JSON text, counted without recursion and stopping as soon as it passes
 * `limit`: a body of twenty thousand nested arrays is refused here instead of being parsed and
 * then walked by recursive code.
 */
export function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * The API takes JSON bodies only: every other content type is refused with 415 (a form or
 * `text/plain` post from another site is not even read). The JSON parser is Fastify's own
 * (which refuses `__proto__` keys), behind the depth limit.
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (exceedsDepth(body as string, MAX_JSON_DEPTH)) {
      done(new DiboliError('ERR_JSON_TOO_DEEP', { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
