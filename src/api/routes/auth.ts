import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DiboliError } from '../../domain/errors.js';
import type { LoginClient, LoginResult } from '../../services/auth-service.js';
import { DEVICE_COOKIE, DEVICE_LIFETIME_DAYS } from '../../services/known-devices.js';
import { actorOf, bearerToken, TOKEN_COOKIE } from '../authentication.js';
import { ErrorSchema } from '../../contracts/error.js';
import { EnrolmentConfirmedSchema, EnrolmentSchema, LoginAnswerSchema, SignedInSchema } from '../../contracts/session.js';
import { sendNoBody } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const Username = Type.String({ minLength: 1, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Code = Type.String({ minLength: 1, maxLength: 64, description: 'The authenticator’s 6-digit code, or a recovery code' });

const LoginBody = Type.Object({ username: Username, password: Password, code: Type.Optional(Code) }, { additionalProperties: false });
const EnrolmentBody = Type.Object({ username: Username, password: Password }, { additionalProperties: false });
const ConfirmationBody = Type.Object({ username: Username, password: Password, code: Code }, { additionalProperties: false });

const Refusals = { 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema };

/** The value of one cookie of the request, if sent. */
function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function clientOf(request: FastifyRequest): LoginClient {
  return { address: request.ip, deviceCookie: cookie(request, DEVICE_COOKIE) };
}

/** The session cookie for the web UI, and the known-device cookie, sent only to the login routes. */
function setSessionCookies(reply: FastifyReply, request: FastifyRequest, result: LoginResult, now: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  const maxAge = Math.max(0, Math.floor((Date.parse(result.expiresAt) - now) / 1000));
  reply.header('set-cookie', [
    `${TOKEN_COOKIE}=${result.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
    `${DEVICE_COOKIE}=${result.deviceCookie}; Path=/api/v1/auth/login; HttpOnly; SameSite=Strict; Max-Age=${DEVICE_LIFETIME_DAYS * 86_400}${secure}`,
  ]);
}

/** A refused attempt says when to come back. */
async function answering<T>(reply: FastifyReply, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof DiboliError && error.code === 'ERR_TOO_MANY_ATTEMPTS') reply.header('retry-after', String(error.params.seconds));
    throw error;
  }
}

export async function authRoutes(app: TypedApp, { auth, clock }: Services): Promise<void> {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in; returns a bearer token (also set as an HttpOnly cookie for the web UI)',
        description:
          'Coordinators and administrators (and anyone who set up a second factor) send `code` with the password: ' +
          'without it the answer is 401 ERR_SECOND_FACTOR_REQUIRED; without a second factor set up, 403 ERR_SECOND_FACTOR_ENROLMENT_REQUIRED ' +
          '(see `/api/v1/auth/login/enrolment`). Every attempt counts toward the login limits (429 with Retry-After).',
        security: [],
        body: LoginBody,
        response: { 200: LoginAnswerSchema, ...Refusals },
      },
    },
    async (request, reply) => {
      const result = await answering(reply, () => auth.login(request.body, clientOf(request)));
      setSessionCookies(reply, request, result, clock.now().getTime());
      const { deviceCookie: _cookie, ...answer } = result;
      return answer;
    },
  );

  app.post(
    '/api/v1/auth/login/enrolment',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set up a second factor: a new secret for an authenticator app (confirmed by its first code)',
        security: [],
        body: EnrolmentBody,
        response: { 200: EnrolmentSchema, ...Refusals },
      },
    },
    async (request, reply) => answering(reply, () => auth.beginEnrolment(request.body, clientOf(request))),
  );

  app.post(
    '/api/v1/auth/login/enrolment/confirm',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the second factor with its first code; logs in and returns the recovery codes, shown this once',
        security: [],
        body: ConfirmationBody,
        response: { 200: EnrolmentConfirmedSchema, ...Refusals },
      },
    },
    async (request, reply) => {
      const result = await answering(reply, () => auth.confirmEnrolment(request.body, clientOf(request)));
      setSessionCookies(reply, request, result, clock.now().getTime());
      const { deviceCookie: _cookie, ...answer } = result;
      return answer;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session (and its event streams)', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = bearerToken(request);
      if (token) await auth.logout(token);
      reply.header('set-cookie', `${TOKEN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return sendNoBody(reply.status(204));
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the node they are on',
        description:
          'With the node’s nation and, for a partner nation’s officer, the secondment its own node signed (null when there is none): what the officer may write here follows from both (src/domain/permissions.ts).',
        response: { 200: SignedInSchema },
      },
    },
    async (request) => auth.signedIn(actorOf(request)),
  );
}
