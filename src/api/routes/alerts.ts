import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../authentication.js';
import { IdParams } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IsoDateTime } from '../../contracts/schema-kit.js';
import { AckSchema, AlertMessageSchema, AlertRuleRequestSchema, StoredAlertRuleSchema, WebhookRequestSchema, WebhookSchema } from '../../contracts/alert.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const AlertsQuery = Type.Object(
  {
    since: Type.Optional(IsoDateTime),
    unacknowledged: Type.Optional(Type.Boolean()),
    public: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

/** Turns a rule or a webhook on or off. */
const Switch = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Alert rules, alerts and acknowledgements, CAP documents and feed, webhooks. */
export async function alertRoutes(app: TypedApp, { earlyWarning, alertDocuments }: Services): Promise<void> {
  app.get(
    '/api/v1/alert-rules',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alert rules of this node the caller’s nation may read (those released to it)',
        response: { 200: Type.Array(StoredAlertRuleSchema), ...errors },
      },
    },
    async (request) => earlyWarning.listRules(actorOf(request)),
  );

  app.post(
    '/api/v1/alert-rules',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Add an alert rule (incident near a target, level rising, patrol overdue, news severity)',
        body: AlertRuleRequestSchema,
        response: { 201: StoredAlertRuleSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await earlyWarning.addRule(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/alert-rules/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Switch an alert rule on or off (rules are kept: their alerts refer to them)',
        params: IdParams,
        body: Switch,
        response: { 200: StoredAlertRuleSchema, ...errors },
      },
    },
    async (request) => earlyWarning.setRuleEnabled(actorOf(request), request.params.id, request.body.enabled),
  );

  app.get(
    '/api/v1/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alerts raised for the caller’s nation and the CAP Cancels of those withdrawn from it, newest first',
        querystring: AlertsQuery,
        response: { 200: Type.Array(AlertMessageSchema), ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return earlyWarning.listAlerts(actorOf(request), {
        ...(q.since ? { since: q.since } : {}),
        ...(q.unacknowledged ? { unacknowledged: true } : {}),
        ...(q.public ? { publicOnly: true } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      });
    },
  );

  app.post(
    '/api/v1/alerts/:id/ack',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert (once per user; again keeps the first time)',
        params: IdParams,
        response: { 200: Type.Object({ acknowledgements: Type.Array(AckSchema) }), ...errors },
      },
    },
    async (request) => ({ acknowledgements: await earlyWarning.acknowledge(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/v1/alerts/:id/cap',
    {
      schema: {
        tags: ['alerts'],
        summary: 'The alert, or the Cancel of a withdrawn one, as an OASIS CAP 1.2 document (alerts meant for the population)',
        params: IdParams,
        produces: ['application/cap+xml'],
        response: { 200: Type.String({ description: 'CAP 1.2 XML' }), ...errors },
      },
    },
    async (request, reply) => {
      const xml = await alertDocuments.document(actorOf(request), request.params.id);
      return reply.type('application/cap+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/v1/cap.atom',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Atom feed of the CAP documents (alerts, their Updates and Cancels) of the caller’s nation',
        produces: ['application/atom+xml'],
        response: { 200: Type.String({ description: 'Atom 1.0' }), ...errors },
      },
    },
    async (request, reply) => {
      return reply.type('application/atom+xml; charset=utf-8').send(await alertDocuments.feed(actorOf(request), baseUrl(request)));
    },
  );

  app.get(
    '/api/v1/webhooks',
    {
      schema: { tags: ['alerts'], summary: 'Webhooks of the caller’s nation, with their deliveries', response: { 200: Type.Array(WebhookSchema), ...errors } },
    },
    async (request) => earlyWarning.listWebhooks(actorOf(request)),
  );

  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Post every alert visible to the caller’s nation to a URL (JSON; Idempotency-Key header; retried with back-off)',
        body: WebhookRequestSchema,
        response: { 201: WebhookSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await earlyWarning.addWebhook(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Switch a webhook of the caller’s nation on or off (off: nothing is posted to it; what waits is posted once it is on again)',
        params: IdParams,
        body: Switch,
        response: { 200: WebhookSchema, ...errors },
      },
    },
    async (request) => earlyWarning.setWebhookEnabled(actorOf(request), request.params.id, request.body.enabled),
  );
}
