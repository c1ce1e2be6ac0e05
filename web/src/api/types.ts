import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { AlertRuleRequest } from '../../../src/contracts/alert.js';
import type { SectionHistory } from '../../../src/contracts/early-warning.js';
import type { ArticleRequest } from '../../../src/contracts/news.js';
import type { AlertRuleKind } from '../../../src/domain/alert-rules.js';
import type { ThreatLevel } from '../../../src/contracts/vocabularies.js';
import type { IncidentInput, IncidentPatch, IncidentShown, IncidentVersion as IncidentVersionRecord } from '../../../src/contracts/incident.js';
import type { Mechanism } from '../../../src/domain/mechanism.js';
import type { NationCode } from '../../../src/kernel/nation.js';
import type { Post, Unit as UnitRecord } from '../../../src/contracts/organisation.js';
import type { PatrolInput, PatrolPatch, PatrolShown } from '../../../src/contracts/patrol.js';
import type { PatrolProposal } from '../../../src/domain/patrol-recommendation.js';
import type { AxisProperties, BorderProperties, CountryProperties, SectionProperties } from '../../../src/contracts/geography.js';
import type { Role } from '../../../src/contracts/vocabularies.js';

/**
 * The node's API as the UI reads it. Records, their fields and their vocabularies are the node's
 * own contracts (src/contracts, the schemas the node checks requests and partners' copies by)
 * and pure modules of src/domain: only the shapes of a few answers the node builds in its routes
 * are written here.
 */

export { ROLES } from '../../../src/contracts/vocabularies.js';
export { THREAT_LEVELS } from '../../../src/contracts/vocabularies.js';
export {
  DATE_PRECISIONS,
  INCIDENT_STATUSES,
  INFORMATION_CREDIBILITIES as CREDIBILITIES,
  PATROL_KINDS,
  PATROL_STATUSES,
  SOURCE_KINDS,
  SOURCE_RELIABILITIES as RELIABILITIES,
} from '../../../src/contracts/vocabularies.js';
export type {
  DatePrecision,
  IncidentStatus,
  PatrolKind,
  PatrolStatus,
  SourceKind,
  SourceReliability as Reliability,
} from '../../../src/contracts/vocabularies.js';
export type { IncidentSource } from '../../../src/contracts/incident.js';
export type { PatrolAction } from '../../../src/domain/patrol-lifecycle.js';
export type { AlertAcknowledgement } from '../../../src/domain/alert.js';
export type { AlertRuleKind, Mechanism, NationCode, PatrolProposal, Role, ThreatLevel };

export type { Enrolment, LoginAnswer, SignedIn as User } from '../../../src/contracts/session.js';
export type { Place, SectionProperties, Taxonomy } from '../../../src/contracts/geography.js';

export type Basemap = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
export type Borders = FeatureCollection<LineString | MultiLineString, BorderProperties>;
export type Sections = FeatureCollection<LineString, SectionProperties>;
export type Axes = FeatureCollection<LineString, AxisProperties>;
export type PostProperties = Omit<Post, 'location' | 'section'>;
export type Posts = FeatureCollection<Point, PostProperties>;

export type Unit = Omit<UnitRecord, 'releasableTo' | 'owner'>;

/** An incident as the API answers it (the author's account stays on the node). */
export type Incident = IncidentShown;
export type IncidentProperties = Omit<Incident, 'location'>;
export type IncidentFeature = Feature<Point, IncidentProperties>;
export type Incidents = FeatureCollection<Point, IncidentProperties>;
export type NewIncident = Omit<IncidentInput, 'location'> & { location?: IncidentInput['location'] };
export type IncidentChange = IncidentPatch;
export type IncidentVersion = IncidentVersionRecord;

/** A patrol as the API answers it: its units spelled out and the nations still to approve. */
export type Patrol = PatrolShown;
export type NewPatrol = PatrolInput;
export type PatrolChange = PatrolPatch;

export type { Track } from '../../../src/contracts/patrol.js';

export type { ErrorBody as ApiErrorBody } from '../../../src/contracts/error.js';

export type { Alert, AlertCancel, AlertRuleDefinition, StoredAlertRule, Webhook } from '../../../src/contracts/alert.js';
export { ALERT_RULE_KINDS } from '../../../src/contracts/vocabularies.js';
export type { AlertTargetKind } from '../../../src/contracts/vocabularies.js';

export type NewAlertRule = Omit<AlertRuleRequest, 'enabled'>;

export type {
  Coverage,
  LevelView as SectionLevel,
  OverrideRequest as LevelOverrideRequest,
  RecommendationRequest,
  SectionHistory,
} from '../../../src/contracts/early-warning.js';
export type SectionHistoryEntry = SectionHistory['history'][number];

export type { Candidate, CandidateReview, ExtractedEventShown as ExtractedEvent, IngestResult } from '../../../src/contracts/news.js';
export type { CandidateStatus } from '../../../src/contracts/vocabularies.js';
export type NewArticle = Pick<ArticleRequest, 'published' | 'title' | 'text' | 'url'>;
