import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { AuthService } from '../services/auth-service.js';

export const TOKEN_COOKIE = 'diboli_token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Answers without a token: health, login, the API document, the web UI's files. */
    public?: boolean;
    /** Called by partner nodes, not users: the route checks the signed request itself. */
    partnerNode?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodedCookie(value.join('='));
  }
  return undefined;
}

/** A cookie value that cannot be decoded is no credential (the caller is then unauthenticated). */
function decodedCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Marks every route registered in `scope` (and its children) as answering without a token: for
 * plugins whose routes we do not declare ourselves (the API document, the web UI's files).
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
}

/** Whether the route found for this request answers without a user's token. */
function needsNoUser(request: FastifyRequest): boolean {
  const config = request.routeOptions.config;
  // No route matched: the not-found answer tells nothing the API document does not.
  return request.is404 || config.public === true || config.partnerNode === true;
}

/**
 * Every route needs a valid token unless the route itself says otherwise: decided on the route
 * that was found (after routing, so on the decoded path), before the body is read or validated,
 * so that an anonymous caller learns nothing from validation errors.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (needsNoUser(request)) return;
    const token = bearerToken(request);
    if (!token) throw new DiboliError('ERR_UNAUTHENTICATED');
    const user = await auth.authenticate(token);
    request.actor = await auth.actorFor(user);
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DiboliError('ERR_UNAUTHENTICATED');
  return request.actor;
}
