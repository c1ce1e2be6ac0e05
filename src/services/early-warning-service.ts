import { EventEmitter } from 'node:events';
import type { Alert, AlertAcknowledgement, StoredAlertRule } from '../domain/alert.js';
import { evaluateRules, validateAlertRule, type AlertDraft, type AlertRule, type WatchedCandidate, type WatchedEvent } from '../domain/alert-rules.js';
import { coverageGaps, coverageRuleOf, lastPatrolled, type CoverageGap, type LastPatrolled, type PatrolPassage } from '../domain/coverage.js';
import {
  DEFAULT_EARLY_WARNING_CONFIG,
  validateEarlyWarningConfig,
  validateOverride,
  type EarlyWarningConfig,
  type FieldError,
  type ThreatLevel,
} from '../domain/early-warning-config.js';
import { DiboliError } from '../domain/errors.js';
import { isEventType } from '../domain/event-types.js';
import type { Incident } from '../domain/incident.js';
import { partnersOf } from '../domain/mechanism.js';
import type { NationCode } from '../domain/nation.js';
import type { Patrol } from '../domain/patrol.js';
import { recommendPatrols, type AvailableUnit, type PatrolProposal } from '../domain/patrol-recommendation.js';
import { requireVerb } from '../domain/permissions.js';
import {
  effectiveLevel,
  levelChange,
  nextHistoryEntry,
  overrideInForce,
  type EffectiveLevel,
  type LevelHistoryEntry,
} from '../domain/threat-level.js';
import { applyIncidentChange, computeSectionScores, scoreAt, type ScoredIncident, type SectionScore } from '../domain/threat-score.js';
import type { Actor } from '../domain/user.js';
import { isVisibleTo, releasabilityOf } from '../domain/sovereignty.js';
import type { LineString } from '../geo/geojson.js';
import { AlertRepository, ThreatLevelRepository, WebhookRepository, type StoredOverride, type Webhook, type WebhookDelivery } from '../store/early-warning-repository.js';
import type { NodeContext } from './node-context.js';
import { PatrolService } from './patrol-service.js';
import { systemClock, type Clock } from './runtime.js';
import { checkWebhookTarget, postWebhook } from './webhook-client.js';

/** How webhook deliveries are retried: exponential back-off, bounded attempts, bounded waits. */

type IncidentChange = { before?: Incident; after?: Incident };
export interface WebhookPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; doubles after each failure… */
  backoffMs: number;
  /** …up to this. */
  maxBackoffMs: number;
  /** A receiver that does not answer within this is a failed attempt. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { maxAttempts: 8, backoffMs: 5_000, maxBackoffMs: 15 * 60_000, timeoutMs: 10_000 };

/** A webhook as its nation's managers see it, with the state of each delivery. */
export type WebhookWithDeliveries = Webhook & { deliveries: Pick<WebhookDelivery, 'status' | 'attempts'>[] };

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

/** What the live stream forwards; each carries what the visibility rule needs. */
export interface EarlyWarningEventMap {
  alert: [Alert];
  level: [LevelHistoryEntry];
}

export interface SectionLevelView extends EffectiveLevel {
  lastChangeAt: string | null;
}

export interface CoverageView {
  days: number;
  at: string;
  sections: (LastPatrolled & { level: ThreatLevel })[];
  gaps: CoverageGap[];
}

export interface RecommendationInput {
  from: string;
  to: string;
  maxLengthKm: number;
  nations?: string[];
  unitIds?: string[];
  stepKm?: number;
  maxProposals?: number;
  days?: number;
}

const MS_PER_DAY = 86_400_000;
/** Incidents read per query during a full recompute. */
const RECOMPUTE_PAGE = 20_000;
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

export function fieldErrorToDiboli(errors: readonly FieldError[]): DiboliError {
  const first = errors[0] ?? { field: 'input', message: { fr: 'valeur invalide', en: 'invalid value' } };
  return new DiboliError('ERR_EARLY_WARNING_INPUT', { field: first.field, fr: first.message.fr, en: first.message.en }, first.field);
}

function scored(incident: Incident | undefined): ScoredIncident | null {
  if (!incident || incident.section === null || !isEventType(incident.eventType)) return null;
  return {
    id: incident.id,
    section: incident.section,
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    occurredAt: incident.occurredAt,
    fatalities: incident.fatalities,
    credibility: incident.source.credibility,
    status: incident.status,
  };
}

