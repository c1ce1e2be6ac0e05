import { EventEmitter } from 'node:events';
import type { AlertAcknowledgement, AlertMessage, StoredAlertRule } from '../domain/alert.js';
import type { AlertRule, WatchedCandidate } from '../domain/alert-rules.js';
import { DEFAULT_EARLY_WARNING_CONFIG, fieldErrorToDiboli, validateEarlyWarningConfig, type EarlyWarningConfig } from '../domain/early-warning-config.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import type { PatrolProposal } from '../domain/patrol-recommendation.js';
import { requireVerb } from '../domain/permissions.js';
import type { LevelHistoryEntry } from '../domain/threat-level.js';
import type { Actor } from '../domain/user.js';
import { AlertRepository } from '../store/alert-repository.js';
import { AlertRuleRepository } from '../store/alert-rule-repository.js';
import type { StoredSection } from '../store/geography-repository.js';
import { ThreatLevelRepository, type AudienceLevelEntry } from '../store/threat-level-repository.js';
import { WebhookRepository, type Webhook } from '../store/webhook-repository.js';
import { AlertRuleService } from './alert-rule-service.js';
import { Alerting } from './alerting.js';
import { CoverageService, type CoverageView, type RecommendationInput } from './coverage-service.js';
import type { NodeContext } from './node-context.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { ThreatLevels, type IncidentChange, type OverrideInput, type SectionLevelView } from './threat-levels.js';
import { DEFAULT_WEBHOOK_POLICY, WebhookDeliveries, type WebhookPolicy, type WebhookWithDeliveries } from './webhook-delivery.js';

export { DEFAULT_WEBHOOK_POLICY, type WebhookPolicy, type WebhookWithDeliveries } from './webhook-delivery.js';
export type { CoverageView, RecommendationInput } from './coverage-service.js';
export type { SectionLevelView } from './threat-levels.js';
export { fieldErrorToDiboli } from '../domain/early-warning-config.js';

export interface EarlyWarningOptions {
  webhooks?: Partial<WebhookPolicy>;
  /**
   * Period of the housekeeping pass: levels carried forward by decay, overrides expiring, overdue
   * patrols. 0 turns it off (tests drive it by hand).
   */
  tickMs?: number;
  /** Waits between webhook attempts are real time even when the node's clock is held still. */
  wallClock?: Clock;
  /** Check-in interval assumed for a patrol under way (the patrol record has none of its own). */
  checkInIntervalMinutes?: number;
}

/** What the live stream forwards; each names the audience it was computed for. */
export interface EarlyWarningEventMap {
  alert: [AlertMessage];
  /** Messages an audience may no longer read (their cause left its view), told before their Cancel. */
  withdrawn: [{ audience: NationCode; ids: readonly string[] }];
  level: [AudienceLevelEntry];
}

const instances = new WeakMap<NodeContext, EarlyWarningService>();

/** The one early-warning service of a node: every app built on the same node shares it. */
export function earlyWarningOf(node: NodeContext, options: EarlyWarningOptions = {}): EarlyWarningService {
  let service = instances.get(node);
  if (!service) {
    service = new EarlyWarningService(node, options);
    instances.set(node, service);
  }
  return service;
}

/**
 * Early warning on a running node, per audience (see `threat-levels.ts`, `alerting.ts`): keeps
 * each audience's section scores, levels and history up to date from node events, raises and
 * withdraws its alerts, posts them to its webhooks, and answers its coverage and recommendations.
 * Work caused by node events runs one task at a time, in order, after the write that caused it
 * committed; reads queue behind it, so none sees a stale level.
 */
