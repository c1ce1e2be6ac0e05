import type { Generated } from 'kysely';

/** Early-warning tables (migrations 0003 and 0008), as Kysely sees them; merged into `Database`. */
export interface EarlyWarningTables {
  audienceSectionLevels: AudienceSectionLevelTable;
  threatLevelHistory: ThreatLevelHistoryTable;
  levelOverrides: LevelOverrideTable;
  earlyWarningSettings: EarlyWarningSettingsTable;
  alertRules: AlertRuleTable;
  alerts: AlertTable;
  alertAcknowledgements: AlertAcknowledgementTable;
  webhooks: WebhookTable;
  webhookDeliveries: WebhookDeliveryTable;
}

/** A section as one audience sees it: running score, and the level shown with its source. */
export interface AudienceSectionLevelTable {
  audience: string;
  section: string;
  score: number;
  asOf: string;
  level: string | null;
  source: string | null;
  changedAt: string | null;
}

export interface ThreatLevelHistoryTable {
  seq: Generated<number>;
  audience: string;
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
  owner: string;
  releasableTo: string;
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

/** Alerts (`msgType` Alert) and the CAP Cancels of withdrawn ones (`msgType` Cancel), per audience. */
export interface AlertTable {
  seq: Generated<number>;
  id: string;
  msgType: string;
  audience: string;
  owner: string;
  releasableTo: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  dedupKey: string;
  ruleId: string | null;
  ruleKind: string | null;
  severity: string | null;
  causeKind: string | null;
  causeId: string | null;
  at: string | null;
  section: string | null;
  lat: number | null;
  lon: number | null;
  distanceKm: number | null;
  eventType: string | null;
  headlineFr: string | null;
  headlineEn: string | null;
  public: number;
  /** A Cancel: the message it cancels and when that one was sent. */
  referencesId: string | null;
  referencesSent: string | null;
  /** An alert whose cause left its audience's view; it is no longer served. */
  withdrawnAt: string | null;
  /** The first message of its chain (Alert, Updates, Cancel); migration 0010. */
  chainId: string | null;
  /** A Cancel's or an Update's earlier messages, JSON `[{identifier, sent}]`. */
  referencesJson: string | null;
  /** Replaced by the next message of its chain: still served, no longer in force. */
  supersededAt: string | null;
  /** 1 when this node's nation may tell its population (the public CAP feed). */
  population: Generated<number>;
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
