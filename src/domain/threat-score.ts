/**
 * Threat score of a border section — how the number behind `low | medium | high | critical` is made.
 *
 * Each incident attributed to a section contributes
 *
 *     contribution = typeWeight × severity × credibility × decay
 *
 *   typeWeight  — weight of the incident's sub-event type when configured (an IED counts more than
 *                 a generic explosion, an agreement counts nothing), otherwise of its event type.
 *                 Defaults: Battles 10, Explosions/Remote violence 10, Violence against civilians 8,
 *                 Riots 4, Strategic developments 2, Border activity 2, Protests 1.
 *   severity    — 1 + fatalityWeight × log2(1 + fatalities); with the default 0.5 one death gives
 *                 1.5, three give 2, seven give 2.5. The logarithm keeps one massacre from
 *                 drowning every other signal for months.
 *   credibility — 1 for a confirmed incident, 0 for a refuted one; for an unverified one, the
 *                 factor of its Admiralty information credibility (1 → 1, 2 → 0.8, 3 → 0.6,
 *                 4 → 0.4, 5 → 0.1, 6 "cannot be judged" → 0.5), 0.5 when ungraded. A rumour thus
 *                 raises a level, but less than a fact.
 *   decay       — 2^(−age / halfLife), age in days at `now` (default half-life 30 days): an incident
 *                 weighs half as much after one half-life, a quarter after two. Incidents dated
 *                 after `now` or older than `lookbackDays` contribute nothing.
 *
 * The section score is the sum of its incidents' contributions, and the level follows thresholds
 * (defaults 5, 15, 40): below 5 `low` (faible), from 5 `medium` (modéré), from 15 `high` (élevé),
 * from 40 `critical` (critique). One fresh confirmed armed clash without deaths (10) makes a section
 * medium; one with seven deaths (25) makes it high.
 *
 * Because the decay is exponential, a sum observed at time T decays as a whole:
 * S(t) = S(T) × 2^(−(t − T)/halfLife). That lets the store keep one (score, asOf) pair per section
 * and update it in constant time per incident change (`SectionScore` below) instead of re-reading
 * every incident; `computeSectionScores` is the full recompute and the two agree.
 */
import type { EarlyWarningConfig, Credibility, IncidentStatus } from './early-warning-config.js';
import { isEventType, type EventType } from './event-types.js';
import type { Incident } from '../contracts/incident.js';
import { DAY_MS } from '../kernel/durations.js';

/** What the score needs of an incident; the store maps its rows onto this. */
export interface ScoredIncident {
  id: string;
  section: string;
  eventType: EventType;
  subEventType?: string | null;
  /** ISO 8601 instant. */
  occurredAt: string;
  fatalities?: number | null;
  credibility?: Credibility | null;
  status: IncidentStatus;
}

/** The fields of an incident (a stored row or a record) that its score depends on. */
export interface ScoringFields {
  id: string;
  section: string | null;
  eventType: string;
  subEventType?: string | null;
  occurredAt: string;
  fatalities?: number | null;
  credibility?: number | null;
  status: string;
}

