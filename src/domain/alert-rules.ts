import { distanceToLineKm } from '../geo/distance-to-line.js';
import { haversineKm } from '../geo/great-circle.js';
import type { LineString, LonLat, Point } from '../kernel/geojson.js';
import type { EarlyWarningConfig, IncidentStatus } from './early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { fieldError, type FieldError, type Validated } from './errors.js';
import { eventTypeName } from './event-type-names.js';
import { EVENT_TYPES, isEventType, type EventType } from './event-types.js';
import { isThreatLevel, levelChange, levelForScore, levelRank, THREAT_LEVEL_NAME } from './threat-level.js';
import { undecayedPoints } from './threat-score.js';
import { MINUTE_MS } from '../kernel/durations.js';

/**
 * Alert rules: each rule looks at one event (an incident recorded, a level changed, a patrol
 * checked against its check-in schedule, a news candidate extracted) and returns alert drafts.
 * Evaluation is pure; "fires once and only once per cause" rests on the dedup key, which is the
 * same every time the same rule meets the same cause (an incident edited ten times, a patrol
 * checked every minute while overdue) and differs for any other cause. The store keeps the key
 * unique, so a second draft with a known key is simply dropped (`unseen` does that in memory).
 */

export type AlertTarget =
  | { kind: 'axis'; id: string; name: string; geometry: LineString }
  | { kind: 'section'; id: string; name: string; geometry: LineString }
  | { kind: 'post'; id: string; name: string; geometry: Point };

interface RuleBase {
  id: string;
  enabled?: boolean;
}

export type AlertRule =
  | (RuleBase & {
      kind: 'incident-near';
      eventTypes: readonly EventType[];
      /** When given, only these sub-event types of the listed types. */
      subEventTypes?: readonly string[];
      target: AlertTarget;
      withinKm: number;
    })
  | (RuleBase & {
      kind: 'level-rising';
      /** Sections watched; all when absent or empty. */
      sections?: readonly string[];
      /** Fires only when the new level is at least this one; default medium. */
      minLevel?: ThreatLevel;
    })
  | (RuleBase & { kind: 'patrol-overdue'; graceMinutes: number })
  | (RuleBase & {
      kind: 'news-severity';
      /** Fires for candidates whose severity reaches this level; default high. */
      minSeverity?: ThreatLevel;
      eventTypes?: readonly EventType[];
    });

export type AlertRuleKind = AlertRule['kind'];

export interface WatchedIncident {
  id: string;
  eventType: EventType;
  subEventType?: string | null;
  location: LonLat;
  section?: string | null;
  occurredAt: string;
  fatalities?: number | null;
  status: IncidentStatus;
}

export interface WatchedLevelChange {
  section: string;
  at: string;
  from: ThreatLevel | null;
  to: ThreatLevel;
}

export interface WatchedPatrol {
  id: string;
  status: 'draft' | 'proposed' | 'approved' | 'underway' | 'completed' | 'cancelled';
  startedAt: string | null;
  lastCheckInAt: string | null;
  checkInIntervalMinutes: number;
}

export interface WatchedCandidate {
  id: string;
  article: string;
  eventType: EventType;
  subEventType?: string | null;
  fatalities?: number | null;
  location?: LonLat | null;
  place?: string | null;
}

export type WatchedEvent =
  | { kind: 'incident'; incident: WatchedIncident }
  | { kind: 'level-change'; change: WatchedLevelChange }
  | { kind: 'patrol-check'; patrol: WatchedPatrol }
  | { kind: 'news-candidate'; candidate: WatchedCandidate };

export interface AlertDraft {
  rule: string;
  ruleKind: AlertRuleKind;
  dedupKey: string;
  severity: ThreatLevel;
  cause: { kind: 'incident' | 'section' | 'patrol' | 'candidate'; id: string };
  /** When the cause happened (or was detected, for an overdue patrol), ISO 8601. */
  at: string;
  section?: string;
  location?: LonLat;
  distanceKm?: number;
  headline: { fr: string; en: string };
}

function dedupKey(rule: AlertRule, ...cause: string[]): string {
  return [rule.id, rule.kind, ...cause].map(encodeURIComponent).join('|');
}

/** Severity of an incident or candidate by its weight, on the section-level scale. */
function severityOfEvent(config: EarlyWarningConfig, event: { eventType: EventType; subEventType?: string | null; fatalities?: number | null }): ThreatLevel {
  // Judged as if confirmed: the rule asks how grave the event would be, not how sure it is.
  return levelForScore(undecayedPoints(config, { ...event, status: 'confirmed' }), config.thresholds);
}

function distanceToTarget(target: AlertTarget, point: LonLat): number {
  return target.kind === 'post'
    ? haversineKm(point[0], point[1], target.geometry.coordinates[0]!, target.geometry.coordinates[1]!)
    : distanceToLineKm(point, target.geometry);
}