/**
 * Early warning on a running node: keeps each section's running score and level up to date from
 * incident events, keeps the level history, applies overrides, raises alerts once per cause,
 * queues them to webhooks, and answers coverage, recommendation and level questions. Work caused
 * by node events runs one task at a time, in order, after the write that caused it committed.
 */
export class EarlyWarningService {
  readonly events = new EventEmitter<EarlyWarningEventMap>();
  readonly levels: ThreatLevelRepository;
  readonly alerts: AlertRepository;
  readonly webhooks: WebhookRepository;
  private config: EarlyWarningConfig = DEFAULT_EARLY_WARNING_CONFIG;
  private queue: Promise<void> = Promise.resolve();
  /** Incident changes told by the node and not yet counted (see `incidentsChanged`). */
  private readonly pendingIncidentChanges: IncidentChange[] = [];
  private started: Promise<void> | undefined;
  private tick: NodeJS.Timeout | undefined;
  private deliveryTimer: NodeJS.Timeout | undefined;
  private delivering = false;
  private redeliver = false;
  private stopped = false;
  private readonly policy: WebhookPolicy;
  private readonly wallClock: Clock;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly node: NodeContext,
    private readonly options: EarlyWarningOptions = {},
  ) {
    this.events.setMaxListeners(0);
    this.levels = new ThreatLevelRepository(node.store.db);
    this.alerts = new AlertRepository(node.store.db);
    this.webhooks = new WebhookRepository(node.store.db);
    this.policy = { ...DEFAULT_WEBHOOK_POLICY, ...options.webhooks };
    this.wallClock = options.wallClock ?? systemClock;
  }

  /** Subscribes to node events, recomputes every level once, starts housekeeping; idempotent. */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  private async begin(): Promise<void> {
    const stored = await this.levels.settings();
    const checked = validateEarlyWarningConfig(stored);
    this.config = checked.ok ? checked.value : DEFAULT_EARLY_WARNING_CONFIG;
    const onIncident = (change: IncidentChange) => {
      this.pendingIncidentChanges.push(change);
      // One task per burst: a partner's catch-up delivers thousands of incidents back to back,
      // and each would otherwise pay its own reads and writes of scores and levels.
      if (this.pendingIncidentChanges.length === 1) void this.enqueue(() => this.incidentsChanged()).catch(() => undefined);
    };
    this.node.events.on('incident', onIncident);
    this.unsubscribe.push(() => this.node.events.off('incident', onIncident));
    // Not awaited: a node with a million incidents answers at once, and every read of levels
    // queues behind this recompute, so none sees a stale level.
    void this.enqueue(() => this.recomputeNow()).catch(() => undefined);
    const tickMs = this.options.tickMs ?? 60_000;
    if (tickMs > 0) {
      this.tick = setInterval(() => void this.housekeeping(), tickMs);
      this.tick.unref();
    }
    this.scheduleDeliveries(0);
  }

  /** Stops listening and timers; waits for the work already queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (instances.get(this.node) === this) instances.delete(this.node);
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.tick) clearInterval(this.tick);
    if (this.deliveryTimer) clearTimeout(this.deliveryTimer);
    await this.settled();
    while (this.delivering) await new Promise((resolve) => setTimeout(resolve, 10));
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

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => {
      // One failed task (e.g. a database busy for too long) must not block those after it.
      process.emitWarning(`early warning: ${(error as Error).message}`);
    });
    return run;
  }

  // ——— threat levels ———

  private async incidentsChanged(): Promise<void> {
    const changes = this.pendingIncidentChanges.splice(0);
    if (changes.length === 0) return;
    const now = this.node.clock.now();
    const running = new Map<string, SectionScore>();
    for (const { before, after } of changes) {
      const sections = [...new Set([before?.section, after?.section].filter((s): s is string => typeof s === 'string'))];
      const change = { before: scored(before), after: scored(after) };
      for (const section of sections) {
        const current = running.get(section) ?? (await this.levels.score(section)) ?? { section, score: 0, asOf: now.toISOString() };
        running.set(section, applyIncidentChange(this.config, current, change, now));
      }
    }
    await this.levels.saveScores([...running.values()]);
    await this.refreshLevelsNow([...running.keys()]);
    if ((await this.alerts.rules()).length === 0) return;
    for (const { after } of changes) {
      if (!after) continue;
      const location: [number, number] = [after.location.lon, after.location.lat];
      const event: WatchedEvent = {
        kind: 'incident',
        incident: { id: after.id, eventType: after.eventType as never, subEventType: after.subEventType, location, section: after.section, occurredAt: after.occurredAt, fatalities: after.fatalities, status: after.status },
      };
      await this.raise(event, (rule) => this.incidentAudience(after, rule), after.eventType);
    }
  }

  /** Full recompute of every section's score from all incidents held by the node. */
  async recompute(): Promise<void> {
    await this.start();
    await this.enqueue(() => this.recomputeNow());
  }

  private async recomputeNow(): Promise<void> {
    const now = this.node.clock.now();
    const oldest = new Date(now.getTime() - this.config.lookbackDays * MS_PER_DAY).toISOString();
    // Straight from SQLite, a page at a time by primary key: a million incidents never sit in memory
    // as objects, and the event loop (and the connection) is free between pages. Scores are sums,
    // so the pages' scores add up to the whole.
    const page = this.node.store.sqlite.prepare(
      `SELECT seq, id, section, event_type AS eventType, sub_event_type AS subEventType, occurred_at AS occurredAt,
              fatalities, source_credibility AS credibility, status
         FROM incidents WHERE seq > ? AND seq <= ? AND section IS NOT NULL AND occurred_at >= ? ORDER BY seq LIMIT ?`,
    );
    // Incidents written after this point are queued behind the recompute and added by their own
    // events: they must not be counted twice.
    const last = (this.node.store.sqlite.prepare('SELECT max(seq) AS seq FROM incidents').get() as { seq: number | null }).seq ?? 0;
    const scores = new Map<string, number>();
    for (let after = 0; ; ) {
      const rows = page.all(after, last, oldest, RECOMPUTE_PAGE) as (ScoredIncident & { seq: number })[];
      for (const [section, score] of computeSectionScores(this.config, rows, now)) scores.set(section, (scores.get(section) ?? 0) + score);
      if (rows.length < RECOMPUTE_PAGE) break;
      after = rows.at(-1)!.seq;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const sections = await this.node.repos.geography.sections();
    const asOf = now.toISOString();
    await this.levels.saveScores(sections.map((s) => ({ section: s.id, score: scores.get(s.id) ?? 0, asOf })));
    await this.refreshLevelsNow(sections.map((s) => s.id));
  }

  /** Carries scores forward to now and records level changes (decay, overrides set or expired). */
  async refreshLevels(): Promise<void> {
    await this.start();
    await this.enqueue(() => this.refreshLevelsNow());
  }

  private async housekeeping(): Promise<void> {
    if (this.stopped) return;
    await this.enqueue(async () => {
      await this.refreshLevelsNow();
      await this.checkOverduePatrols();
    }).catch(() => undefined);
  }

  private async currentLevels(sectionIds?: readonly string[]): Promise<Map<string, EffectiveLevel>> {
    const now = this.node.clock.now();
    const ids = sectionIds ?? (await this.node.repos.geography.sections()).map((s) => s.id);
    const scores = new Map((await this.levels.scores()).map((s) => [s.section, s]));
    const overrides = groupBy(await this.levels.activeOverrides(now.toISOString()), (o) => o.section);
    const result = new Map<string, EffectiveLevel>();
    for (const id of ids) {
      const running = scores.get(id);
      const score = running ? scoreAt(this.config, running, now).score : 0;
      result.set(id, effectiveLevel(id, score, this.config.thresholds, overrideInForce(overrides.get(id) ?? [], now), now));
    }
    return result;
  }

  private async refreshLevelsNow(sectionIds?: readonly string[]): Promise<void> {
    const now = this.node.clock.now();
    const current = await this.currentLevels(sectionIds);
    const latest = await this.levels.latestLevels();
    const entries: LevelHistoryEntry[] = [];
    for (const level of current.values()) {
      const entry = nextHistoryEntry(latest.get(level.section), level, now);
      if (entry) entries.push(entry);
    }
    await this.levels.recordLevels(entries);
    for (const entry of entries) {
      this.events.emit('level', entry);
      if (levelChange(entry.from, entry.to) === 'rising') {
        await this.raise({ kind: 'level-change', change: { section: entry.section, at: entry.at, from: entry.from, to: entry.to } }, (rule) => rule.releasableTo, null);
      }
    }
  }

  /** Each section's level as shown now, with score, source and the override in force. */
  async sectionLevels(): Promise<SectionLevelView[]> {
    await this.refreshLevels();
    const current = await this.currentLevels();
    const lastChange = await this.levels.lastChanges();
    return [...current.values()].map((level) => ({ ...level, lastChangeAt: lastChange.get(level.section) ?? null }));
  }

  async history(sectionId: string, window: { from?: string; to?: string } = {}): Promise<{ current: SectionLevelView; history: LevelHistoryEntry[] }> {
    await this.requireSection(sectionId);
    if (window.from && window.to && window.from > window.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    const levels = await this.sectionLevels();
    const current = levels.find((l) => l.section === sectionId)!;
    return { current, history: await this.levels.history({ section: sectionId, ...window }) };
  }

  /** A coordinator forces a section's level, with a reason, until the expiry. */
  async override(actor: Actor, sectionId: string, input: { level: string; reason?: string; expiresAt?: string; startsAt?: string }): Promise<SectionLevelView> {
    requireVerb(actor, 'early-warning.override');
    await this.requireSection(sectionId);
    const now = this.node.clock.now();
    const checked = validateOverride({
      section: sectionId,
      level: input.level,
      reason: input.reason,
      setBy: actor.userId,
      setAt: input.startsAt ?? now.toISOString(),
      expiresAt: input.expiresAt,
    });
    if (!checked.ok) throw fieldErrorToDiboli(checked.errors);
    if (Date.parse(checked.value.expiresAt) <= now.getTime()) {
      throw new DiboliError('ERR_EARLY_WARNING_INPUT', { field: 'expiresAt', fr: 'l’échéance est déjà passée.', en: 'the expiry has already passed.' }, 'expiresAt');
    }
    const override: StoredOverride = {
      ...checked.value,
      id: this.node.ids.newId(),
      setAt: new Date(checked.value.setAt).toISOString(),
      expiresAt: new Date(checked.value.expiresAt).toISOString(),
    };
    await this.start();
    await this.enqueue(async () => {
      await this.levels.insertOverride(override);
      await this.refreshLevelsNow([sectionId]);
    });
    return (await this.history(sectionId)).current;
  }

  /** Changes the tunable parameters (merged over the defaults) and recomputes every level. */
  async updateSettings(actor: Actor, settings: unknown): Promise<EarlyWarningConfig> {
    requireVerb(actor, 'early-warning.configure');
    const checked = validateEarlyWarningConfig(settings);
    if (!checked.ok) throw fieldErrorToDiboli(checked.errors);
    await this.start();
    await this.enqueue(async () => {
      await this.levels.saveSettings(settings, this.node.clock.now().toISOString(), actor.userId);
      this.config = checked.value;
      await this.recomputeNow();
    });
    return checked.value;
  }

  private async requireSection(sectionId: string): Promise<void> {
    const sections = await this.node.repos.geography.sections();
    if (!sections.some((s) => s.id === sectionId)) throw new DiboliError('ERR_NOT_FOUND', { kind: 'section', id: sectionId });
  }

  // ——— coverage and recommendation ———

  /** Patrol paths the viewer may see: the recorded track when there is one, else the planned route. */
  private async passages(viewer: NationCode, until: Date): Promise<PatrolPassage[]> {
    const patrols = (await this.node.repos.patrols.listVisible(viewer)).filter((p) => p.status === 'underway' || p.status === 'completed');
    const passages: PatrolPassage[] = [];
    for (const patrol of patrols) {
      const track = await this.node.repos.patrols.track(patrol.id);
      const path: LineString | null = track.length >= 2 ? { type: 'LineString', coordinates: track.map((p) => [p.lon, p.lat]) } : patrol.route;
      if (!path || path.coordinates.length < 2) continue;
      const at = patrol.completedAt ?? track.at(-1)?.at ?? patrol.startedAt ?? patrol.plannedStart;
      if (Date.parse(at) > until.getTime()) continue;
      passages.push({ patrol: patrol.id, path, at });
    }
    return passages;
  }

  async coverage(actor: Actor, days?: number): Promise<CoverageView> {
    const period = days ?? this.config.coverageDays;
    if (!(Number.isFinite(period) && period > 0)) {
      throw new DiboliError('ERR_EARLY_WARNING_INPUT', { field: 'days', fr: 'la valeur doit être strictement positive.', en: 'the value must be greater than zero.' }, 'days');
    }
    const now = this.node.clock.now();
    const sections = await this.node.repos.geography.sections();
    const levels = new Map((await this.sectionLevels()).map((l) => [l.section, l.level]));
    const last = lastPatrolled(sections.map((s) => ({ id: s.id, geometry: s.geometry })), await this.passages(actor.nation, now), coverageRuleOf(this.config));
    const withLevels = last.map((l) => ({ ...l, level: levels.get(l.section) ?? 'low' }));
    const gaps = coverageGaps(withLevels.map((l) => ({ section: l.section, level: l.level, lastPatrolledAt: l.at })), now, period);
    return { days: period, at: now.toISOString(), sections: withLevels, gaps };
  }

  /** Joint patrol proposals covering the gaps best; pure rules, the node supplies the data. */
  async recommend(actor: Actor, input: RecommendationInput): Promise<PatrolProposal[]> {
    requireVerb(actor, 'patrol.create');
    if (!Number.isNaN(Date.parse(input.from)) && !Number.isNaN(Date.parse(input.to)) && Date.parse(input.to) <= Date.parse(input.from)) {
      throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'to');
    }
    const coverage = await this.coverage(actor, input.days);
    const units = await this.availableUnits(actor, input);
    const nations = input.nations?.length ? input.nations : [...new Set(units.map((u) => u.nation))].sort();
    const sections = await this.node.repos.geography.sections();
    const axes = await this.node.repos.geography.axes();
    const result = recommendPatrols(
      {
        gaps: coverage.gaps,
        sections: sections.map((s) => ({ id: s.id, geometry: s.geometry })),
        axes: axes.map((a) => ({ id: a.id, name: a.name, geometry: a.geometry })),
        units,
        nations,
        window: { from: input.from, to: input.to },
        maxLengthKm: input.maxLengthKm,
        ...(input.stepKm !== undefined ? { stepKm: input.stepKm } : {}),
        ...(input.maxProposals !== undefined ? { maxProposals: input.maxProposals } : {}),
      },
      { ...this.config, coverageDays: coverage.days },
    );
    if (!result.ok) throw fieldErrorToDiboli(result.errors);
    return result.value;
  }

  /**
   * Units free for the window: the ones asked for, or else every unit visible to the caller with no
   * sub-unit (the teams in the field) and no open patrol overlapping the window.
   */
  private async availableUnits(actor: Actor, input: RecommendationInput): Promise<AvailableUnit[]> {
    const units = await this.node.repos.organisation.unitsVisibleTo(actor.nation);
    if (input.unitIds?.length) {
      for (const id of input.unitIds) if (!units.some((u) => u.id === id)) throw new DiboliError('ERR_UNKNOWN_UNIT', { value: id }, 'unitIds');
      return units.filter((u) => input.unitIds!.includes(u.id)).map((u) => ({ id: u.id, nation: u.nation, callSign: u.callSign }));
    }
    const parents = new Set(units.map((u) => u.parentId).filter(Boolean));
    const busy = new Set<string>();
    const from = Date.parse(input.from);
    const to = Date.parse(input.to);
    for (const patrol of await this.node.repos.patrols.listVisible(actor.nation)) {
      if (patrol.status === 'completed' || patrol.status === 'cancelled') continue;
      if (Date.parse(patrol.plannedStart) < to && Date.parse(patrol.plannedEnd) > from) patrol.unitIds.forEach((id) => busy.add(id));
    }
    return units.filter((u) => !parents.has(u.id) && !busy.has(u.id)).map((u) => ({ id: u.id, nation: u.nation, callSign: u.callSign }));
  }

  /** Turns proposal `rank` of the same request into a draft joint patrol. */
  async draftFromProposal(actor: Actor, input: RecommendationInput, rank: number): Promise<{ proposal: PatrolProposal; patrol: Patrol }> {
    const proposals = await this.recommend(actor, input);
    const proposal = proposals.find((p) => p.rank === rank);
    if (!proposal) throw new DiboliError('ERR_NO_SUCH_PROPOSAL', { value: rank }, 'n');
    const unitNations = new Set((await this.node.repos.organisation.unitsByIds(actor.nation, proposal.units)).map((u) => u.nation));
    const patrol = await new PatrolService(this.node).create(actor, {
      name: `Proposition ${rank} – ${proposal.axisName} (km ${Math.round(proposal.fromKm)}–${Math.round(proposal.toKm)})`,
      kind: unitNations.size > 1 ? 'joint' : 'national',
      unitIds: proposal.units,
      axisId: proposal.axis,
      route: proposal.route,
      plannedStart: proposal.window.from,
      plannedEnd: proposal.window.to,
    });
    return { proposal, patrol };
  }

  // ——— alert rules and alerts ———

  async listRules(): Promise<StoredAlertRule[]> {
    return this.alerts.rules();
  }

  async addRule(actor: Actor, input: Record<string, unknown>): Promise<StoredAlertRule> {
    requireVerb(actor, 'alert.rules');
    const { public: isPublic, releasableTo, ...definition } = input;
    const resolved = await this.resolveTarget(definition);
    const checked = validateAlertRule(resolved);
    if (!checked.ok) throw fieldErrorToDiboli(checked.errors);
    if (await this.alerts.ruleExists(checked.value.id)) throw new DiboliError('ERR_ALERT_RULE_EXISTS', { value: checked.value.id }, 'id');
    const stored: StoredAlertRule = {
      rule: checked.value,
      public: isPublic === true,
      releasableTo: releasabilityOf(this.node.mechanism, this.node.nation, 'incident', Array.isArray(releasableTo) ? (releasableTo as string[]) : undefined),
      createdAt: this.node.clock.now().toISOString(),
      createdBy: actor.userId,
    };
    await this.alerts.insertRule(stored);
    return stored;
  }

  async setRuleEnabled(actor: Actor, id: string, enabled: boolean): Promise<StoredAlertRule> {
    requireVerb(actor, 'alert.rules');
    const updated = await this.alerts.setRuleEnabled(id, enabled);
    if (!updated) throw new DiboliError('ERR_NOT_FOUND', { kind: 'alert rule', id });
    return updated;
  }

  /** A rule may name its target by id only (axis, section, post): the geometry is looked up here. */
  private async resolveTarget(definition: Record<string, unknown>): Promise<Record<string, unknown>> {
    const target = definition.target as Record<string, unknown> | undefined;
    if (definition.kind !== 'incident-near' || !target || typeof target !== 'object' || target.geometry !== undefined) return definition;
    const id = String(target.id ?? '');
    let found: { name: string; geometry: unknown } | undefined;
    if (target.kind === 'axis') found = (await this.node.repos.geography.axes()).find((a) => a.id === id);
    else if (target.kind === 'section') found = (await this.node.repos.geography.sections()).map((s) => ({ name: s.id, geometry: s.geometry, id: s.id })).find((s) => s.id === id);
    else if (target.kind === 'post') {
      const post = (await this.node.repos.organisation.postsVisibleTo(this.node.nation)).find((p) => p.id === id);
      if (post) found = { name: post.name, geometry: { type: 'Point', coordinates: [post.location.lon, post.location.lat] } };
    }
    if (!found) throw new DiboliError('ERR_NOT_FOUND', { kind: String(target.kind), id }, 'target.id');
    return { ...definition, target: { kind: target.kind, id, name: typeof target.name === 'string' ? target.name : found.name, geometry: found.geometry } };
  }

  /**
   * Who may see an alert about an incident: those who may see the incident and the rule releases
   * to. A partner's incident is never re-released onward: its alert goes back to its owner at most.
   */
  private incidentAudience(incident: Incident, rule: StoredAlertRule): NationCode[] {
    const audience = incident.owner === this.node.nation ? incident.releasableTo : [incident.owner];
    return audience.filter((n) => rule.releasableTo.includes(n) || n === incident.owner);
  }

  private async raise(event: WatchedEvent, audience: (rule: StoredAlertRule) => NationCode[], eventType: string | null): Promise<Alert[]> {
    const rules = await this.alerts.rules();
    if (rules.length === 0) return [];
    const now = this.node.clock.now();
    const byId = new Map(rules.map((r) => [r.rule.id, r]));
    const drafts = evaluateRules(rules.map((r) => r.rule), event, this.config, now);
    const raised: Alert[] = [];
    for (const draft of drafts) {
      const rule = byId.get(draft.rule)!;
      const alert = this.alertOf(draft, rule, audience(rule), eventType, now);
      if (await this.alerts.insertOnce(alert)) {
        raised.push(alert);
        await this.enqueueDeliveries(alert);
        this.events.emit('alert', alert);
      }
    }
    if (raised.length > 0) this.scheduleDeliveries(0);
    return raised;
  }

  private alertOf(draft: AlertDraft, rule: StoredAlertRule, releasableTo: NationCode[], eventType: string | null, now: Date): Alert {
    const partners = new Set(partnersOf(this.node.mechanism, this.node.nation));
    return {
      id: this.node.ids.newId(),
      owner: this.node.nation,
      releasableTo: [...new Set(releasableTo.filter((n) => partners.has(n)))].sort(),
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
    };
  }

  /** A news candidate judged by the news-severity rules (called by news monitoring). */
  async newsCandidate(candidate: WatchedCandidate, audience: NationCode[] = []): Promise<Alert[]> {
    await this.start();
    let raised: Alert[] = [];
    await this.enqueue(async () => {
      raised = await this.raise({ kind: 'news-candidate', candidate }, () => audience, candidate.eventType);
    });
    return raised;
  }

  /** Patrols under way that missed their check-in raise `patrol-overdue` alerts (once per silence). */
  async checkOverduePatrols(): Promise<void> {
    const rules = await this.alerts.rules();
    if (!rules.some((r) => r.rule.kind === 'patrol-overdue')) return;
    const lastAt = this.node.store.sqlite.prepare('SELECT max(at) AS at FROM positions WHERE patrol_id = ?');
    for (const patrol of await this.node.repos.patrols.listVisible(this.node.nation, 'underway')) {
      const row = lastAt.get(patrol.id) as { at: string | null } | undefined;
      await this.raise(
        {
          kind: 'patrol-check',
          patrol: { id: patrol.id, status: patrol.status, startedAt: patrol.startedAt, lastCheckInAt: row?.at ?? null, checkInIntervalMinutes: this.options.checkInIntervalMinutes ?? 60 },
        },
        () => patrol.releasableTo,
        null,
      );
    }
  }

  async listAlerts(actor: Actor, query: { since?: string; unacknowledged?: boolean; publicOnly?: boolean; limit?: number }) {
    await this.settled();
    return this.alerts.listVisible(actor.nation, {
      limit: query.limit ?? 200,
      ...(query.since ? { since: query.since } : {}),
      ...(query.unacknowledged ? { unacknowledgedBy: actor.userId } : {}),
      ...(query.publicOnly ? { publicOnly: true } : {}),
    });
  }

  async getAlert(actor: Actor, id: string): Promise<Alert> {
    await this.settled();
    const alert = await this.alerts.findVisible(id, actor.nation);
    if (!alert) throw new DiboliError('ERR_NOT_FOUND', { kind: 'alert', id });
    return alert;
  }

  async acknowledge(actor: Actor, id: string): Promise<AlertAcknowledgement[]> {
    requireVerb(actor, 'alert.acknowledge');
    await this.getAlert(actor, id);
    return this.alerts.acknowledge({ alertId: id, userId: actor.userId, nation: actor.nation, at: this.node.clock.now().toISOString() });
  }

  // ——— webhooks ———

  async addWebhook(actor: Actor, input: { url: string; description?: string }): Promise<Webhook> {
    requireVerb(actor, 'webhook.manage');
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new DiboliError('ERR_EARLY_WARNING_INPUT', { field: 'url', fr: 'adresse http(s) attendue.', en: 'an http(s) address is expected.' }, 'url');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new DiboliError('ERR_EARLY_WARNING_INPUT', { field: 'url', fr: 'adresse http(s) attendue.', en: 'an http(s) address is expected.' }, 'url');
    }
    await checkWebhookTarget(url, this.node.config.webhookAllowedHosts);
    const webhook: Webhook = {
      id: this.node.ids.newId(),
      url: url.toString(),
      nation: actor.nation,
      description: input.description?.trim() || null,
      enabled: true,
      createdAt: this.node.clock.now().toISOString(),
      createdBy: actor.userId,
    };
    await this.webhooks.insert(webhook);
    return webhook;
  }

  async listWebhooks(actor: Actor): Promise<WebhookWithDeliveries[]> {
    requireVerb(actor, 'webhook.manage');
    const hooks = await this.webhooks.list(actor.nation);
    return Promise.all(hooks.map((hook) => this.withDeliveries(hook)));
  }

  /**
   * Switched off, a webhook receives nothing: alerts raised meanwhile are not queued for it, and
   * the deliveries already waiting wait until it is switched on again.
   */
  async setWebhookEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookWithDeliveries> {
    requireVerb(actor, 'webhook.manage');
    const updated = await this.webhooks.setEnabled(id, actor.nation, enabled);
    if (!updated) throw new DiboliError('ERR_NOT_FOUND', { kind: 'webhook', id });
    if (enabled) this.scheduleDeliveries(0);
    return this.withDeliveries(updated);
  }

  private async withDeliveries(hook: Webhook): Promise<WebhookWithDeliveries> {
    return { ...hook, deliveries: (await this.webhooks.deliveries(hook.id)).map(({ status, attempts }) => ({ status, attempts })) };
  }

  private async enqueueDeliveries(alert: Alert): Promise<void> {
    const now = this.wallClock.now().toISOString();
    for (const hook of await this.webhooks.list()) {
      if (!hook.enabled || !isVisibleTo(alert, hook.nation)) continue;
      await this.webhooks.enqueue({
        id: this.node.ids.newId(),
        webhookId: hook.id,
        alertId: alert.id,
        idempotencyKey: alert.dedupKey,
        payload: JSON.stringify({ type: 'alert', alert }),
        status: 'pending',
        attempts: 0,
        nextTryAt: now,
        lastError: null,
        deliveredAt: null,
        createdAt: now,
      });
    }
  }

  private scheduleDeliveries(delayMs: number): void {
    if (this.stopped) return;
    if (this.deliveryTimer) clearTimeout(this.deliveryTimer);
    this.deliveryTimer = setTimeout(() => void this.deliverDue(), Math.max(0, delayMs));
    this.deliveryTimer.unref();
  }

  /** Posts every due delivery; a failure waits `backoff × 2^(attempt−1)`, at most `maxAttempts` tries. */
  async deliverDue(): Promise<void> {
    if (this.delivering) {
      this.redeliver = true;
      return;
    }
    this.delivering = true;
    try {
      do {
        this.redeliver = false;
        const due = await this.webhooks.due(this.wallClock.now().toISOString(), 50);
        await Promise.all(due.map((d) => this.attempt(d)));
        if (due.length === 50) this.redeliver = true;
      } while (this.redeliver && !this.stopped);
    } finally {
      this.delivering = false;
    }
    const next = await this.webhooks.nextDueAt().catch(() => undefined);
    if (next && !this.stopped) this.scheduleDeliveries(Date.parse(next) - this.wallClock.now().getTime());
  }

  private async attempt(delivery: WebhookDelivery & { url: string }): Promise<void> {
    const attempts = delivery.attempts + 1;
    let error: string | null = null;
    try {
      const response = await postWebhook(delivery.url, {
        headers: {
          'content-type': 'application/json',
          'idempotency-key': delivery.idempotencyKey,
          'x-diboli-delivery': delivery.id,
          'x-diboli-attempt': String(attempts),
        },
        body: delivery.payload,
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      }, this.node.config.webhookAllowedHosts);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = (caught as Error).name === 'TimeoutError' ? 'timeout' : (caught as Error).message;
    }
    const now = this.wallClock.now();
    if (error === null) {
      await this.webhooks.update(delivery.id, { status: 'delivered', attempts, deliveredAt: now.toISOString(), lastError: null });
    } else if (attempts >= this.policy.maxAttempts) {
      await this.webhooks.update(delivery.id, { status: 'failed', attempts, lastError: error });
    } else {
      const wait = Math.min(this.policy.maxBackoffMs, this.policy.backoffMs * 2 ** (attempts - 1));
      await this.webhooks.update(delivery.id, { attempts, lastError: error, nextTryAt: new Date(now.getTime() + wait).toISOString() });
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export type { AlertRule };
