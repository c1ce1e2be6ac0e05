import { DiboliError } from './errors.js';
import { isEventType, isSubEventTypeOf } from './event-types.js';
import type { NationCode } from '../kernel/nation.js';
import type { Releasable } from './sovereignty.js';

export const DATE_PRECISIONS = ['hour', 'day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const GEO_PRECISIONS = ['exact', 'near', 'region'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];
export const INCIDENT_STATUSES = ['unverified', 'confirmed', 'refuted'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SOURCE_KINDS = ['patrol', 'unit', 'community', 'article', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Admiralty grading: reliability of the source (A best, F cannot be judged)… */
export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITIES)[number];
/** …and credibility of the information (1 confirmed, 6 cannot be judged). */
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface LatLon {
  lat: number;
  lon: number;
}

export interface IncidentSource {
  kind: SourceKind;
  name: string | null;
  reliability: SourceReliability | null;
  credibility: InformationCredibility | null;
}

/** What an author states about an incident: everything but identity, ownership and derived fields. */
export interface IncidentFacts {
  occurredAt: string;
  datePrecision: DatePrecision;
  location: LatLon;
  geoPrecision: GeoPrecision;
  placeName: string | null;
  eventType: string;
  subEventType: string;
  actors: string[];
  fatalities: number | null;
  injured: number | null;
  abducted: number | null;
  narrative: string | null;
  source: IncidentSource;
  status: IncidentStatus;
}

export interface Incident extends IncidentFacts, Releasable {
  id: string;
  version: number;
  /** Nearest border section within the buffer, derived from `location`. */
  section: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  releasableTo: NationCode[];
}

/** What an author sends to record an incident (`POST /incidents`); null stays unknown. */
export interface IncidentInput {
  occurredAt: string;
  datePrecision?: DatePrecision;
  location: LatLon;
  geoPrecision?: GeoPrecision;
  placeName?: string | null;
  eventType: string;
  subEventType: string;
  actors?: string[];
  fatalities?: number | null;
  injured?: number | null;
  abducted?: number | null;
  narrative?: string | null;
  source?: Partial<IncidentSource>;
  status?: IncidentStatus;
  releasableTo?: NationCode[];
}

/** A change (`PATCH /incidents/:id`): the fields given replace the incident's, null included. */
export type IncidentPatch = Partial<IncidentInput>;

/** One stored version of an incident, and who recorded it. */
export interface IncidentVersion {
  version: number;
  recordedAt: string;
  /** The officer who wrote it on this node; null for a copy received from its owner's node. */
  recordedBy: { username: string; displayName: string; nation: NationCode } | null;
  incident: Omit<Incident, 'createdBy'>;
}

export interface IncidentRules {
  now: string;
  isInMechanismArea: (location: LatLon) => boolean;
}

/**
 * Checks the facts of an incident against rules that a schema cannot express. Throws the first
 * violation as a coded error naming its field.
 */
export function checkIncidentFacts(facts: IncidentFacts, rules: IncidentRules): void {
  if (!isEventType(facts.eventType)) {
    throw new DiboliError('ERR_UNKNOWN_EVENT_TYPE', { value: facts.eventType }, 'eventType');
  }
  if (!isSubEventTypeOf(facts.eventType, facts.subEventType)) {
    throw new DiboliError('ERR_SUB_EVENT_TYPE_MISMATCH', { value: facts.subEventType, eventType: facts.eventType }, 'subEventType');
  }
  const occurred = Date.parse(facts.occurredAt);
  if (Number.isNaN(occurred)) {
    throw new DiboliError('ERR_VALIDATION', { detail: 'occurredAt' }, 'occurredAt');
  }
  if (occurred > Date.parse(rules.now)) {
    throw new DiboliError('ERR_OCCURRED_IN_FUTURE', {}, 'occurredAt');
  }
  if (!rules.isInMechanismArea(facts.location)) {
    throw new DiboliError('ERR_OUTSIDE_AREA', {}, 'location');
  }
}
