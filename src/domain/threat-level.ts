import type { EarlyWarningConfig, LevelOverride } from './early-warning-config.js';
import { THREAT_LEVELS, type ThreatLevel } from '../contracts/vocabularies.js';

export { validateOverride, type LevelOverride } from './early-warning-config.js';
export { THREAT_LEVELS, type ThreatLevel } from '../contracts/vocabularies.js';

/**
 * Names of the levels, as officers read them: one name each in every channel (map, alerts,
 * reports, CAP). The web UI reads this table too.
 */
export const THREAT_LEVEL_NAME: Readonly<Record<ThreatLevel, { fr: string; en: string }>> = {
  low: { fr: 'faible', en: 'low' },
  medium: { fr: 'modéré', en: 'medium' },
  high: { fr: 'élevé', en: 'high' },
  critical: { fr: 'critique', en: 'critical' },
};

/** One colour per level, on the map and in the situation report alike (green to dark red). */
export const THREAT_LEVEL_COLOUR: Readonly<Record<ThreatLevel, string>> = {
  low: '#2ca25f',
  medium: '#fdae38',
  high: '#f03b20',
  critical: '#8b0000',
};

export function isThreatLevel(value: unknown): value is ThreatLevel {
  return typeof value === 'string' && (THREAT_LEVELS as readonly string[]).includes(value);
}

/** 0 for low … 3 for critical, to compare levels. */
export function levelRank(level: ThreatLevel): number {
  return THREAT_LEVELS.indexOf(level);
}

export function levelForScore(score: number, thresholds: EarlyWarningConfig['thresholds']): ThreatLevel {
  if (score >= thresholds.critical) return 'critical';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

export type LevelSource = 'computed' | 'override';

export interface EffectiveLevel {
  section: string;
  level: ThreatLevel;
  source: LevelSource;
  /** The computed level, shown beside a forced one so nobody forgets what the data says. */
  computedLevel: ThreatLevel;
  score: number;
  override?: LevelOverride;
}

/**
 * The level a section shows at `now`: the coordinator's override while it runs (from `setAt`,
 * until — not including — `expiresAt`), the computed level otherwise.
 */
export function effectiveLevel(
  section: string,
  score: number,
  thresholds: EarlyWarningConfig['thresholds'],
  override: LevelOverride | null | undefined,
  now: Date,
): EffectiveLevel {
  const computedLevel = levelForScore(score, thresholds);
  const t = now.getTime();
  if (override && override.section === section && Date.parse(override.setAt) <= t && t < Date.parse(override.expiresAt)) {
    return { section, level: override.level, source: 'override', computedLevel, score, override };
  }
  return { section, level: computedLevel, source: 'computed', computedLevel, score };
}

/** Of several overrides of one section, the one in force at `now`: the latest set still running. */
export function overrideInForce(overrides: readonly LevelOverride[], now: Date): LevelOverride | undefined {
  const t = now.getTime();
  let chosen: LevelOverride | undefined;
  for (const candidate of overrides) {
    if (Date.parse(candidate.setAt) > t || t >= Date.parse(candidate.expiresAt)) continue;
    if (!chosen || Date.parse(candidate.setAt) >= Date.parse(chosen.setAt)) chosen = candidate;
  }
  return chosen;
}

/** One line of a section's level history. */
export interface LevelHistoryEntry {
  section: string;
  at: string;
  from: ThreatLevel | null;
  to: ThreatLevel;
  source: LevelSource;
  score: number;
  /** The override's reason when `source` is `override`. */
  reason?: string;
}

/**
 * The history line to append when a section's effective level or its source changes, or null
 * when nothing changed (a score moving within the same band is not history).
 */
export function nextHistoryEntry(
  previous: Pick<LevelHistoryEntry, 'to' | 'source'> | null | undefined,
  current: EffectiveLevel,
  at: Date,
): LevelHistoryEntry | null {
  if (previous && previous.to === current.level && previous.source === current.source) return null;
  const entry: LevelHistoryEntry = {
    section: current.section,
    at: at.toISOString(),
    from: previous ? previous.to : null,
    to: current.level,
    source: current.source,
    score: current.score,
  };
  if (current.override) entry.reason = current.override.reason;
  return entry;
}

export type LevelChange = 'rising' | 'falling' | 'same';

export function levelChange(from: ThreatLevel | null, to: ThreatLevel): LevelChange {
  // A section seen for the first time is measured against `low`, the level of a quiet section.
  const before = from === null ? 0 : levelRank(from);
  const after = levelRank(to);
  return after > before ? 'rising' : after < before ? 'falling' : 'same';
}