export class EarlyWarningService {
  readonly events = new EventEmitter<EarlyWarningEventMap>();
  readonly levels: ThreatLevels;
  readonly rules: AlertRuleService;
  readonly alerting: Alerting;
  readonly webhooks: WebhookDeliveries;
  readonly coverageService: CoverageService;
  private config: EarlyWarningConfig = DEFAULT_EARLY_WARNING_CONFIG;
  private queue: Promise<void> = Promise.resolve();
  /** Incident changes told by the node and not yet counted (see `incidentsChanged`). */
  private readonly pendingIncidentChanges: IncidentChange[] = [];
  private started: Promise<void> | undefined;
  private tick: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly node: NodeContext,
    private readonly options: EarlyWarningOptions = {},
  ) {
    this.events.setMaxListeners(0);
    const config = () => this.config;
    this.webhooks = new WebhookDeliveries(
      node,
      new WebhookRepository(node.store.db),
      { ...DEFAULT_WEBHOOK_POLICY, ...options.webhooks },
      options.wallClock ?? systemClock,
    );
    this.rules = new AlertRuleService(node, new AlertRuleRepository(node.store.db));
    this.alerting = new Alerting(
      node,
      this.rules,
      new AlertRepository(node.store.db),
      {
        deliver: (m) => this.webhooks.enqueue(m),
        publish: (m) => void this.events.emit('alert', m),
        withdrawn: (audience, ids) => void this.events.emit('withdrawn', { audience, ids }),
      },
      config,
      options,
    );
    this.levels = new ThreatLevels(node, new ThreatLevelRepository(node.store), config, async (entry) => {
      this.events.emit('level', entry);
      await this.alerting.levelRecorded(entry.audience, entry);
    });
    this.coverageService = new CoverageService(node, (audience) => this.queued(() => this.levels.view(audience)), config);
  }

  /** Subscribes to node events, recomputes every level once, starts housekeeping; idempotent. */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  private async begin(): Promise<void> {
    const checked = validateEarlyWarningConfig(await this.levels.repo.settings());
    this.config = checked.ok ? checked.value : DEFAULT_EARLY_WARNING_CONFIG;
    const onIncident = (change: IncidentChange) => {
      this.pendingIncidentChanges.push(change);
      // One task per burst: a partner's catch-up delivers thousands of incidents back to back,
      // and each would otherwise pay its own reads and writes of scores and levels.
      if (this.pendingIncidentChanges.length === 1) void this.enqueue(() => this.incidentsChanged()).catch(() => undefined);
    };
    const onPatrol = ({ before, after }: { before?: Patrol; after?: Patrol }) =>
      void this.enqueue(() => this.alerting.patrolChanged(before, after, this.levelsNow)).catch(() => undefined);
    this.node.events.on('incident', onIncident);
    this.node.events.on('patrol', onPatrol);
    this.unsubscribe.push(
      () => this.node.events.off('incident', onIncident),
      () => this.node.events.off('patrol', onPatrol),
    );
    // Not awaited: a node with a million incidents answers at once, and every read of levels
    // queues behind this recompute.
    void this.enqueue(() => this.levels.recompute()).catch(() => undefined);
    const tickMs = this.options.tickMs ?? 60_000;
    if (tickMs > 0) {
      this.tick = setInterval(() => void this.housekeeping(), tickMs);
      this.tick.unref();
    }
    this.webhooks.start();
  }

  /** Stops listening and timers; waits for the work already queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (instances.get(this.node) === this) instances.delete(this.node);
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.tick) clearInterval(this.tick);
    await this.settled();
    await this.webhooks.stop();
  }

  /** Resolves once every task queued so far is done: reads after a write see its effect. */
  async settled(): Promise<void> {
    await this.start();
    let seen: Promise<void>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  settings(): EarlyWarningConfig {
    return this.config;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      (error: unknown) => {
        // One failed task (e.g. a database busy for too long) must not block those after it.
        process.emitWarning(`early warning: ${(error as Error).message}`);
      },
    );
    return run;
  }

  /** Runs a task after everything queued, once the service has started. */
  private async queued<T>(task: () => Promise<T>): Promise<T> {
    await this.start();
    return this.enqueue(task);
  }

  private readonly levelsNow = (audience: NationCode, sections: readonly string[]) => this.levels.shown(audience, sections);

  private async incidentsChanged(): Promise<void> {
    const changes = this.pendingIncidentChanges.splice(0);
    if (changes.length === 0) return;
    await this.levels.incidentsChanged(changes);
    await this.alerting.incidentsChanged(changes, this.levelsNow);
  }

  private async housekeeping(): Promise<void> {
    if (this.stopped) return;
    await this.enqueue(async () => {
      await this.levels.refresh();
      await this.alerting.checkOverduePatrols();
    }).catch(() => undefined);
  }

  // ——— levels (the caller's audience) ———

  /** Full recompute of every audience's scores and levels from all incidents held by the node. */
  async recompute(): Promise<void> {
    await this.queued(() => this.levels.recompute());
  }

  /** Carries every audience's scores forward to now and records level changes. */
  async refreshLevels(): Promise<void> {
    await this.queued(async () => void (await this.levels.refresh()));
  }

  /** Each section's level as the caller's nation sees it now, with score, source and the override in force. */
  async sectionLevels(actor: Actor): Promise<SectionLevelView[]> {
    return this.queued(() => this.levels.view(actor.nation));
  }

  /** The border sections with the level the caller's nation sees. */
  async sectionsWithLevels(actor: Actor): Promise<(StoredSection & { threatLevel: SectionLevelView['level'] })[]> {
    const levels = new Map((await this.sectionLevels(actor)).map((l) => [l.section, l.level]));
    return (await this.node.repos.geography.sections()).map((s) => ({ ...s, threatLevel: levels.get(s.id) ?? 'low' }));
  }

  async history(
    actor: Actor,
    sectionId: string,
    window: { from?: string; to?: string } = {},
  ): Promise<{ current: SectionLevelView; history: LevelHistoryEntry[] }> {
    return this.queued(() => this.levels.history(actor.nation, sectionId, window));
  }

  /** The caller's level history of every section over a window (situation report). */
  async levelHistory(actor: Actor, window: { from: string; to: string }): Promise<LevelHistoryEntry[]> {
    return this.queued(() => this.levels.repo.history(actor.nation, window));
  }

  /** A coordinator forces a section's level until the expiry, for the audiences the override is released to. */
  async override(actor: Actor, sectionId: string, input: OverrideInput): Promise<SectionLevelView> {
    const override = await this.levels.checkOverride(actor, sectionId, input);
    await this.queued(() => this.levels.applyOverride(override));
    return (await this.history(actor, sectionId)).current;
  }

  /** A coordinator lifts their override of a section before it expires. */
  async liftOverride(actor: Actor, sectionId: string): Promise<SectionLevelView> {
    const lifted = await this.levels.checkLift(actor, sectionId);
    await this.queued(() => this.levels.liftOverrides(lifted));
    return (await this.history(actor, sectionId)).current;
  }

  /** Changes the tunable parameters (merged over the defaults) and recomputes every level. */
  async updateSettings(actor: Actor, settings: unknown): Promise<EarlyWarningConfig> {
    requireVerb(actor, 'early-warning.configure');
    const checked = validateEarlyWarningConfig(settings);
    if (!checked.ok) throw fieldErrorToDiboli(checked.errors);
    await this.queued(async () => {
      await this.levels.repo.saveSettings(settings, this.node.clock.now().toISOString(), actor.userId);
      this.config = checked.value;
      await this.levels.recompute();
    });
    return checked.value;
  }

  // ——— coverage and recommendation ———

  coverage(actor: Actor, days?: number): Promise<CoverageView> {
    return this.coverageService.coverage(actor, days);
  }

  recommend(actor: Actor, input: RecommendationInput): Promise<PatrolProposal[]> {
    return this.coverageService.recommend(actor, input);
  }

  draftFromProposal(actor: Actor, input: RecommendationInput, rank: number): Promise<{ proposal: PatrolProposal; patrol: Patrol }> {
    return this.coverageService.draftFromProposal(actor, input, rank);
  }

  // ——— alert rules and alerts ———

  listRules(actor: Actor): Promise<StoredAlertRule[]> {
    return this.rules.list(actor);
  }

  addRule(actor: Actor, input: Record<string, unknown>): Promise<StoredAlertRule> {
    return this.rules.add(actor, input);
  }

  setRuleEnabled(actor: Actor, id: string, enabled: boolean): Promise<StoredAlertRule> {
    return this.rules.setEnabled(actor, id, enabled);
  }

  /** The caller's alerts in force and the Cancels it was sent (with `withSuperseded`, the replaced ones too), newest first. */
  async listAlerts(actor: Actor, query: { since?: string; unacknowledged?: boolean; publicOnly?: boolean; withSuperseded?: boolean; limit?: number }) {
    await this.settled();
    return this.alerting.list(actor, query);
  }

  async getAlert(actor: Actor, id: string): Promise<AlertMessage> {
    await this.settled();
    return this.alerting.get(actor, id);
  }

  /** What this node's nation tells its population (see `mayReachPopulation`), newest first. */
  async alertsForPopulation(limit: number): Promise<AlertMessage[]> {
    await this.settled();
    return this.alerting.repo.forPopulation(this.node.nation, limit);
  }

  acknowledge(actor: Actor, id: string): Promise<AlertAcknowledgement[]> {
    return this.alerting.acknowledge(actor, id);
  }

  /** A news candidate judged by the news-severity rules (called by news monitoring). */
  async newsCandidate(candidate: WatchedCandidate, audience: NationCode[] = []) {
    return this.queued(() => this.alerting.newsCandidate(candidate, audience));
  }

  /** Patrols under way that missed their check-in raise `patrol-overdue` alerts (once per silence). */
  async checkOverduePatrols(): Promise<void> {
    await this.queued(() => this.alerting.checkOverduePatrols());
  }

  // ——— webhooks ———

  addWebhook(actor: Actor, input: { url: string; description?: string }): Promise<Webhook> {
    return this.webhooks.add(actor, input);
  }

  listWebhooks(actor: Actor): Promise<WebhookWithDeliveries[]> {
    return this.webhooks.list(actor);
  }

  setWebhookEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookWithDeliveries> {
    return this.webhooks.setEnabled(actor, id, enabled);
  }

  /** Posts every due delivery now. */
  deliverDue(): Promise<void> {
    return this.webhooks.deliverDue();
  }
}

export type { AlertRule };
