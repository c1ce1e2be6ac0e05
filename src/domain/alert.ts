import type { AlertRule, AlertRuleKind } from './alert-rules.js';
import type { ThreatLevel } from './early-warning-config.js';
import type { NationCode } from './nation.js';
import { levelRank } from './threat-level.js';
import type { Releasable } from './sovereignty.js';

/**
 * An alert: raised on this node by a rule for one audience (the nation whose view of the records
 * met the rule) and released to that audience alone (see `derivedFor` in sovereignty.ts).
 */
export interface Alert extends Releasable {
  id: string;
  msgType: 'Alert';
  /** The nation it was raised for, from what that nation may see. */
  audience: NationCode;
  version: number;
  createdAt: string;
  updatedAt: string;
  rule: string;
  ruleKind: AlertRuleKind;
  /** The cause, as the rule names it: while in force, a second alert with the same key is never raised for the audience. */
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

/**
 * What an audience is sent when the cause of one of its alerts leaves its view: a CAP `Cancel`
 * naming the earlier message, and nothing else about the cause (the cause is what it lost).
 */
export interface AlertCancel extends Releasable {
  id: string;
  msgType: 'Cancel';
  audience: NationCode;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The messages it cancels, as CAP names them (with the node's sender). */
  references: { identifier: string; sent: string }[];
  public: boolean;
}

/** What a nation reads in its alert list, its CAP feed, its stream and its webhooks. */
export type AlertMessage = Alert | AlertCancel;

/** The Cancel of an alert, for the alert's own audience. */
export function cancelOf(alert: Alert, id: string, at: string): AlertCancel {
  return {
    id,
    msgType: 'Cancel',
    audience: alert.audience,
    owner: alert.owner,
    releasableTo: alert.releasableTo,
    version: 1,
    createdAt: at,
    updatedAt: at,
    references: [{ identifier: alert.id, sent: alert.createdAt }],
    public: alert.public,
  };
}

/** A record that left an audience's view, and the sections it counted in there. */
export interface LeftRecord {
  kind: 'incident' | 'patrol';
  id: string;
  sections: readonly string[];
}

/**
 * Which of an audience's alerts in force to withdraw when a record leaves its view: those the
 * record caused, and the level-rising alerts of its sections that announced a level the section no
 * longer has in that view once the record is taken out.
 */
export function alertsToWithdraw(alerts: readonly Alert[], left: LeftRecord, levelNow: (section: string) => ThreatLevel): Alert[] {
  return alerts.filter(
    (alert) =>
      (alert.cause.kind === left.kind && alert.cause.id === left.id) ||
      (alert.ruleKind === 'level-rising' && alert.section !== null && left.sections.includes(alert.section) && levelRank(alert.severity) > levelRank(levelNow(alert.section))),
  );
}

/** A stored rule with what the node adds around it. */
export interface StoredAlertRule {
  rule: AlertRule;
  public: boolean;
  /** Partner nations its alerts may be raised for (and who may read the rule); the host nation always. */
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
