import {
  alertsToWithdraw,
  cancelOf,
  planAlertLifecycle,
  updateOf,
  type Alert,
  type AlertAcknowledgement,
  type AlertMessage,
  type LeftRecord,
  type StoredAlertRule,
} from '../domain/alert.js';
import { evaluateRules, type AlertDraft, type WatchedCandidate, type WatchedEvent } from '../domain/alert-rules.js';
import type { EarlyWarningConfig } from '../domain/early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { DiboliError } from '../domain/errors.js';
import type { Incident } from '../contracts/incident.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import { requireVerb } from '../domain/permissions.js';
import { audienceOf, audiencesTouched, derivedFor, lostAccess, mayReachPopulation, positionsAudience } from '../domain/sovereignty.js';
import { levelChange, type LevelHistoryEntry } from '../domain/threat-level.js';
import type { Actor } from '../domain/user.js';
import type { AlertRepository } from '../store/alert-repository.js';
import type { AlertRuleService } from './alert-rule-service.js';
import type { NodeContext } from './node-context.js';
import type { IncidentChange } from './threat-levels.js';

/** Where a raised alert, an Update or a Cancel goes once stored: its audience's webhooks, then the live stream. */
export interface AlertOutlets {
  deliver(message: AlertMessage): Promise<void>;
  publish(message: AlertMessage): void;
  /** Messages an audience may no longer read (their cause left its view): told before their Cancel. */
  withdrawn(audience: NationCode, ids: readonly string[]): void;
}

/** The level each of an audience's sections shows now. */
export type LevelsNow = (audience: NationCode, sections: readonly string[]) => Promise<Map<string, ThreatLevel>>;

/**
 * Alerts per audience. A rule that meets a cause raises one alert for each audience that may see
 * the cause and that the rule releases to; each alert is released to its audience alone. When the
 * cause changes so that the alert says something else (severity, place, type, time), the audience
 * is sent an Update naming the earlier messages; when the rule no longer holds for it (refuted,
 * type changed, moved away), a Cancel. When a cause leaves an audience's view (narrowed,
 * retracted, removed), the alerts it raised there are withdrawn and the audience is sent a CAP
 * Cancel naming each — on the same channels.
 */
export class Alerting {
  constructor(
    private readonly node: NodeContext,
    private readonly rules: AlertRuleService,
    readonly repo: AlertRepository,
    private readonly outlets: AlertOutlets,
    private readonly config: () => EarlyWarningConfig,
    private readonly options: { checkInIntervalMinutes?: number } = {},
  ) {}

  private nations(): NationCode[] {
    return [...new Set(this.node.mechanism.nations)].sort();
  }

  /** Withdraws what left each audience's view, then raises what the new versions call for. */
  async incidentsChanged(changes: readonly IncidentChange[], levelsNow: LevelsNow): Promise<void> {
    for (const { before, after } of changes) {
      if (before) await this.recordLeft(before, after, { kind: 'incident', id: before.id, sections: before.section ? [before.section] : [] }, levelsNow);
      if (after) await this.incidentSeen(after);
    }
  }

  /** A patrol's overdue alerts come from its positions: they go when the patrol or its positions leave a view. */
  async patrolChanged(before: Patrol | undefined, after: Patrol | undefined, levelsNow: LevelsNow): Promise<void> {
    if (!before) return;
    const positions = (p: Patrol | undefined) => (p ? audienceOf(positionsAudience(p, this.node.mechanism)) : []);
    for (const audience of lostAccess(positions(before), positions(after))) {
      await this.withdraw(audience, { kind: 'patrol', id: before.id, sections: [] }, levelsNow);
    }
  }

  /** A line of an audience's level history: a rise may raise that audience's level-rising alerts. */
  async levelRecorded(audience: NationCode, entry: LevelHistoryEntry): Promise<void> {
    if (levelChange(entry.from, entry.to) !== 'rising') return;
    // Computed from the audience's whole picture, partners' released records included: not the host nation's alone.
    await this.raise({ kind: 'level-change', change: { section: entry.section, at: entry.at, from: entry.from, to: entry.to } }, [audience], null, null);
  }

