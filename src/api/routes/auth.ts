import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf, bearerToken, TOKEN_COOKIE } from '../authentication.js';
import { ErrorSchema, NationCodeSchema, UserSchema } from '../schemas.js';
import type { Services } from '../services.js';

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance, { auth, node }: Services): Promise<void> {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in; returns a bearer token (also set as an HttpOnly cookie for the web UI)',
        security: [],
        body: LoginBody,
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserSchema }), 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const result = await auth.login(username, password, request.ip);
      const maxAge = Math.max(0, Math.floor((Date.parse(result.expiresAt) - node.clock.now().getTime()) / 1000));
      reply.header('set-cookie', `${TOKEN_COOKIE}=${result.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`);
      return result;
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await auth.logout(token);
    reply.header('set-cookie', `${TOKEN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return reply.status(204).send();
  });

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the node they are on',
        response: { 200: Type.Composite([UserSchema, Type.Object({ nodeNation: NationCodeSchema })]) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = (await node.repos.users.findByUsername(actor.username))!;
      return { id: user.id, username: user.username, displayName: user.displayName, nation: user.nation, role: user.role, nodeNation: node.nation };
    },
  );
}
