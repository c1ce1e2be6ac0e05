import { boxAround, inBox } from '../geo/box-around.js';
import { distanceToLineKm } from '../geo/distance-to-line.js';
import { lineLengthKm } from '../geo/line-length.js';
import { pointAlongKm } from '../geo/point-along.js';
import type { LineString, LonLat } from '../kernel/geojson.js';
import type { EarlyWarningConfig } from './early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { levelRank } from './threat-level.js';
import { DAY_MS } from '../kernel/durations.js';

/**
 * Coverage: when each border section was last patrolled, and which threatened sections have gone
 * unpatrolled too long (the gaps a coordinator must fill first).
 */

export interface SectionLine {
  id: string;
  geometry: LineString;
}

/** A patrol's path (planned route or recorded track) and when it was run. */
export interface PatrolPassage {
  patrol: string;
  path: LineString;
  /** When the passage ended (last position or completion), ISO 8601. */
  at: string;
}

export interface CoverageRule {
  /** The path must pass within this distance of a point of the section for it to count… */
  radiusKm: number;
  /** …for at least this fraction of the section's length. */
  minFraction: number;
}

export function coverageRuleOf(config: EarlyWarningConfig): CoverageRule {
  return { radiusKm: config.coverageRadiusKm, minFraction: config.minCoveredFraction };
}

/** Points along a section where coverage is tested: about one per kilometre, at least eleven. */
export function samplePoints(line: LineString): LonLat[] {
  const km = lineLengthKm(line);
  const steps = Math.max(10, Math.ceil(km));
  const points: LonLat[] = [];
  for (let i = 0; i <= steps; i += 1) {
    points.push(pointAlongKm(line, (km * i) / steps));
  }
  return points;
}

/** Fraction (0..1) of the sampled section within the rule's radius of the path. */
export function coveredFraction(samples: readonly LonLat[], path: LineString, radiusKm: number): number {
  if (samples.length === 0 || path.coordinates.length < 2) return 0;
  const box = boxAround(path, radiusKm);
  let near = 0;
  for (const point of samples) {
    if (inBox(point, box) && distanceToLineKm(point, path) <= radiusKm) near += 1;
  }
  return near / samples.length;
}

export function covers(samples: readonly LonLat[], path: LineString, rule: CoverageRule): boolean {
  return coveredFraction(samples, path, rule.radiusKm) >= rule.minFraction;
}

export interface LastPatrolled {
  section: string;
  /** ISO 8601, or null when no passage ever covered the section. */
  at: string | null;
  patrol: string | null;
}

/** For each section, the most recent passage that covered it. */
export function lastPatrolled(sections: readonly SectionLine[], passages: readonly PatrolPassage[], rule: CoverageRule): LastPatrolled[] {
  // Latest first, so each section stops at its first covering passage.
  const byRecency = [...passages].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return sections.map((section) => {
    const samples = samplePoints(section.geometry);
    const found = byRecency.find((passage) => covers(samples, passage.path, rule));
    return { section: section.id, at: found ? found.at : null, patrol: found ? found.patrol : null };
  });
}

export interface SectionStanding {
  section: string;
  level: ThreatLevel;
  lastPatrolledAt: string | null;
}

export interface CoverageGap {
  section: string;
  level: ThreatLevel;
  lastPatrolledAt: string | null;
  /** Whole and fractional days since the last passage; null when never patrolled. */
  daysSincePatrol: number | null;
}

/**
 * Sections at medium or above not patrolled within `days` before `now`, the most threatened first
 * and, within a level, the longest neglected first (never patrolled before everything else).
 */
export function coverageGaps(standings: readonly SectionStanding[], now: Date, days: number): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const standing of standings) {
    if (levelRank(standing.level) < levelRank('medium')) continue;
    const since = standing.lastPatrolledAt === null ? null : (now.getTime() - Date.parse(standing.lastPatrolledAt)) / DAY_MS;
    if (since !== null && since <= days) continue;
    gaps.push({ section: standing.section, level: standing.level, lastPatrolledAt: standing.lastPatrolledAt, daysSincePatrol: since });
  }
  return gaps.sort(
    (a, b) =>
      levelRank(b.level) - levelRank(a.level) ||
      (b.daysSincePatrol ?? Number.POSITIVE_INFINITY) - (a.daysSincePatrol ?? Number.POSITIVE_INFINITY) ||
      a.section.localeCompare(b.section),
  );
}
