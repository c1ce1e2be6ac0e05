import type { Generated } from 'kysely';

/** Early-warning tables (migration 0003), as Kysely sees them; merged into `Database`. */
export interface EarlyWarningTables {
  sectionScores: SectionScoreTable;
  threatLevelHistory: ThreatLevelHistoryTable;
  levelOverrides: LevelOverrideTable;
  earlyWarningSettings: EarlyWarningSettingsTable;
  alertRules: AlertRuleTable;
  alerts: AlertTable;
  alertAcknowledgements: AlertAcknowledgementTable;
  webhooks: WebhookTable;
  webhookDeliveries: WebhookDeliveryTable;
}

export interface SectionScoreTable {
  section: string;
  score: number;
  asOf: string;
}

export interface ThreatLevelHistoryTable {
  seq: Generated<number>;
  section: string;
  at: string;
  fromLevel: string | null;
  toLevel: string;
  source: string;
  score: number;
  reason: string | null;
}

export interface LevelOverrideTable {
  id: string;
  section: string;
  level: string;
  reason: string;
  setBy: string;
  setAt: string;
  expiresAt: string;
}

export interface EarlyWarningSettingsTable {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AlertRuleTable {
  id: string;
  kind: string;
  definition: string;
  public: number;
  releasableTo: string;
  createdAt: string;
  createdBy: string | null;
}

export interface AlertTable {
  seq: Generated<number>;
  id: string;
  owner: string;
  releasableTo: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  dedupKey: string;
  ruleId: string;
  ruleKind: string;
  severity: string;
  causeKind: string;
  causeId: string;
  at: string;
  section: string | null;
  lat: number | null;
  lon: number | null;
  distanceKm: number | null;
  eventType: string | null;
  headlineFr: string;
  headlineEn: string;
  public: number;
}

export interface AlertAcknowledgementTable {
  alertId: string;
  userId: string;
  nation: string;
  at: string;
}

export interface WebhookTable {
  id: string;
  url: string;
  nation: string;
  description: string | null;
  enabled: number;
  createdAt: string;
  createdBy: string | null;
}

export interface WebhookDeliveryTable {
  id: string;
  webhookId: string;
  alertId: string;
  idempotencyKey: string;
  payload: string;
  status: string;
  attempts: number;
  nextTryAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
