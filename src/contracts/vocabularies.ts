/**
 * The words records are written in: each list is the only copy of its vocabulary, read by the
 * record schemas (src/contracts), the rules (src/domain), the store and the web. This file holds
 * no schema so that the web can import a list without the schema library.
 */

/** What a user does on the node (domain/permissions.ts says what each may do). */
export const ROLES = ['coordinator', 'liaison', 'patrol_lead', 'analyst', 'admin', 'observer'] as const;
export type Role = (typeof ROLES)[number];

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
export const INFORMATION_CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITIES)[number];

export const PATROL_KINDS = ['joint', 'national'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

export const PATROL_STATUSES = ['draft', 'proposed', 'approved', 'underway', 'completed', 'cancelled'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

/** The channel a field record came in by. */
export const REPORTED_VIA = ['api', 'field', 'sms', 'radio', 'tak'] as const;
export type ReportedVia = (typeof REPORTED_VIA)[number];

/** A section's threat level, lowest first (their names and colours: domain/threat-level.ts). */
export const THREAT_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

/** What an alert rule watches (domain/alert-rules.ts holds each kind's fields and evaluation). */
export const ALERT_RULE_KINDS = ['incident-near', 'level-rising', 'patrol-overdue', 'news-severity'] as const;
/** What an incident-near rule is measured from. */
export const ALERT_TARGET_KINDS = ['axis', 'section', 'post'] as const;
export type AlertTargetKind = (typeof ALERT_TARGET_KINDS)[number];

/** Where a news candidate stands in the analyst's review. */
export const CANDIDATE_STATUSES = ['pending', 'accepted', 'rejected', 'linked'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The shortest stretch of an axis a patrol recommendation may propose, in kilometres. */
export const MIN_STRETCH_KM = 1;

/** What became of an SMS or radio message (docs/field-messages.md). */
export const FIELD_MESSAGE_OUTCOMES = ['recorded', 'refused', 'help', 'duplicate', 'unknown-sender', 'too-long'] as const;
export type FieldMessageOutcome = (typeof FIELD_MESSAGE_OUTCOMES)[number];

export const POST_KINDS = ['border_post', 'base', 'checkpoint', 'command'] as const;
export type PostKind = (typeof POST_KINDS)[number];