function incidentNear(rule: Extract<AlertRule, { kind: 'incident-near' }>, incident: WatchedIncident, config: EarlyWarningConfig): AlertDraft[] {
  if (incident.status === 'refuted' || !rule.eventTypes.includes(incident.eventType)) return [];
  if (rule.subEventTypes && rule.subEventTypes.length > 0 && !rule.subEventTypes.includes(incident.subEventType ?? '')) return [];
  const km = distanceToTarget(rule.target, incident.location);
  if (!(km <= rule.withinKm)) return [];
  const rounded = Math.round(km * 10) / 10;
  const draft: AlertDraft = {
    rule: rule.id,
    ruleKind: rule.kind,
    dedupKey: dedupKey(rule, 'incident', incident.id),
    severity: severityOfEvent(config, incident),
    cause: { kind: 'incident', id: incident.id },
    at: incident.occurredAt,
    location: incident.location,
    distanceKm: km,
    headline: {
      fr: `${eventTypeName(incident.eventType, 'fr')} à ${String(rounded).replace('.', ',')} km de ${rule.target.name}`,
      en: `${incident.eventType} ${rounded} km from ${rule.target.name}`,
    },
  };
  if (incident.section) draft.section = incident.section;
  return [draft];
}

function levelRising(rule: Extract<AlertRule, { kind: 'level-rising' }>, change: WatchedLevelChange): AlertDraft[] {
  if (levelChange(change.from, change.to) !== 'rising') return [];
  if (levelRank(change.to) < levelRank(rule.minLevel ?? 'medium')) return [];
  if (rule.sections && rule.sections.length > 0 && !rule.sections.includes(change.section)) return [];
  const from = change.from ?? 'low';
  return [
    {
      rule: rule.id,
      ruleKind: rule.kind,
      dedupKey: dedupKey(rule, 'section', change.section, change.to, change.at),
      severity: change.to,
      cause: { kind: 'section', id: change.section },
      at: change.at,
      section: change.section,
      headline: {
        fr: `Tronçon ${change.section} : niveau ${THREAT_LEVEL_NAME[from].fr} → ${THREAT_LEVEL_NAME[change.to].fr}`,
        en: `Section ${change.section}: level ${THREAT_LEVEL_NAME[from].en} → ${THREAT_LEVEL_NAME[change.to].en}`,
      },
    },
  ];
}

function patrolOverdue(rule: Extract<AlertRule, { kind: 'patrol-overdue' }>, patrol: WatchedPatrol, now: Date): AlertDraft[] {
  const lastContact = patrol.lastCheckInAt ?? patrol.startedAt;
  if (patrol.status !== 'underway' || lastContact === null) return [];
  const due = Date.parse(lastContact) + (patrol.checkInIntervalMinutes + rule.graceMinutes) * MINUTE_MS;
  const nowMs = now.getTime();
  if (!(nowMs > due)) return [];
  const lateMinutes = Math.floor((nowMs - due) / MINUTE_MS + rule.graceMinutes);
  return [
    {
      rule: rule.id,
      ruleKind: rule.kind,
      // The missed check-in is the cause: the same silence alerts once, a new silence after a
      // fresh check-in alerts again.
      dedupKey: dedupKey(rule, 'patrol', patrol.id, lastContact),
      severity: 'high',
      cause: { kind: 'patrol', id: patrol.id },
      at: new Date(due).toISOString(),
      headline: {
        fr: `Patrouille ${patrol.id} sans compte rendu depuis ${lateMinutes} min après l’heure prévue`,
        en: `Patrol ${patrol.id} has not checked in, ${lateMinutes} min past due`,
      },
    },
  ];
}

function newsSeverity(rule: Extract<AlertRule, { kind: 'news-severity' }>, candidate: WatchedCandidate, config: EarlyWarningConfig): AlertDraft[] {
  if (rule.eventTypes && rule.eventTypes.length > 0 && !rule.eventTypes.includes(candidate.eventType)) return [];
  const severity = severityOfEvent(config, candidate);
  if (levelRank(severity) < levelRank(rule.minSeverity ?? 'high')) return [];
  const where = candidate.place ? ` (${candidate.place})` : '';
  const draft: AlertDraft = {
    rule: rule.id,
    ruleKind: rule.kind,
    dedupKey: dedupKey(rule, 'candidate', candidate.id),
    severity,
    cause: { kind: 'candidate', id: candidate.id },
    at: '',
    headline: {
      fr: `Presse : ${eventTypeName(candidate.eventType, 'fr')}${where}, niveau de gravité ${THREAT_LEVEL_NAME[severity].fr}`,
      en: `News: ${candidate.eventType}${where}, severity ${THREAT_LEVEL_NAME[severity].en}`,
    },
  };
  if (candidate.location) draft.location = candidate.location;
  return [draft];
}

