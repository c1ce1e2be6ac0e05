import type { AlertRule, AlertRuleKind } from './alert-rules.js';
import type { ThreatLevel } from './early-warning-config.js';
import type { NationCode } from './nation.js';
import type { Releasable } from './sovereignty.js';

/** An alert as a shared record: raised on this node by a rule, released like any record. */
export interface Alert extends Releasable {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  rule: string;
  ruleKind: AlertRuleKind;
  /** The cause, as the rule names it: a second alert with the same key is never raised. */
  dedupKey: string;
  severity: ThreatLevel;
  cause: { kind: 'incident' | 'section' | 'patrol' | 'candidate'; id: string };
  at: string;
  section: string | null;
  location: { lat: number; lon: number } | null;
  distanceKm: number | null;
  eventType: string | null;
  headline: { fr: string; en: string };
  /** Meant for the population: exported as CAP 1.2 and listed in the CAP feed. */
  public: boolean;
}

/** A stored rule with what the node adds around it. */
export interface StoredAlertRule {
  rule: AlertRule;
  public: boolean;
  /** Nations its alerts are released to when the cause does not say otherwise. */
  releasableTo: NationCode[];
  createdAt: string;
  createdBy: string | null;
}

export interface AlertAcknowledgement {
  alertId: string;
  userId: string;
  nation: NationCode;
  at: string;
}
