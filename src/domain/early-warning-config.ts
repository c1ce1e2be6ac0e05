import { THREAT_LEVELS, type ThreatLevel } from '../contracts/vocabularies.js';
import { fieldError, fieldErrorToDiboli, type FieldError, type FieldProblem, type Validated } from './errors.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES, isEventType, type EventType } from './event-types.js';
import { instantOfDayOrTime } from '../kernel/instant.js';

/**
 * The tunable parameters of early warning (threat score, levels, coverage, recommendation), their
 * defaults, and the validators that turn bad settings into field-named errors instead of silently
 * producing nonsense levels. See `threat-score.ts` and `docs/early-warning.md` for what each does.
 */

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export type IncidentStatus = 'unverified' | 'confirmed' | 'refuted';

export interface EarlyWarningConfig {
  /** Age at which an incident's contribution has fallen to half. */
  halfLifeDays: number;
  /** Incidents older than this are left out entirely (their weight is negligible anyway). */
  lookbackDays: number;
  /** Base weight per event type. */
  typeWeights: Record<EventType, number>;
  /** Weights for particular sub-event types; replace the type's weight when present. */
  subEventWeights: Record<string, number>;
  /** Severity multiplier is `1 + fatalityWeight × log2(1 + fatalities)`. */
  fatalityWeight: number;
  /** Multiplier per Admiralty credibility grade, for incidents not yet confirmed. */
  credibilityFactors: Record<Credibility, number>;
  /** Multiplier for an unconfirmed incident whose credibility was not graded. */
  ungradedCredibilityFactor: number;
  /** Score at or above which a section reaches each level; strictly increasing. */
  thresholds: { medium: number; high: number; critical: number };
  /** A section at medium or above not patrolled within this many days is a gap. */
  coverageDays: number;
  /** A patrol covers a section when its path passes within this distance of the section line… */
  coverageRadiusKm: number;
  /** …along at least this fraction of the section's length. */
  minCoveredFraction: number;
  /** Points of coverage per gap section, by level (low never forms a gap). */
  levelWeights: Record<ThreatLevel, number>;
}

const DEFAULT_TYPE_WEIGHTS: Record<EventType, number> = {
  Battles: 10,
  'Explosions/Remote violence': 10,
  'Violence against civilians': 8,
  Riots: 4,
  Protests: 1,
  'Strategic developments': 2,
  'Border activity': 2,
};

export const DEFAULT_EARLY_WARNING_CONFIG: EarlyWarningConfig = {
  halfLifeDays: 30,
  lookbackDays: 365,
  typeWeights: DEFAULT_TYPE_WEIGHTS,
  subEventWeights: {
    'Remote explosive/landmine/IED': 12,
    'Suicide bomb': 14,
    'Abduction/forced disappearance': 9,
    'Headquarters or base established': 6,
    'Looting/property destruction': 3,
    'Disrupted weapons use': 3,
    Agreement: 0,
    'Peaceful protest': 0.5,
    'Cattle rustling': 3,
    Displacement: 3,
    'Illegal crossing': 1,
    'Illegal gold mining': 1.5,
  },
  fatalityWeight: 0.5,
  credibilityFactors: { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.1, 6: 0.5 },
  ungradedCredibilityFactor: 0.5,
  thresholds: { medium: 5, high: 15, critical: 40 },
  coverageDays: 14,
  coverageRadiusKm: 10,
  minCoveredFraction: 0.25,
  levelWeights: { low: 0, medium: 1, high: 3, critical: 9 },
};

/** @deprecated The field problems are in the one catalogue: import from `./errors.js`. */
export type EarlyWarningErrorCode = FieldProblem;
export { fieldError, fieldErrorToDiboli, type FieldError, type Validated };

type Check = 'positive' | 'non-negative' | 'fraction';

/** No setting is meaningful beyond this (days, km, weights, scores): larger ones overflow dates. */
const SETTING_CEILING = 100_000;

