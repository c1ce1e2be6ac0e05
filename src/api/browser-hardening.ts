import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type contentSecurityPolicy, type HelmetOptions } from 'helmet';
import { DiboliError } from '../domain/errors.js';

/** A route's own page policy, in place of the node's (the situation report, the API document's page). */
interface PagePolicy {
  contentSecurityPolicy: NonNullable<Parameters<typeof contentSecurityPolicy>[0]>;
}

/**
 * What the web UI's pages may load: its own scripts, styles and data only, nothing inline.
 * MapLibre starts its workers from `blob:` URLs and its controls draw `data:` SVG icons.
 */
const UI_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The situation report is a self-contained document (its styles and charts inline, no script):
 * it may style itself and nothing else. Routes name it in their config (`config: { helmet: … }`).
 */
export const DOCUMENT_POLICY: PagePolicy = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ['data:'],
      scriptSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
};

/**
 * The API document's page (Swagger UI) writes one style element of its own; it shows no data, so
 * inline styles are let through there, and only there. Scripts stay the page's own files.
 */
export function allowInlineStyles(scope: FastifyInstance): void {
  const policy: PagePolicy = { contentSecurityPolicy: { useDefaults: false, directives: { ...UI_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] } } };
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, helmet: policy };
  });
}

/** What every answer carries: the web UI's page policy, no referrer beyond the node, no framing. */
const ANSWER_HEADERS = {
  contentSecurityPolicy: { useDefaults: false, directives: UI_POLICY },
  // Sent to the node's own pages only: the address of a record names nothing outside.
  referrerPolicy: { policy: 'same-origin' },
  xFrameOptions: { action: 'deny' },
} satisfies HelmetOptions;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's own page policy, over the node's (`DOCUMENT_POLICY`, the API document's page). */
    helmet?: PagePolicy;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin the request names (`Origin`, or else the origin of `Referer`), if readable. */
function claimedOrigin(request: FastifyRequest): string | undefined {
  const header = request.headers.origin ?? request.headers.referer;
  if (!header || header === 'null') return undefined;
  try {
    return new URL(header).origin;
  } catch {
    return undefined;
  }
}

/** This node's origin as the browser reached it (through a trusted proxy: as the proxy says). */
function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

/** Whether the user was recognised by the session cookie, which a browser adds by itself. */
function byCookie(request: FastifyRequest): boolean {
  return request.actor !== null && !request.headers.authorization?.startsWith('Bearer ');
}

/** Adds `Secure` to the cookies of an answer given over HTTPS (directly, or via a trusted proxy). */
function secureCookies(request: FastifyRequest, reply: FastifyReply): void {
  if (request.protocol !== 'https') return;
  const cookies = reply.getHeader('set-cookie');
  if (cookies === undefined) return;
  const list = (Array.isArray(cookies) ? cookies : [String(cookies)]).map((cookie) => (/;\s*secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`));
  reply.header('set-cookie', list);
}

/**
 * Security headers and the pages' policy (helmet) on every answer, and `Secure` on the session
 * cookie whenever the node is reached over HTTPS. Registered before authentication, so that
 * refusals carry the headers too.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  // Helmet's middleware is built once per policy and kept. The Fastify plugin built it afresh for
  // every request (parsing the policy each time): a sixth of the node's time on a kept map tile.
  const built = new Map<PagePolicy | undefined, ReturnType<typeof helmet>>();
  const middlewareFor = (own: PagePolicy | undefined) => {
    let middleware = built.get(own);
    if (!middleware) {
      middleware = helmet(own ? { ...ANSWER_HEADERS, contentSecurityPolicy: own.contentSecurityPolicy } : ANSWER_HEADERS);
      built.set(own, middleware);
    }
    return middleware;
  };
  app.addHook('onRequest', (request, reply, done) => {
    middlewareFor(request.routeOptions.config.helmet)(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  app.addHook('onSend', async (request, reply) => {
    secureCookies(request, reply);
  });
}

/**
 * Changes carried by the session cookie must come from this node's own pages: a browser adds the
 * cookie to a form or `text/plain` post from any site, and only SameSite would stand in the way.
 * Callers with a bearer token chose to send it, and are not asked for an origin. Registered after
 * authentication, so that `request.actor` says whether the caller was recognised at all; checked
 * before the body is read.
 */
export function refuseForeignCookieWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || !byCookie(request)) return;
    const claimed = claimedOrigin(request);
    if (claimed === undefined || claimed !== ownOrigin(request)) throw new DiboliError('ERR_FOREIGN_ORIGIN');
  });
}
