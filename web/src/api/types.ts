import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

/** The node's API, as the UI reads it (JSON, camelCase). */

export type NationCode = string;
export type Role = 'coordinator' | 'liaison' | 'patrol_lead' | 'analyst' | 'admin' | 'observer';
export const ROLES: readonly Role[] = ['coordinator', 'liaison', 'patrol_lead', 'analyst', 'admin', 'observer'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  nation: NationCode;
  role: Role;
  nodeNation: NationCode;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: User;
  /** After a login with a recovery code. */
  recoveryCodesLeft?: number;
}

/** A second factor being set up: the secret for the authenticator app, and the otpauth:// address of its QR code. */
export interface Enrolment {
  secret: string;
  uri: string;
}

export interface Mechanism {
  id: string;
  name: string;
  nations: NationCode[];
  agreement: { title: string; date: string; reference: string };
  sharingPolicy: { incident: NationCode[]; patrol: NationCode[]; position: NationCode[] };
}

export type ThreatLevel = 'low' | 'medium' | 'high' | 'critical';
export const THREAT_LEVELS: readonly ThreatLevel[] = ['low', 'medium', 'high', 'critical'];

export type Basemap = FeatureCollection<Polygon | MultiPolygon, { nation: NationCode | null; name: string }>;
export type Borders = FeatureCollection<LineString | MultiLineString, { id: string; nations: NationCode[]; lengthKm: number }>;
export interface SectionProperties {
  id: string;
  borderId: string;
  index: number;
  lengthKm: number;
  threatLevel: ThreatLevel;
}
export type Sections = FeatureCollection<LineString, SectionProperties>;
export type Axes = FeatureCollection<LineString, { id: string; name: string }>;
export interface PostProperties {
  id: string;
  name: string;
  kind: string;
  nation: NationCode;
  owner: NationCode;
  releasableTo: NationCode[];
}
export type Posts = FeatureCollection<Point, PostProperties>;

export interface Unit {
  id: string;
  nation: NationCode;
  name: string;
  callSign: string;
  parentId: string | null;
}

export interface Place {
  id: string;
  name: string;
  country: string;
  admin1: string;
  lat: number;
  lon: number;
  featureCode: string;
}

export interface Taxonomy {
  eventTypes: Record<string, string[]>;
}

export type DatePrecision = 'hour' | 'day' | 'month' | 'year';
export const DATE_PRECISIONS: readonly DatePrecision[] = ['hour', 'day', 'month', 'year'];
export type SourceKind = 'patrol' | 'unit' | 'community' | 'article' | 'other';
export const SOURCE_KINDS: readonly SourceKind[] = ['patrol', 'unit', 'community', 'article', 'other'];
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
export const CREDIBILITIES: readonly number[] = [1, 2, 3, 4, 5, 6];
export type IncidentStatus = 'unverified' | 'confirmed' | 'refuted';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['unverified', 'confirmed', 'refuted'];

export interface IncidentSource {
  kind: SourceKind;
  name: string | null;
  reliability: Reliability | null;
  credibility: number | null;
}

