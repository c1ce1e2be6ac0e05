import { fieldErrorToDiboli, validateOverride, type EarlyWarningConfig } from '../domain/early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { DiboliError } from '../domain/errors.js';
import type { Incident } from '../contracts/incident.js';
import type { NationCode } from '../kernel/nation.js';
import { requireVerb } from '../domain/permissions.js';
import { audiencesTouched, isVisibleTo, releasabilityOf, requireWritableHere } from '../domain/sovereignty.js';
import { effectiveLevel, nextHistoryEntry, overrideInForce, type EffectiveLevel, type LevelHistoryEntry } from '../domain/threat-level.js';
import {
  applyIncidentChange,
  computeAudienceScores,
  scoredIncident,
  scoreAt,
  scoringFieldsOf,
  type ScoredIncident,
  type SectionScore,
} from '../domain/threat-score.js';
import type { Actor } from '../domain/user.js';
import { readStringArray } from '../store/columns.js';
import type { AudienceLevelEntry, AudienceSectionState, ScoringRow, StoredOverride, ThreatLevelRepository } from '../store/threat-level-repository.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';

/** An incident change as the node tells it: `before` absent for a new one, `after` for a removed one. */
export type IncidentChange = { before?: Incident; after?: Incident };

export interface SectionLevelView extends EffectiveLevel {
  lastChangeAt: string | null;
}

export interface OverrideInput {
  level: string;
  reason?: string;
  expiresAt?: string;
  startsAt?: string;
  releasableTo?: string[];
}

/** Audiences and, per audience, the sections to bring up to date (all of them when absent). */
type Scope = Map<NationCode, readonly string[] | undefined>;

/**
 * The span of incident numbers (`seq`) one query of a full recompute reads. A span, not a count of
 * rows: with few incidents in the look-back or placed in a section, a page of 20,000 matching rows
 * scanned the whole table in one call, holding the event loop while a restarted node's first
 * maps asked (a million incidents, none placed: 198 ms warm, 1.5 s cold). Spans of 5,000 read at
 * most 8–11 ms each, warm.
 */
const RECOMPUTE_PAGE = 5_000;

/**
 * Section levels per audience. Each nation of the mechanism is an audience; its scores come from
 * the incidents it may see on this node (the host nation: all the node holds), its levels from
 * those scores and the overrides released to it, and it has its own history. The caller (the
 * early-warning service) runs these one at a time, in order.
 */
export class ThreatLevels {
  constructor(
    private readonly node: NodeContext,
    readonly repo: ThreatLevelRepository,
    private readonly config: () => EarlyWarningConfig,
    /** Told of every history line recorded, after it committed (level frames, level-rising alerts). */
    private readonly recorded: (entry: AudienceLevelEntry) => Promise<void>,
  ) {}

  /** Every nation of the mechanism: the host nation and its partners. */
  audiences(): NationCode[] {
    return [...new Set(this.node.mechanism.nations)].sort();
  }

  /**
   * The incremental path: each change moves the running scores of the audiences that may see its
   * old or new version, in the sections of the versions they may see — and nothing else.
   */
  async incidentsChanged(changes: readonly IncidentChange[]): Promise<void> {
    const now = this.node.clock.now();
    const config = this.config();
    const nations = this.audiences();
    const steps: { audience: NationCode; before: ScoredIncident | null; after: ScoredIncident | null; sections: string[] }[] = [];
    const scope = new Map<NationCode, Set<string>>();
    for (const { before, after } of changes) {
      for (const audience of audiencesTouched([before, after], nations)) {
        const seen = (version: Incident | undefined) => (version && isVisibleTo(version, audience) ? scoredIncident(scoringFieldsOf(version)) : null);
        const step = { audience, before: seen(before), after: seen(after), sections: [] as string[] };
        step.sections = [...new Set([step.before?.section, step.after?.section].filter((s): s is string => typeof s === 'string'))];
        if (step.sections.length === 0) continue;
        steps.push(step);
        const sections = scope.get(audience) ?? new Set<string>();
        for (const s of step.sections) sections.add(s);
        scope.set(audience, sections);
      }
    }
    if (steps.length === 0) return;
    const running = new Map<string, SectionScore & { audience: NationCode }>();
    const key = (audience: NationCode, section: string) => `${audience}\u0000${section}`;
    for (const [audience, sections] of scope) {
      for (const state of await this.repo.states(audience, [...sections])) running.set(key(audience, state.section), state);
    }
    for (const step of steps) {
      for (const section of step.sections) {
        const current = running.get(key(step.audience, section)) ?? { audience: step.audience, section, score: 0, asOf: now.toISOString() };
        running.set(key(step.audience, section), { audience: step.audience, ...applyIncidentChange(config, current, step, now) });
      }
    }
    await this.repo.saveScores([...running.values()]);
    await this.refresh(new Map([...scope].map(([audience, sections]) => [audience, [...sections]])));
  }