  /** A news candidate judged by the news-severity rules: candidates stay with the host nation, and any audience named. */
  async newsCandidate(candidate: WatchedCandidate, audience: readonly NationCode[] = []): Promise<Alert[]> {
    const audiences = [...new Set([this.node.nation, ...audience.filter((n) => this.nations().includes(n))])];
    return this.raise({ kind: 'news-candidate', candidate }, audiences, candidate.eventType, this.node.nation);
  }

  /**
   * Patrols under way that missed their check-in raise `patrol-overdue` alerts (once per silence),
   * for the audiences that may see the patrol's positions: a check-in is a position.
   */
  async checkOverduePatrols(): Promise<void> {
    const rules = await this.rules.repo.rules();
    if (!rules.some((r) => r.rule.kind === 'patrol-overdue')) return;
    for (const patrol of await this.node.repos.patrols.listVisible(this.node.nation, 'underway')) {
      const lastCheckInAt = await this.node.repos.patrols.lastPositionAt(patrol.id);
      await this.raise(
        {
          kind: 'patrol-check',
          patrol: {
            id: patrol.id,
            status: patrol.status,
            startedAt: patrol.startedAt,
            lastCheckInAt,
            checkInIntervalMinutes: this.options.checkInIntervalMinutes ?? 60,
          },
        },
        audiencesTouched([positionsAudience(patrol, this.node.mechanism)], this.nations()),
        null,
        null,
      );
    }
  }

  async list(actor: Actor, query: { since?: string; unacknowledged?: boolean; publicOnly?: boolean; withSuperseded?: boolean; limit?: number }) {
    return this.repo.listFor(actor.nation, {
      limit: query.limit ?? 200,
      ...(query.withSuperseded ? { withSuperseded: true } : {}),
      ...(query.since ? { since: query.since } : {}),
      ...(query.unacknowledged ? { unacknowledgedBy: actor.userId } : {}),
      ...(query.publicOnly ? { publicOnly: true } : {}),
    });
  }

  async get(actor: Actor, id: string): Promise<AlertMessage> {
    const message = await this.repo.findFor(id, actor.nation);
    if (!message) throw new DiboliError('ERR_NOT_FOUND', { kind: 'alert', id });
    return message;
  }

  async acknowledge(actor: Actor, id: string): Promise<AlertAcknowledgement[]> {
    requireVerb(actor, 'alert.acknowledge');
    await this.get(actor, id);
    return this.repo.acknowledge({ alertId: id, userId: actor.userId, nation: actor.nation, at: this.node.clock.now().toISOString() });
  }

  /**
   * An incident's version as each audience that may see it now sees it: what the rules raise for
   * it, against the audience's alerts in force about it — raised when new, updated when what they
   * say changed, cancelled when the rule no longer holds (a partner's versions arrive without the
   * one before: the alerts in force stand for it).
   */
  private async incidentSeen(incident: Incident): Promise<void> {
    const audiences = audiencesTouched([incident], this.nations());
    const rules = await this.rules.repo.rules();
    if (audiences.length === 0 || rules.length === 0) return;
    const location: [number, number] = [incident.location.lon, incident.location.lat];
    const event: WatchedEvent = {
      kind: 'incident',
      incident: {
        id: incident.id,
        eventType: incident.eventType as never,
        subEventType: incident.subEventType,
        location,
        section: incident.section,
        occurredAt: incident.occurredAt,
        fatalities: incident.fatalities,
        status: incident.status,
      },
    };
    const now = this.node.clock.now();
    const byId = new Map(rules.map((r) => [r.rule.id, r]));
    const drafts = evaluateRules(
      rules.map((r) => r.rule),
      event,
      this.config(),
      now,
    );
    const active = (rule: string) => byId.get(rule)?.rule.enabled !== false && byId.has(rule);
    for (const audience of audiences) {
      const inForce = await this.repo.inForceAbout(audience, { kind: 'incident', id: incident.id }, []);
      const fresh = drafts
        .filter((d) => this.rules.releasesTo(byId.get(d.rule)!, audience))
        .map((d) => this.alertOf(d, byId.get(d.rule)!, audience, incident.eventType, now, incident.owner, ''));
      if (inForce.length === 0 && fresh.length === 0) continue;
      const plan = planAlertLifecycle(inForce, fresh, active, incident.status === 'refuted');
      const at = now.toISOString();
      for (const alert of plan.cancels) {
        const cancel = cancelOf(alert, this.newId(audience), at);
        await this.repo.close(alert, cancel);
        await this.sent(cancel);
      }
      for (const { previous, next } of plan.updates) {
        const update = updateOf(previous, { ...next, id: this.newId(audience) });
        await this.repo.replace(previous, update);
        await this.sent(update);
      }
      for (const alert of plan.raises) {
        const raised = { ...alert, id: this.newId(audience) };
        if (await this.repo.insertOnce(raised)) await this.sent(raised);
      }
    }
  }

