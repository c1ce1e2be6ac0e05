import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DiboliError, renderMessage, statusOf, type ErrorCode } from '../domain/errors.js';
import { preferredLanguage } from './language.js';

interface ValidationIssue {
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** `/location/lat` → `location.lat`; a missing property names itself. */
function fieldOf(issue: ValidationIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const missing = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  if (typeof missing === 'string') path.push(missing);
  return path.length > 0 ? path.join('.') : undefined;
}

const VALIDATION_WORDS: Record<string, { fr: string; en: string }> = {
  required: { fr: 'champ obligatoire manquant', en: 'missing required field' },
  additionalProperties: { fr: 'champ inconnu', en: 'unknown field' },
  enum: { fr: 'valeur non autorisée', en: 'value not allowed' },
  format: { fr: 'format incorrect', en: 'wrong format' },
  type: { fr: 'type incorrect', en: 'wrong type' },
  minimum: { fr: 'valeur trop petite', en: 'value too small' },
  maximum: { fr: 'valeur trop grande', en: 'value too large' },
  minLength: { fr: 'texte trop court', en: 'text too short' },
  maxLength: { fr: 'texte trop long', en: 'text too long' },
  minItems: { fr: 'trop peu d’éléments', en: 'too few items' },
  maxItems: { fr: 'trop d’éléments', en: 'too many items' },
  minProperties: { fr: 'aucun champ fourni', en: 'no field given' },
  uniqueItems: { fr: 'éléments en double', en: 'duplicate items' },
  pattern: { fr: 'format incorrect', en: 'wrong format' },
};

const REQUIRED_TEXT = { fr: 'champ obligatoire', en: 'required field' };

/** The schema validator speaks English only; say what is wrong in the caller's language. */
function validationWords(issue: (ValidationIssue & { keyword?: string }) | undefined, lang: 'fr' | 'en'): string {
  // A text that must not be empty and is: the field is simply missing, as a form sees it.
  if (issue?.keyword === 'minLength' && issue.params?.limit === 1) return REQUIRED_TEXT[lang];
  return (VALIDATION_WORDS[issue?.keyword ?? ''] ?? { fr: 'valeur incorrecte', en: 'invalid value' })[lang];
}

function validationDetail(issue: (ValidationIssue & { keyword?: string }) | undefined, field: string | undefined, lang: 'fr' | 'en'): string {
  return field ? `${validationWords(issue, lang)} (${field})` : validationWords(issue, lang);
}

// Keywords that only say "none of the alternatives fit": the alternative's own issue says more.
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'if']);

/**
 * Every field the schema refused, once each, in the order met: what a form shows under each of
 * its fields at once. A field refused by several rules (a nullable count that is neither a number
 * nor null) keeps its first specific one.
 */
function fieldIssues(issues: readonly (ValidationIssue & { keyword?: string })[], lang: 'fr' | 'en'): FieldIssue[] {
  const chosen = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const field = fieldOf(issue) ?? '';
    if (chosen.has(field) || SUMMARY_KEYWORDS.has(issue.keyword ?? '')) continue;
    chosen.set(field, { field, message: validationWords(issue, lang) });
  }
  return [...chosen.values()].filter((issue) => issue.field !== '');
}

interface FieldIssue {
  field: string;
  message: string;
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, params: Record<string, string | number>, field?: string, errors?: FieldIssue[]) {
  const message = renderMessage(code, params, preferredLanguage(request.headers['accept-language']));
  const body: { code: ErrorCode; message: string; field?: string; errors?: FieldIssue[] } = { code, message };
  if (field) body.field = field;
  if (errors && errors.length > 0) body.errors = errors;
  return reply.status(statusOf(code)).send(body);
}

/** Fastify's own refusals, each with its catalogue code (and so its status). */
const FRAMEWORK_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ERR_BAD_REQUEST',
  FST_ERR_BAD_URL: 'ERR_BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'ERR_URI_TOO_LONG',
};

/**
 * Errors Fastify meets before a route is found (a path that cannot be decoded, a parameter over
 * `maxParamLength`): the same catalogue shape as every other answer.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code = FRAMEWORK_ERRORS[error.code] ?? 'ERR_BAD_REQUEST';
  void send(reply, request, code, {});
}

/**
 * Requests that Node's HTTP parser refuses (headers too large, malformed request line, too
 * slow) never become requests: answer on the socket in the catalogue's shape, in French since no
 * header could be read.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'ERR_HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'ERR_REQUEST_TIMEOUT' : 'ERR_BAD_REQUEST';
  const body = JSON.stringify({ code, message: renderMessage(code, {}, 'fr') });
  const status = statusOf(code);
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  if (socket.writable) socket.end(head + body);
  else socket.destroy(error);
}

/**
 * One place that turns failures into `{code, message, field?}`: coded domain errors keep their
 * status, schema failures become ERR_VALIDATION naming the field, and anything unexpected is a
 * 500 whose details stay in the log.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DiboliError, request, reply) => {
    if (error instanceof DiboliError) {
      // A refusal that names a wait in seconds says it in Retry-After too, for clients and proxies.
      const wait = error.params.seconds;
      if ((error.status === 429 || error.status === 503) && typeof wait === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(wait))));
      return send(reply, request, error.code, error.params, error.field);
    }
    const fastifyError = error as FastifyError & { validation?: ValidationIssue[] };
    if (fastifyError.validation) {
      const lang = preferredLanguage(request.headers['accept-language']);
      const issues = fastifyError.validation as (ValidationIssue & { keyword?: string })[];
      const issue = issues.find((one) => !SUMMARY_KEYWORDS.has(one.keyword ?? '')) ?? issues[0];
      const field = fieldOf(issue);
      return send(reply, request, 'ERR_VALIDATION', { detail: validationDetail(issue, field, lang) }, field, fieldIssues(issues, lang));
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fastifyError.statusCode === 400 && error instanceof SyntaxError)) {
      return send(reply, request, 'ERR_MALFORMED_JSON', {});
    }
    const known = FRAMEWORK_ERRORS[fastifyError.code];
    if (known) return send(reply, request, known, {});
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return send(reply, request, 'ERR_VALIDATION', { detail: fastifyError.message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, request, 'ERR_INTERNAL', {});
  });
  app.setNotFoundHandler((request, reply) => send(reply, request, 'ERR_ROUTE_NOT_FOUND', {}));
}