/** An incident record's scoring fields (a stored row has them as columns already). */
export function scoringFieldsOf(incident: Incident): ScoringFields {
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
 * The one mapping from an incident to what its score is computed from, used by the incremental
 * update and by the full recompute alike, so the two cannot count an incident differently. An
 * incident outside every section, or of a type the taxonomy does not know, counts nothing (null).
 * The fields are taken as they are (no copy: the recompute passes a million rows through here).
 */
export function scoredIncident(fields: ScoringFields): ScoredIncident | null {
  if (fields.section === null || !isEventType(fields.eventType)) return null;
  return fields as ScoredIncident;
}

export interface ContributionFactors {
  typeWeight: number;
  severity: number;
  credibility: number;
  decay: number;
  ageDays: number;
}

export interface Contribution {
  incident: string;
  points: number;
  factors: ContributionFactors;
}

export function typeWeightOf(config: EarlyWarningConfig, eventType: EventType, subEventType?: string | null): number {
  if (subEventType != null) {
    const sub = config.subEventWeights[subEventType];
    if (sub !== undefined) return sub;
  }
  return config.typeWeights[eventType] ?? 0;
}

export function severityOf(config: EarlyWarningConfig, fatalities?: number | null): number {
  const count = fatalities != null && fatalities > 0 ? fatalities : 0;
  return 1 + config.fatalityWeight * Math.log2(1 + count);
}

export function credibilityOf(config: EarlyWarningConfig, status: IncidentStatus, credibility?: Credibility | null): number {
  if (status === 'refuted') return 0;
  if (status === 'confirmed') return 1;
  return credibility != null ? (config.credibilityFactors[credibility] ?? config.ungradedCredibilityFactor) : config.ungradedCredibilityFactor;
}

/** Weight of an incident as if it happened at `now`: everything but the decay. */
export function undecayedPoints(config: EarlyWarningConfig, incident: Omit<ScoredIncident, 'occurredAt' | 'section' | 'id'>): number {
  return (
    typeWeightOf(config, incident.eventType, incident.subEventType) *
    severityOf(config, incident.fatalities) *
    credibilityOf(config, incident.status, incident.credibility)
  );
}

/** The incident's share of its section's score at `now`, with each factor shown. */
export function contributionOf(config: EarlyWarningConfig, incident: ScoredIncident, now: Date): Contribution {
  const ageDays = (now.getTime() - Date.parse(incident.occurredAt)) / DAY_MS;
  const inRange = Number.isFinite(ageDays) && ageDays >= 0 && ageDays <= config.lookbackDays;
  const factors: ContributionFactors = {
    typeWeight: typeWeightOf(config, incident.eventType, incident.subEventType),
    severity: severityOf(config, incident.fatalities),
    credibility: credibilityOf(config, incident.status, incident.credibility),
    decay: inRange ? Math.pow(2, -ageDays / config.halfLifeDays) : 0,
    ageDays,
  };
  return {
    incident: incident.id,
    points: factors.typeWeight * factors.severity * factors.credibility * factors.decay,
    factors,
  };
}

/** Full recompute: the score of every section that has at least one incident. */
export function computeSectionScores(config: EarlyWarningConfig, incidents: Iterable<ScoredIncident>, now: Date): Map<string, number> {
  return computeAudienceScores(config, incidents, () => SINGLE, now).get(SINGLE[0]) ?? new Map();
}

const SINGLE = [''] as const;

/**
 * Full recompute for several audiences at once (see `audiencesTouched` in sovereignty.ts): each
 * incident's points are computed once and added, section by section, to the score of every
 * audience `audiencesOf` names for it. An audience that counts no incident has no entry.
 */
export function computeAudienceScores(
  config: EarlyWarningConfig,
  incidents: Iterable<ScoredIncident>,
  audiencesOf: (incident: ScoredIncident) => readonly string[],
  now: Date,
): Map<string, Map<string, number>> {
  const nowMs = now.getTime();
  const oldestMs = nowMs - config.lookbackDays * DAY_MS;
  // ln 2 / half-life in ms, so the loop does one exp per incident and nothing else per call.
  const rate = Math.LN2 / (config.halfLifeDays * DAY_MS);
  const result = new Map<string, Map<string, number>>();
  for (const incident of incidents) {
    const audiences = audiencesOf(incident);
    if (audiences.length === 0) continue;
    const at = Date.parse(incident.occurredAt);
    const inRange = at <= nowMs && at >= oldestMs;
    const points = inRange ? undecayedPoints(config, incident) * Math.exp(-(nowMs - at) * rate) : 0;
    for (const audience of audiences) {
      let scores = result.get(audience);
      if (!scores) result.set(audience, (scores = new Map()));
      const previous = scores.get(incident.section);
      // A section seen only through incidents out of range still gets its (zero) score.
      if (inRange || previous === undefined) scores.set(incident.section, (previous ?? 0) + points);
    }
  }
  return result;
}

/** A section's running score, valid at `asOf`; what the store keeps per section. */
export interface SectionScore {
  section: string;
  score: number;
  asOf: string;
}

/** The running score carried forward to `now` (decay only). */
export function scoreAt(config: EarlyWarningConfig, running: SectionScore, now: Date): SectionScore {
  const elapsedDays = (now.getTime() - Date.parse(running.asOf)) / DAY_MS;
  return {
    section: running.section,
    score: running.score * Math.pow(2, -elapsedDays / config.halfLifeDays),
    asOf: now.toISOString(),
  };
}

/**
 * Incremental update when one incident of the section is created, changed or deleted: the old
 * version's share is taken out and the new one's put in, both at `now`. Either side may be absent.
 * Sums drift by rounding over very many updates, and `lookbackDays` is not applied retroactively to
 * what the running score already holds, so the store should still run a full recompute now and then
 * (e.g. nightly); the score never goes below zero.
 */
export function applyIncidentChange(
  config: EarlyWarningConfig,
  running: SectionScore,
  change: { before?: ScoredIncident | null; after?: ScoredIncident | null },
  now: Date,
): SectionScore {
  const carried = scoreAt(config, running, now);
  let score = carried.score;
  if (change.before && change.before.section === running.section) score -= contributionOf(config, change.before, now).points;
  if (change.after && change.after.section === running.section) score += contributionOf(config, change.after, now).points;
  // Rounding can leave a tiny negative after removing the last incident.
  return { ...carried, score: score > 1e-9 ? score : 0 };
}
