import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { AuthService } from '../services/auth-service.js';

export const TOKEN_COOKIE = 'diboli_token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Logging in, and setting up the second factor that logging in needs. */
const LOGIN_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/login/enrolment', '/api/v1/auth/login/enrolment/confirm']);

/** Paths that answer without a token: health, login, the API document and the web UI's files. */
function isPublic(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/healthz' || LOGIN_PATHS.has(path) || path.startsWith('/api/docs') || !path.startsWith('/api/');
}

/** Every API route needs a valid token; the actor it names is what access rules are decided on. */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (isPublic(request.url)) return;
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
