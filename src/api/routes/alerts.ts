import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { THREAT_LEVELS } from '../../domain/early-warning-config.js';
import { actorOf } from '../authentication.js';
import { ErrorSchema, IdParams } from '../schemas.js';
import { IsoDateTime, vocabulary, NationCodeSchema, Nullable } from '../../contracts/schema-kit.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const Level = vocabulary(THREAT_LEVELS);

const AckSchema = Type.Object({ alertId: Type.String(), userId: Type.String(), nation: NationCodeSchema, at: Type.String() });

export const AlertSchema = Type.Object({
  id: Type.String(),
  msgType: vocabulary(['Alert', 'Update'] as const),
  references: Type.Optional(
    Type.Array(Type.Object({ identifier: Type.String(), sent: Type.String() }), { description: 'An Update’s earlier messages, oldest first' }),
  ),
  audience: NationCodeSchema,
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  rule: Type.String(),
  ruleKind: Type.String(),
  dedupKey: Type.String(),
  severity: Level,
  cause: Type.Object({ kind: Type.String(), id: Type.String() }),
  at: Type.String(),
  section: Nullable(Type.String()),
  location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  distanceKm: Nullable(Type.Number()),
  eventType: Nullable(Type.String()),
  headline: Type.Object({ fr: Type.String(), en: Type.String() }),
  public: Type.Boolean(),
  acknowledgements: Type.Optional(Type.Array(AckSchema)),
});

/** What a nation is sent when the cause of one of its alerts left its view: the CAP Cancel of that alert. */
export const AlertCancelSchema = Type.Object({
  id: Type.String(),
  msgType: Type.Literal('Cancel'),
  audience: NationCodeSchema,
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  references: Type.Array(Type.Object({ identifier: Type.String(), sent: Type.String() })),
  public: Type.Boolean(),
  acknowledgements: Type.Optional(Type.Array(AckSchema)),
});

const AlertMessageSchema = Type.Union([AlertSchema, AlertCancelSchema]);

const TargetSchema = Type.Object(
  {
    kind: vocabulary(['axis', 'section', 'post'] as const),
    id: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    geometry: Type.Optional(Type.Object({ type: Type.String(), coordinates: Type.Any() })),
  },
  { additionalProperties: false, description: 'Geometry is looked up from the id when omitted.' },
);

const RuleBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }),
    kind: vocabulary(['incident-near', 'level-rising', 'patrol-overdue', 'news-severity'] as const),
    enabled: Type.Optional(Type.Boolean()),
    eventTypes: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
    subEventTypes: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
    target: Type.Optional(TargetSchema),
    withinKm: Type.Optional(Type.Number({ maximum: 1000 })),
    sections: Type.Optional(Type.Array(Type.String(), { maxItems: 500 })),
    minLevel: Type.Optional(Level),
    graceMinutes: Type.Optional(Type.Number({ maximum: 10_080, description: 'At most a week.' })),
    minSeverity: Type.Optional(Level),
    public: Type.Optional(Type.Boolean({ description: 'Alerts of this rule are meant for the population (CAP).' })),
    releasableTo: Type.Optional(Type.Array(NationCodeSchema, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);

const StoredRuleSchema = Type.Object({
  rule: Type.Record(Type.String(), Type.Any()),
  public: Type.Boolean(),
  releasableTo: Type.Array(NationCodeSchema),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
});

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

const WebhookBody = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2000 }), description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  nation: NationCodeSchema,
  description: Nullable(Type.String()),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  deliveries: Type.Optional(Type.Array(Type.Object({ status: Type.String(), attempts: Type.Integer() }))),
});

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
        response: { 200: Type.Array(StoredRuleSchema), ...errors },
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
        body: RuleBody,
        response: { 201: StoredRuleSchema, ...errors },
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
        response: { 200: StoredRuleSchema, ...errors },
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
        body: WebhookBody,
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