/** The drafts one rule raises for one event (none when the event is not its business). */
export function evaluateRule(rule: AlertRule, event: WatchedEvent, config: EarlyWarningConfig, now: Date): AlertDraft[] {
  if (rule.enabled === false) return [];
  let drafts: AlertDraft[] = [];
  if (rule.kind === 'incident-near' && event.kind === 'incident') drafts = incidentNear(rule, event.incident, config);
  else if (rule.kind === 'level-rising' && event.kind === 'level-change') drafts = levelRising(rule, event.change);
  else if (rule.kind === 'patrol-overdue' && event.kind === 'patrol-check') drafts = patrolOverdue(rule, event.patrol, now);
  else if (rule.kind === 'news-severity' && event.kind === 'news-candidate') drafts = newsSeverity(rule, event.candidate, config);
  // A news candidate has no trustworthy event time yet: it is dated when it was seen.
  return drafts.map((draft) => (draft.at === '' ? { ...draft, at: now.toISOString() } : draft));
}

export function evaluateRules(rules: readonly AlertRule[], event: WatchedEvent, config: EarlyWarningConfig, now: Date): AlertDraft[] {
  return rules.flatMap((rule) => evaluateRule(rule, event, config, now));
}

/** Drafts whose key is not yet known, each key once; the keys kept are added to `known`. */
export function unseen(drafts: readonly AlertDraft[], known: Set<string>): AlertDraft[] {
  const fresh: AlertDraft[] = [];
  for (const draft of drafts) {
    if (known.has(draft.dedupKey)) continue;
    known.add(draft.dedupKey);
    fresh.push(draft);
  }
  return fresh;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isLonLat(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function checkTarget(errors: FieldError[], target: unknown): void {
  if (!isRecord(target)) {
    errors.push(fieldError('target', 'required'));
    return;
  }
  if (!['axis', 'section', 'post'].includes(target.kind as string)) errors.push(fieldError('target.kind', 'not_allowed'));
  for (const field of ['id', 'name'] as const) {
    if (typeof target[field] !== 'string' || target[field] === '') errors.push(fieldError(`target.${field}`, 'required'));
  }
  const geometry = target.geometry;
  const wanted = target.kind === 'post' ? 'Point' : 'LineString';
  if (!isRecord(geometry) || geometry.type !== wanted) {
    errors.push(fieldError('target.geometry', 'required'));
  } else if (
    wanted === 'Point'
      ? !isLonLat(geometry.coordinates)
      : !(Array.isArray(geometry.coordinates) && geometry.coordinates.length >= 2 && geometry.coordinates.every(isLonLat))
  ) {
    errors.push(fieldError('target.geometry', 'out_of_range'));
  }
}

/** Checks a rule as submitted (e.g. an API body, with the target's geometry resolved). */
export function validateAlertRule(input: unknown): Validated<AlertRule> {
  if (!isRecord(input)) return { ok: false, errors: [fieldError('rule', 'required')] };
  const errors: FieldError[] = [];
  if (typeof input.id !== 'string' || input.id === '') errors.push(fieldError('id', 'required'));
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') errors.push(fieldError('enabled', 'not_allowed'));
  const eventTypes = (field: string, required: boolean): void => {
    const value = input[field];
    if (value === undefined && !required) return;
    if (!Array.isArray(value) || (required && value.length === 0)) errors.push(fieldError(field, 'required'));
    else {
      for (const [i, name] of value.entries()) if (!isEventType(String(name))) errors.push(fieldError(`${field}.${i}`, 'unknown_event_type'));
    }
  };
  const level = (field: string): void => {
    if (input[field] !== undefined && !isThreatLevel(input[field])) errors.push(fieldError(field, 'unknown_level'));
  };
  const allSubEventTypes: readonly string[] = Object.values(EVENT_TYPES).flat();
  switch (input.kind) {
    case 'incident-near':
      eventTypes('eventTypes', true);
      if (input.subEventTypes !== undefined) {
        if (!Array.isArray(input.subEventTypes)) errors.push(fieldError('subEventTypes', 'required'));
        else {
          for (const [i, name] of input.subEventTypes.entries()) {
            if (!allSubEventTypes.includes(String(name))) errors.push(fieldError(`subEventTypes.${i}`, 'unknown_sub_event_type'));
          }
        }
      }
      if (typeof input.withinKm !== 'number' || !Number.isFinite(input.withinKm)) errors.push(fieldError('withinKm', 'not_a_number'));
      else if (input.withinKm <= 0) errors.push(fieldError('withinKm', 'must_be_positive'));
      checkTarget(errors, input.target);
      break;
    case 'level-rising':
      if (input.sections !== undefined && !(Array.isArray(input.sections) && input.sections.every((s) => typeof s === 'string'))) {
        errors.push(fieldError('sections', 'not_allowed'));
      }
      level('minLevel');
      break;
    case 'patrol-overdue':
      if (typeof input.graceMinutes !== 'number' || !Number.isFinite(input.graceMinutes)) errors.push(fieldError('graceMinutes', 'not_a_number'));
      else if (input.graceMinutes < 0) errors.push(fieldError('graceMinutes', 'must_not_be_negative'));
      break;
    case 'news-severity':
      eventTypes('eventTypes', false);
      level('minSeverity');
      break;
    default:
      errors.push(fieldError('kind', 'not_allowed'));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: input as unknown as AlertRule };
}