  /** Full recompute of every audience's scores from the incidents held, then of every level. */
  async recompute(): Promise<void> {
    const now = this.node.clock.now();
    const config = this.config();
    const nations = this.audiences();
    const oldest = new Date(now.getTime() - config.lookbackDays * DAY_MS).toISOString();
    // Incidents written after this point are queued behind the recompute and added by their own
    // events: they must not be counted twice.
    const last = this.repo.lastIncidentSeq();
    const scores = new Map<NationCode, Map<string, number>>(nations.map((n) => [n, new Map()]));
    // Few distinct (owner, releasability) pairs: each is read, and its audiences found, once.
    const audiencesOfRelease = new Map<string, Map<string, NationCode[]>>();
    const audiencesOf = (row: ScoringRow): NationCode[] => {
      let byRelease = audiencesOfRelease.get(row.owner);
      if (!byRelease) audiencesOfRelease.set(row.owner, (byRelease = new Map()));
      let audiences = byRelease.get(row.releasableTo);
      if (!audiences)
        byRelease.set(row.releasableTo, (audiences = audiencesTouched([{ owner: row.owner, releasableTo: readStringArray(row.releasableTo) }], nations)));
      return audiences;
    };
    for (let after = 0; after < last; after += RECOMPUTE_PAGE) {
      const rows = this.repo.scoringPage(after, Math.min(after + RECOMPUTE_PAGE, last), oldest, RECOMPUTE_PAGE);
      const scored = rows.filter((row) => scoredIncident(row) !== null) as (ScoringRow & ScoredIncident)[];
      // Scores are sums, so the pages' scores add up to the whole.
      for (const [audience, sums] of computeAudienceScores(config, scored, (row) => audiencesOf(row as ScoringRow & ScoredIncident), now)) {
        const total = scores.get(audience)!;
        for (const [section, score] of sums) total.set(section, (total.get(section) ?? 0) + score);
      }
      // The event loop (and the connection) is free between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const sections = (await this.node.repos.geography.sections()).map((s) => s.id);
    const asOf = now.toISOString();
    await this.repo.saveScores(
      nations.flatMap((audience) => sections.map((section) => ({ audience, section, score: scores.get(audience)!.get(section) ?? 0, asOf }))),
    );
    await this.refresh();
  }

  /**
   * Carries the audiences' scores forward to now and records their level changes (decay, overrides
   * set or expired); every audience and section when `scope` is absent. Answers the levels shown.
   */
  async refresh(scope?: Scope): Promise<Map<NationCode, SectionLevelView[]>> {
    const now = this.node.clock.now();
    const every = scope ?? new Map(this.audiences().map((a) => [a, undefined]));
    const allSections = [...every.values()].some((s) => s === undefined) ? (await this.node.repos.geography.sections()).map((s) => s.id) : [];
    const views = new Map<NationCode, SectionLevelView[]>();
    const entries: AudienceLevelEntry[] = [];
    for (const [audience, sections] of every) {
      const ids = sections ?? allSections;
      const states = new Map((await this.repo.states(audience, sections)).map((s) => [s.section, s]));
      const levels = await this.levelsAt(audience, ids, states, now);
      const shown: SectionLevelView[] = [];
      for (const level of levels) {
        const state = states.get(level.section);
        const entry = nextHistoryEntry(state?.shown, level, now);
        if (entry) entries.push({ audience, ...entry });
        shown.push({ ...level, lastChangeAt: entry ? entry.at : (state?.changedAt ?? null) });
      }
      views.set(audience, shown);
    }
    await this.repo.recordLevels(entries);
    for (const entry of entries) await this.recorded(entry);
    return views;
  }

  /** The levels an audience sees now, brought up to date first. */
  async view(audience: NationCode): Promise<SectionLevelView[]> {
    return (await this.refresh(new Map([[audience, undefined]]))).get(audience) ?? [];
  }

  /** The level each of the audience's sections shows as last recorded (no refresh). */
  async shown(audience: NationCode, sections: readonly string[]): Promise<Map<string, ThreatLevel>> {
    const states = await this.repo.states(audience, sections);
    return new Map(sections.map((s) => [s, states.find((state) => state.section === s)?.shown?.to ?? 'low']));
  }

  async history(
    audience: NationCode,
    sectionId: string,
    window: { from?: string; to?: string } = {},
  ): Promise<{ current: SectionLevelView; history: LevelHistoryEntry[] }> {
    await this.requireSection(sectionId);
    if (window.from && window.to && window.from > window.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    const current = (await this.view(audience)).find((l) => l.section === sectionId)!;
    return { current, history: await this.repo.history(audience, { section: sectionId, ...window }) };
  }

  /**
   * Checks a coordinator's override and makes it a record of the host nation: released as asked,
   * else as the mechanism releases incidents (an override is a statement about the same picture).
   * The caller stores it with `applyOverride`.
   */
  async checkOverride(actor: Actor, sectionId: string, input: OverrideInput): Promise<StoredOverride> {
    requireVerb(actor, 'early-warning.override');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
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
      throw new DiboliError(
        'ERR_EARLY_WARNING_INPUT',
        { field: 'expiresAt', fr: 'l’échéance est déjà passée.', en: 'the expiry has already passed.' },
        'expiresAt',
      );
    }
    return {
      ...checked.value,
      id: this.node.ids.newId(),
      setAt: new Date(checked.value.setAt).toISOString(),
      expiresAt: new Date(checked.value.expiresAt).toISOString(),
      owner: this.node.nation,
      releasableTo: releasabilityOf(this.node.mechanism, this.node.nation, 'incident', input.releasableTo),
    };
  }

  /** Stores an override and brings its section up to date for the audiences it is released to, and those only. */
  async applyOverride(override: StoredOverride): Promise<void> {
    await this.repo.insertOverride(override);
    await this.refresh(new Map(audiencesTouched([override], this.audiences()).map((audience) => [audience, [override.section]])));
  }

  /**
   * Ends early the override a coordinator set on a section: the one in force for the node's own
   * nation must be theirs (a colleague's stands until its expiry or its author lifts it). Their
   * running overrides of the section end now; the levels of the audiences they applied to return to
   * what is computed (or to an override still running), and the history says so.
   */
  async checkLift(actor: Actor, sectionId: string): Promise<StoredOverride[]> {
    requireVerb(actor, 'early-warning.override');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    await this.requireSection(sectionId);
    const now = this.node.clock.now();
    const running = (await this.repo.activeOverrides(now.toISOString(), [sectionId])).filter(
      (o) => Date.parse(o.setAt) <= now.getTime() && isVisibleTo(o, actor.nation),
    );
    const inForce = overrideInForce(running, now) as StoredOverride | undefined;
    if (!inForce) throw new DiboliError('ERR_NO_OVERRIDE', { section: sectionId });
    if (inForce.setBy !== actor.userId) throw new DiboliError('ERR_NOT_OVERRIDE_AUTHOR');
    return running.filter((o) => o.setBy === actor.userId);
  }

  async liftOverrides(overrides: readonly StoredOverride[]): Promise<void> {
    const now = this.node.clock.now().toISOString();
    for (const override of overrides) await this.repo.endOverride(override.id, now);
    const touched = audiencesTouched(overrides, this.audiences());
    await this.refresh(new Map(touched.map((audience) => [audience, [...new Set(overrides.map((o) => o.section))]])));
  }

  async requireSection(sectionId: string): Promise<void> {
    const sections = await this.node.repos.geography.sections();
    if (!sections.some((s) => s.id === sectionId)) throw new DiboliError('ERR_NOT_FOUND', { kind: 'section', id: sectionId });
  }

  /** The audience's levels at `now`: its running scores, and the overrides released to it. */
  private async levelsAt(audience: NationCode, sections: readonly string[], states: Map<string, AudienceSectionState>, now: Date): Promise<EffectiveLevel[]> {
    const config = this.config();
    const overrides = new Map<string, StoredOverride[]>();
    for (const override of await this.repo.activeOverrides(now.toISOString(), sections.length < 50 ? sections : undefined)) {
      if (!isVisibleTo(override, audience)) continue;
      overrides.set(override.section, [...(overrides.get(override.section) ?? []), override]);
    }
    return sections.map((section) => {
      const state = states.get(section);
      const score = state ? scoreAt(config, state, now).score : 0;
      return effectiveLevel(section, score, config.thresholds, overrideInForce(overrides.get(section) ?? [], now), now);
    });
  }
}
