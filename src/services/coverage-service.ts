import { coverageGaps, coverageRuleOf, lastPatrolled, type CoverageGap, type LastPatrolled, type PatrolPassage } from '../domain/coverage.js';
import { fieldErrorToDiboli, type EarlyWarningConfig } from '../domain/early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { DiboliError } from '../domain/errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import { recommendPatrols, type AvailableUnit, type PatrolProposal } from '../domain/patrol-recommendation.js';
import { requireVerb } from '../domain/permissions.js';
import { isVisibleTo, positionsAudience } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import type { LineString } from '../kernel/geojson.js';
import type { NodeContext } from './node-context.js';
import { PatrolService } from './patrol-service.js';
import type { SectionLevelView } from './threat-levels.js';

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

/**
 * Coverage (when each section was last patrolled, and the gaps) and patrol recommendations, for
 * the caller's audience: its levels, the patrols it may see, and their positions only where the
 * position policy releases them to it.
 */
export class CoverageService {
  constructor(
    private readonly node: NodeContext,
    /** The audience's section levels, brought up to date. */
    private readonly levelsOf: (audience: NationCode) => Promise<SectionLevelView[]>,
    private readonly config: () => EarlyWarningConfig,
  ) {}

  async coverage(actor: Actor, days?: number): Promise<CoverageView> {
    const config = this.config();
    const period = days ?? config.coverageDays;
    if (!(Number.isFinite(period) && period > 0)) {
      throw new DiboliError(
        'ERR_EARLY_WARNING_INPUT',
        { field: 'days', fr: 'la valeur doit être strictement positive.', en: 'the value must be greater than zero.' },
        'days',
      );
    }
    const now = this.node.clock.now();
    const sections = await this.node.repos.geography.sections();
    const levels = new Map((await this.levelsOf(actor.nation)).map((l) => [l.section, l.level]));
    const last = lastPatrolled(
      sections.map((s) => ({ id: s.id, geometry: s.geometry })),
      await this.passages(actor.nation, now),
      coverageRuleOf(config),
    );
    const withLevels = last.map((l) => ({ ...l, level: levels.get(l.section) ?? 'low' }));
    const gaps = coverageGaps(
      withLevels.map((l) => ({ section: l.section, level: l.level, lastPatrolledAt: l.at })),
      now,
      period,
    );
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
      { ...this.config(), coverageDays: coverage.days },
    );
    if (!result.ok) throw fieldErrorToDiboli(result.errors);
    return result.value;
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

  /**
   * Patrol paths the viewer may see: the recorded track when its positions are released to the
   * viewer (the position policy) and there is one, else the planned route; dated by what the
   * viewer may see of the patrol.
   */
  private async passages(viewer: NationCode, until: Date): Promise<PatrolPassage[]> {
    const patrols = (await this.node.repos.patrols.listVisible(viewer)).filter((p) => p.status === 'underway' || p.status === 'completed');
    const passages: PatrolPassage[] = [];
    for (const patrol of patrols) {
      const track = isVisibleTo(positionsAudience(patrol, this.node.mechanism), viewer) ? await this.node.repos.patrols.track(patrol.id) : [];
      const path: LineString | null = track.length >= 2 ? { type: 'LineString', coordinates: track.map((p) => [p.lon, p.lat]) } : patrol.route;
      if (!path || path.coordinates.length < 2) continue;
      const at = patrol.completedAt ?? track.at(-1)?.at ?? patrol.startedAt ?? patrol.plannedStart;
      if (Date.parse(at) > until.getTime()) continue;
      passages.push({ patrol: patrol.id, path, at });
    }
    return passages;
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
      if (Date.parse(patrol.plannedStart) < to && Date.parse(patrol.plannedEnd) > from) for (const id of patrol.unitIds) busy.add(id);
    }
    return units.filter((u) => !parents.has(u.id) && !busy.has(u.id)).map((u) => ({ id: u.id, nation: u.nation, callSign: u.callSign }));
  }
}
