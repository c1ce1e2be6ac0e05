import type { AlertRule, AlertRuleKind } from './alert-rules.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import type { NationCode } from '../kernel/nation.js';
import { levelRank } from './threat-level.js';
import type { Releasable } from './sovereignty.js';

/** An earlier message, as CAP names it (with the node's sender). */
export interface AlertReference {
  identifier: string;
  sent: string;
}

/**
 * An alert: raised on this node by a rule for one audience (the nation whose view of the records
 * met the rule) and released to that audience alone (see `derivedFor` in sovereignty.ts). When its
 * cause changes in a way that changes the alert, an `Update` replaces it: a new message of the same
 * chain that names the earlier ones.
 */
export interface Alert extends Releasable {
  id: string;
  msgType: 'Alert' | 'Update';
  /** An Update's earlier messages of its chain, oldest first (the first is the chain's Alert). */
  references?: AlertReference[];
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
  /** May go to this node's public feed, read without login (see `mayReachPopulation`). */
  population: boolean;
}

/**
 * What an audience is sent when an alert no longer holds: its cause left the audience's view, was
 * refuted, or no longer meets the rule. A CAP `Cancel` naming the messages of the alert's chain,
 * and nothing else about the cause (not what was said, nor why).
 */
export interface AlertCancel extends Releasable {
  id: string;
  msgType: 'Cancel';
  audience: NationCode;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The messages it cancels, as CAP names them (with the node's sender), oldest first. */
  references: AlertReference[];
  public: boolean;
  population: boolean;
}

/** What a nation reads in its alert list, its CAP feed, its stream and its webhooks. */
export type AlertMessage = Alert | AlertCancel;

/** The messages of an alert's chain before it, and itself: what a next message refers to. */
export function referencesThrough(alert: Alert): AlertReference[] {
  return [...(alert.references ?? []), { identifier: alert.id, sent: alert.createdAt }];
}

/** The first message of a chain: an Alert is its own, an Update's is the first it names. */
export function chainOf(message: AlertMessage): string {
  return message.references?.[0]?.identifier ?? message.id;
}

/** The Cancel of an alert's chain (the alert in force, and the earlier messages it replaced), for the alert's own audience. */
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
    references: referencesThrough(alert),
    public: alert.public,
    population: alert.population,
  };
}

/**
 * The Update that replaces an alert in force: the new content the rule gives for the changed
 * cause, as a new message of the same chain that names every earlier one.
 */
export function updateOf(previous: Alert, next: Alert): Alert {
  return { ...next, msgType: 'Update', references: referencesThrough(previous), version: previous.version + 1, population: previous.population };
}

/** What a rule says of a cause: two alerts that say the same need no Update. */
function said(alert: Alert): string {
  return JSON.stringify([
    alert.severity,
    alert.at,
    alert.section,
    alert.location?.lat,
    alert.location?.lon,
    alert.eventType,
    alert.headline.fr,
    alert.headline.en,
  ]);
}

export interface AlertPlan {
  /** Alerts in force whose cause now calls for other content (`next`, to become their Update with `updateOf`). */
  updates: { previous: Alert; next: Alert }[];
  /** Alerts in force their rule no longer raises for the cause (refuted, type changed, moved away). */
  cancels: Alert[];
  /** New alerts, for causes with none in force. */
  raises: Alert[];
}

/**
 * The CAP lifecycle of one audience's alerts about one cause, when the cause changes: `inForce`
 * are the audience's alerts in force about it, `fresh` what the rules raise for its new version
 * (one per rule, with the same dedup key as the alert it would replace; ids are given afterwards,
 * to the messages actually sent). A rule switched off or
 * removed (`ruleActive` false) leaves its alert as it is, unless the cause was refuted: a refuted
 * cause cancels every alert about it.
 */
export function planAlertLifecycle(inForce: readonly Alert[], fresh: readonly Alert[], ruleActive: (rule: string) => boolean, refuted: boolean): AlertPlan {
  const plan: AlertPlan = { updates: [], cancels: [], raises: [] };
  const byKey = new Map(fresh.map((alert) => [alert.dedupKey, alert]));
  const held = new Set<string>();
  for (const alert of inForce) {
    held.add(alert.dedupKey);
    const next = byKey.get(alert.dedupKey);
    if (refuted) plan.cancels.push(alert);
    else if (!ruleActive(alert.rule)) continue;
    else if (!next) plan.cancels.push(alert);
    else if (said(next) !== said(alert)) plan.updates.push({ previous: alert, next });
  }
  for (const alert of fresh) if (!held.has(alert.dedupKey)) plan.raises.push(alert);
  return plan;
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
      (alert.ruleKind === 'level-rising' &&
        alert.section !== null &&
        left.sections.includes(alert.section) &&
        levelRank(alert.severity) > levelRank(levelNow(alert.section))),
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