function checkNumber(errors: FieldError[], field: string, value: unknown, check: Check): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(fieldError(field, 'not_a_number'));
  } else if (value > SETTING_CEILING) {
    errors.push(fieldError(field, 'out_of_range'));
  } else if (check === 'positive' && value <= 0) {
    errors.push(fieldError(field, 'must_be_positive'));
  } else if (check === 'non-negative' && value < 0) {
    errors.push(fieldError(field, 'must_not_be_negative'));
  } else if (check === 'fraction' && (value < 0 || value > 1)) {
    errors.push(fieldError(field, 'must_be_fraction'));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ALL_SUB_EVENT_TYPES: ReadonlySet<string> = new Set(Object.values(EVENT_TYPES).flat());

export type EarlyWarningSettings = Partial<Omit<EarlyWarningConfig, 'typeWeights' | 'thresholds' | 'credibilityFactors' | 'levelWeights'>> & {
  typeWeights?: Partial<Record<string, number>>;
  thresholds?: Partial<EarlyWarningConfig['thresholds']>;
  credibilityFactors?: Partial<Record<string, number>>;
  levelWeights?: Partial<Record<string, number>>;
};

/**
 * Merges settings (e.g. from a stored document or a request body) over the defaults and checks
 * the result. Nested maps are merged key by key, so a setting may change one weight alone.
 */
export function validateEarlyWarningConfig(settings: unknown): Validated<EarlyWarningConfig> {
  if (settings !== undefined && !isRecord(settings)) {
    return { ok: false, errors: [fieldError('config', 'required')] };
  }
  const input = (settings ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const defaults = DEFAULT_EARLY_WARNING_CONFIG;

  const nested = (key: string): Record<string, unknown> => {
    const value = input[key];
    if (value === undefined) return {};
    if (!isRecord(value)) {
      errors.push(fieldError(key, 'required'));
      return {};
    }
    return value;
  };

  const typeWeightsIn = nested('typeWeights');
  for (const name of Object.keys(typeWeightsIn)) {
    if (!isEventType(name)) errors.push(fieldError(`typeWeights.${name}`, 'unknown_event_type'));
  }
  const subEventWeightsIn = nested('subEventWeights');
  for (const name of Object.keys(subEventWeightsIn)) {
    if (!ALL_SUB_EVENT_TYPES.has(name)) errors.push(fieldError(`subEventWeights.${name}`, 'unknown_sub_event_type'));
  }
  const credibilityIn = nested('credibilityFactors');
  for (const grade of Object.keys(credibilityIn)) {
    if (!['1', '2', '3', '4', '5', '6'].includes(grade)) errors.push(fieldError(`credibilityFactors.${grade}`, 'unknown_level'));
  }
  const levelWeightsIn = nested('levelWeights');
  for (const level of Object.keys(levelWeightsIn)) {
    if (!(THREAT_LEVELS as readonly string[]).includes(level)) errors.push(fieldError(`levelWeights.${level}`, 'unknown_level'));
  }

  const config = {
    ...defaults,
    ...input,
    typeWeights: { ...defaults.typeWeights, ...typeWeightsIn },
    subEventWeights: { ...defaults.subEventWeights, ...subEventWeightsIn },
    credibilityFactors: { ...defaults.credibilityFactors, ...credibilityIn },
    thresholds: { ...defaults.thresholds, ...nested('thresholds') },
    levelWeights: { ...defaults.levelWeights, ...levelWeightsIn },
  } as EarlyWarningConfig;

  checkNumber(errors, 'halfLifeDays', config.halfLifeDays, 'positive');
  checkNumber(errors, 'lookbackDays', config.lookbackDays, 'positive');
  checkNumber(errors, 'fatalityWeight', config.fatalityWeight, 'non-negative');
  checkNumber(errors, 'ungradedCredibilityFactor', config.ungradedCredibilityFactor, 'fraction');
  checkNumber(errors, 'coverageDays', config.coverageDays, 'positive');
  checkNumber(errors, 'coverageRadiusKm', config.coverageRadiusKm, 'positive');
  checkNumber(errors, 'minCoveredFraction', config.minCoveredFraction, 'fraction');
  for (const name of EVENT_TYPE_NAMES) checkNumber(errors, `typeWeights.${name}`, config.typeWeights[name], 'non-negative');
  for (const [name, weight] of Object.entries(config.subEventWeights)) {
    checkNumber(errors, `subEventWeights.${name}`, weight, 'non-negative');
  }
  for (const grade of [1, 2, 3, 4, 5, 6] as const) {
    checkNumber(errors, `credibilityFactors.${grade}`, config.credibilityFactors[grade], 'fraction');
  }
  for (const level of THREAT_LEVELS) checkNumber(errors, `levelWeights.${level}`, config.levelWeights[level], 'non-negative');

  const { medium, high, critical } = config.thresholds;
  const before = errors.length;
  checkNumber(errors, 'thresholds.medium', medium, 'positive');
  checkNumber(errors, 'thresholds.high', high, 'positive');
  checkNumber(errors, 'thresholds.critical', critical, 'positive');
  if (errors.length === before && !(medium < high && high < critical)) {
    errors.push(fieldError('thresholds', 'thresholds_out_of_order'));
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: config };
}

/** A span of time given as ISO 8601 instants; `to` must come strictly after `from`. */
export interface TimeWindow {
  from: string;
  to: string;
}

function parseInstant(errors: FieldError[], field: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') {
    errors.push(fieldError(field, 'required'));
    return undefined;
  }
  const ms = typeof value === 'string' ? instantOfDayOrTime(value) : undefined;
  if (ms === undefined) {
    errors.push(fieldError(field, 'not_a_date'));
    return undefined;
  }
  return ms;
}

export function validateWindow(input: unknown, field = 'window'): Validated<TimeWindow> {
  const errors: FieldError[] = [];
  if (!isRecord(input)) return { ok: false, errors: [fieldError(field, 'required')] };
  const from = parseInstant(errors, `${field}.from`, input.from);
  const to = parseInstant(errors, `${field}.to`, input.to);
  if (from !== undefined && to !== undefined && to <= from) errors.push(fieldError(field, 'window_inverted'));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { from: input.from as string, to: input.to as string } };
}

