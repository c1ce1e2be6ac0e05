import { type Static, Type } from '@sinclair/typebox';
import { NationCodeSchema, Nullable, vocabulary } from './schema-kit.js';
import { ALERT_RULE_KINDS, ALERT_TARGET_KINDS, THREAT_LEVELS } from './vocabularies.js';

// Alerts, alert rules and webhooks as the API takes and shows them. The web's types come from
// here; the node's own records (domain/alert.ts, domain/alert-rules.ts) must fit these answers,
// which the typed replies of the routes check.

const Level = vocabulary(THREAT_LEVELS);

/** A nation's acknowledgement of an alert. */
export const AckSchema = Type.Object({ alertId: Type.String(), userId: Type.String(), nation: NationCodeSchema, at: Type.String() });

/** An alert as the API and the live stream show it (the record: domain/alert.ts). */
/** What every message of an alert's chain carries: the nation it was raised for, and its release. */
const message = {
  id: Type.String(),
  audience: NationCodeSchema,
  owner: NationCodeSchema,
  releasableTo: Type.Array(NationCodeSchema),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  public: Type.Boolean(),
  acknowledgements: Type.Optional(Type.Array(AckSchema)),
};
const Reference = Type.Object({ identifier: Type.String(), sent: Type.String() });

export const AlertSchema = Type.Object({
  ...message,
  msgType: vocabulary(['Alert', 'Update'] as const),
  references: Type.Optional(Type.Array(Reference, { description: 'An Update’s earlier messages, oldest first' })),
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
});

/** What a nation is sent when the cause of one of its alerts left its view: the CAP Cancel of that alert. */
export const AlertCancelSchema = Type.Object({ ...message, msgType: Type.Literal('Cancel'), references: Type.Array(Reference) });

export const AlertMessageSchema = Type.Union([AlertSchema, AlertCancelSchema]);

const TargetSchema = Type.Object(
  {
    kind: vocabulary(ALERT_TARGET_KINDS),
    id: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    geometry: Type.Optional(Type.Object({ type: Type.String(), coordinates: Type.Any() })),
  },
  { additionalProperties: false, description: 'Geometry is looked up from the id when omitted.' },
);

/** What a coordinator sends to add an alert rule; the fields used depend on its kind. */
export const AlertRuleRequestSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }),
    kind: vocabulary(ALERT_RULE_KINDS),
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

/** A rule as the node keeps it: its target is named by kind and id, with its geometry. */
const { public: _public, releasableTo: _releasableTo, ...definition } = AlertRuleRequestSchema.properties;
export const AlertRuleDefinitionSchema = Type.Object(definition);

export const StoredAlertRuleSchema = Type.Object({
  rule: AlertRuleDefinitionSchema,
  public: Type.Boolean(),
  releasableTo: Type.Array(NationCodeSchema),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
});

export const WebhookRequestSchema = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2000 }), description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  nation: NationCodeSchema,
  description: Nullable(Type.String()),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  deliveries: Type.Optional(Type.Array(Type.Object({ status: Type.String(), attempts: Type.Integer() }))),
});

export type Alert = Static<typeof AlertSchema>;
export type AlertCancel = Static<typeof AlertCancelSchema>;
export type AlertAcknowledgementShown = Static<typeof AckSchema>;
export type AlertRuleRequest = Static<typeof AlertRuleRequestSchema>;
export type AlertRuleDefinition = Static<typeof AlertRuleDefinitionSchema>;
export type StoredAlertRule = Static<typeof StoredAlertRuleSchema>;
export type WebhookRequest = Static<typeof WebhookRequestSchema>;
export type Webhook = Static<typeof WebhookSchema>;