export interface IncidentProperties {
  id: string;
  owner: NationCode;
  releasableTo: NationCode[];
  section: string | null;
  occurredAt: string;
  datePrecision: DatePrecision;
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
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type IncidentFeature = Feature<Point, IncidentProperties>;
export type Incidents = FeatureCollection<Point, IncidentProperties>;

export interface Incident extends IncidentProperties {
  location: { lat: number; lon: number };
}

export interface NewIncident {
  occurredAt: string;
  datePrecision?: DatePrecision;
  location?: { lat: number; lon: number };
  placeName?: string;
  eventType: string;
  subEventType: string;
  actors?: string[];
  fatalities?: number | null;
  injured?: number | null;
  abducted?: number | null;
  narrative?: string;
  source?: Partial<IncidentSource>;
  status?: IncidentStatus;
  releasableTo?: NationCode[];
}

export type PatrolKind = 'joint' | 'national';
export type PatrolStatus = 'draft' | 'proposed' | 'approved' | 'underway' | 'completed' | 'cancelled';
export type PatrolAction = 'propose' | 'approve' | 'start' | 'complete' | 'cancel';

export interface Patrol {
  id: string;
  owner: NationCode;
  name: string;
  kind: PatrolKind;
  status: PatrolStatus;
  nations: NationCode[];
  units: Pick<Unit, 'id' | 'nation' | 'name' | 'callSign'>[];
  route: LineString | null;
  plannedStart: string;
  plannedEnd: string;
  approvals: { nation: NationCode; userId: string; at: string }[];
  pendingApprovals: NationCode[];
  releasableTo: NationCode[];
}

export interface NewPatrol {
  name: string;
  kind: PatrolKind;
  nations?: NationCode[];
  unitIds: string[];
  axisId?: string;
  route?: LineString;
  plannedStart: string;
  plannedEnd: string;
  releasableTo?: NationCode[];
}

/** A patrol's track: no geometry without positions, a Point for one, a LineString from two. */
export type Track = Feature<LineString | Point | null, { positions: number } & Record<string, unknown>>;

/** Error body of every 4xx/5xx answer. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

export interface AlertAcknowledgement {
  alertId: string;
  userId: string;
  nation: NationCode;
  at: string;
}

/**
 * An early-warning alert, raised for the reader's nation; the headline comes in both working
 * languages. An `Update` replaces the earlier messages it names (its cause changed).
 */
export interface Alert {
  id: string;
  msgType: 'Alert' | 'Update';
  references?: { identifier: string; sent: string }[];
  audience: NationCode;
  owner: NationCode;
  releasableTo: NationCode[];
  rule: string;
  ruleKind: string;
  severity: ThreatLevel;
  cause: { kind: string; id: string };
  at: string;
  createdAt: string;
  section: string | null;
  location: { lat: number; lon: number } | null;
  distanceKm: number | null;
  eventType: string | null;
  headline: { fr: string; en: string };
  public: boolean;
  acknowledgements?: AlertAcknowledgement[];
}

/** Sent when an alert no longer holds (its cause refuted, changed or out of the reader's view): the alerts it names are withdrawn. */
export interface AlertCancel {
  id: string;
  msgType: 'Cancel';
  audience: NationCode;
  createdAt: string;
  references: { identifier: string; sent: string }[];
  public: boolean;
}

export type AlertRuleKind = 'incident-near' | 'level-rising' | 'patrol-overdue' | 'news-severity';
export const ALERT_RULE_KINDS: readonly AlertRuleKind[] = ['incident-near', 'level-rising', 'patrol-overdue', 'news-severity'];
export type AlertTargetKind = 'axis' | 'section' | 'post';

/** What an alert rule watches; the fields used depend on its kind. */
export interface AlertRuleDefinition {
  id: string;
  kind: AlertRuleKind;
  enabled?: boolean;
  eventTypes?: string[];
  subEventTypes?: string[];
  target?: { kind: AlertTargetKind; id: string; name?: string };
  withinKm?: number;
  sections?: string[];
  minLevel?: ThreatLevel;
  graceMinutes?: number;
  minSeverity?: ThreatLevel;
}

export interface StoredAlertRule {
  rule: AlertRuleDefinition;
  /** Its alerts are meant for the population (CAP). */
  public: boolean;
  releasableTo: NationCode[];
  createdAt: string;
  createdBy: string | null;
}

export type NewAlertRule = Omit<AlertRuleDefinition, 'enabled'> & { public?: boolean; releasableTo?: NationCode[] };

export interface Webhook {
  id: string;
  url: string;
  nation: NationCode;
  description: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
  deliveries?: { status: string; attempts: number }[];
}

export interface SectionLevel {
  section: string;
  level: ThreatLevel;
  source: 'computed' | 'override';
  computedLevel: ThreatLevel;
  score: number;
  override?: { level: ThreatLevel; reason: string; setBy: string; setAt: string; expiresAt: string };
  lastChangeAt: string | null;
}

export interface SectionHistoryEntry {
  section: string;
  at: string;
  from: ThreatLevel | null;
  to: ThreatLevel;
  source: string;
  score: number;
  reason?: string;
}

export interface SectionHistory {
  current: SectionLevel;
  history: SectionHistoryEntry[];
}

export interface LevelOverride {
  level: ThreatLevel;
  reason: string;
  expiresAt: string;
  /** Partners whose levels it applies to; the node's own nation's always. */
  releasableTo?: NationCode[];
}

/** An event as the news extractor writes it (snake_case, the evaluation's contract). */
export interface ExtractedEvent {
  date: string | null;
  date_precision: string | null;
  location: string | null;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  event_type: string;
  sub_event_type: string;
  actors: string[];
  fatalities: number | null;
  evidence: string;
}

export type CandidateStatus = 'pending' | 'accepted' | 'linked' | 'rejected';

export interface Candidate {
  id: string;
  articleId: string;
  rank: number;
  status: CandidateStatus;
  event: ExtractedEvent;
  incidentId: string | null;
  createdAt: string;
  article?: { id: string; title: string; url: string | null; published: string | null; source: string | null };
}

export interface CandidateReview {
  candidate: Candidate;
  incident: Incident | null;
}

export interface NewArticle {
  published: string | null;
  title: string;
  text: string;
  url?: string;
}

export interface IngestResult {
  articleId: string;
  duplicate: boolean;
  relevant: boolean;
  candidates: number;
}