/** A coordinator's forced level for a section, which holds until it expires. */
export interface LevelOverride {
  section: string;
  level: ThreatLevel;
  reason: string;
  setBy: string;
  setAt: string;
  expiresAt: string;
}

export function validateOverride(input: unknown): Validated<LevelOverride> {
  if (!isRecord(input)) return { ok: false, errors: [fieldError('override', 'required')] };
  const errors: FieldError[] = [];
  for (const field of ['section', 'setBy'] as const) {
    if (typeof input[field] !== 'string' || (input[field] as string).trim() === '') errors.push(fieldError(field, 'required'));
  }
  if (typeof input.level !== 'string' || !(THREAT_LEVELS as readonly string[]).includes(input.level)) {
    errors.push(fieldError('level', 'unknown_level'));
  }
  if (typeof input.reason !== 'string' || input.reason.trim() === '') errors.push(fieldError('reason', 'reason_required'));
  const setAt = parseInstant(errors, 'setAt', input.setAt);
  const expiresAt = parseInstant(errors, 'expiresAt', input.expiresAt);
  if (setAt !== undefined && expiresAt !== undefined && expiresAt <= setAt) {
    errors.push(fieldError('expiresAt', 'expiry_not_after_start'));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      section: input.section as string,
      level: input.level as ThreatLevel,
      reason: (input.reason as string).trim(),
      setBy: input.setBy as string,
      setAt: input.setAt as string,
      expiresAt: input.expiresAt as string,
    },
  };
}

/** The first of a validator's field errors, as the error catalogue's 400 naming that field. */