  private newId(audience: NationCode): string {
    return this.node.ids.newId(`alert:${audience}`);
  }

  private async recordLeft(before: Incident, after: Incident | undefined, left: LeftRecord, levelsNow: LevelsNow): Promise<void> {
    const lost = lostAccess(audienceOf(before), after ? audienceOf(after) : []).filter((n) => this.nations().includes(n));
    for (const audience of lost) await this.withdraw(audience, left, levelsNow);
  }

  /**
   * Withdraws, for one audience, the alerts of a record that left its view (with the messages of
   * their chains), each chain with its Cancel; chains already cancelled are withdrawn silently.
   */
  private async withdraw(audience: NationCode, left: LeftRecord, levelsNow: LevelsNow): Promise<void> {
    const now = this.node.clock.now().toISOString();
    const candidates = await this.repo.inForceAbout(audience, left, left.sections);
    if (candidates.length > 0) {
      const levels = await levelsNow(audience, left.sections);
      for (const alert of alertsToWithdraw(candidates, left, (section) => levels.get(section) ?? 'low')) {
        const cancel = cancelOf(alert, this.newId(audience), now);
        this.outlets.withdrawn(audience, await this.repo.withdraw(alert, cancel));
        await this.sent(cancel);
      }
    }
    const closed = await this.repo.withdrawClosedAbout(audience, left, now);
    if (closed.length > 0) this.outlets.withdrawn(audience, closed);
  }

  /** Evaluates the rules once, and raises each draft for every audience its rule releases to. */
  private async raise(event: WatchedEvent, audiences: readonly NationCode[], eventType: string | null, causeOwner: NationCode | null): Promise<Alert[]> {
    if (audiences.length === 0) return [];
    const rules = await this.rules.repo.rules();
    if (rules.length === 0) return [];
    const now = this.node.clock.now();
    const byId = new Map(rules.map((r) => [r.rule.id, r]));
    const drafts = evaluateRules(
      rules.map((r) => r.rule),
      event,
      this.config(),
      now,
    );
    const raised: Alert[] = [];
    for (const audience of audiences) {
      for (const draft of drafts) {
        const rule = byId.get(draft.rule)!;
        if (!this.rules.releasesTo(rule, audience)) continue;
        // Checked before an id is taken: an audience's ids count only the alerts it is sent.
        if (await this.repo.inForce(audience, draft.dedupKey)) continue;
        const alert = this.alertOf(draft, rule, audience, eventType, now, causeOwner, this.newId(audience));
        if (!(await this.repo.insertOnce(alert))) continue;
        raised.push(alert);
        await this.sent(alert);
      }
    }
    return raised;
  }

  private async sent(message: AlertMessage): Promise<void> {
    await this.outlets.deliver(message);
    this.outlets.publish(message);
  }

  /** `causeOwner`: the nation whose record the cause is, when it is one record (see `mayReachPopulation`). */
  private alertOf(
    draft: AlertDraft,
    rule: StoredAlertRule,
    audience: NationCode,
    eventType: string | null,
    now: Date,
    causeOwner: NationCode | null,
    id: string,
  ): Alert {
    return {
      id,
      msgType: 'Alert',
      audience,
      ...derivedFor(this.node.nation, audience),
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      rule: draft.rule,
      ruleKind: draft.ruleKind,
      dedupKey: draft.dedupKey,
      severity: draft.severity,
      cause: draft.cause,
      at: draft.at,
      section: draft.section ?? null,
      location: draft.location ? { lon: draft.location[0], lat: draft.location[1] } : null,
      distanceKm: draft.distanceKm ?? null,
      eventType,
      headline: draft.headline,
      public: rule.public,
      population: mayReachPopulation({ audience, public: rule.public }, causeOwner, this.node.nation),
    };
  }
}
