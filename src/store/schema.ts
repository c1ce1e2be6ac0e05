import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AccountTables } from './accounts-schema.js';
import type { EarlyWarningTables } from './early-warning-schema.js';
import type { FieldMessageTables } from './field-message-schema.js';
import type { NewsTables } from './news-schema.js';
import type { StreamTables } from './stream-schema.js';
import type { TakTables } from './tak-schema.js';
import type { TrackTables } from './track-schema.js';

/**
 * Table shapes as Kysely sees them (camelCase here, snake_case in SQLite through CamelCasePlugin).
 * JSON columns hold text; repositories parse them. Times are ISO 8601 strings in UTC.
 */
export interface Database extends EarlyWarningTables, NewsTables, AccountTables, StreamTables, FieldMessageTables, TakTables, TrackTables {
  nodeMeta: NodeMetaTable;
  mechanisms: MechanismTable;
  users: UserTable;
  sessions: SessionTable;
  units: UnitTable;
  posts: PostTable;
  borders: BorderTable;
  sections: SectionTable;
  axes: AxisTable;
  incidents: IncidentTable;
  incidentBbox: IncidentBboxTable;
  incidentVersions: IncidentVersionTable;
  incidentAreaVersions: IncidentAreaVersionTable;
  incidentCellCounts: IncidentCellCountTable;
  patrols: PatrolTable;
  patrolApprovals: PatrolApprovalTable;
  patrolApprovalRecords: PatrolApprovalRecordTable;
  positions: PositionTable;
  observations: ObservationTable;
  photos: PhotoTable;
  observationPhotos: ObservationPhotoTable;
  peers: PeerTable;
  outbox: OutboxTable;
  auditLog: AuditLogTable;
  feedEntries: FeedEntryTable;
  feedHeads: FeedHeadTable;
  feedNonces: FeedNonceTable;
  feedRefusals: FeedRefusalTable;
  peerAnchors: PeerAnchorTable;
  secondments: SecondmentTable;
  issuedSecondments: IssuedSecondmentTable;
  secondmentRevocations: SecondmentRevocationTable;
  importedEvents: ImportedEventTable;
}

/** An event of another data set (ACLED) and the incident it became here. */
export interface ImportedEventTable {
  source: string;
  externalId: string;
  incidentId: string;
  importedAt: string;
  importedBy: string | null;
}

export interface NodeMetaTable {
  key: string;
  value: string;
}

export interface MechanismTable {
  id: string;
  name: string;
  nations: string;
  agreementTitle: string;
  agreementDate: string;
  agreementReference: string;
  sharingPolicy: string;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  nation: string;
  role: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionTable {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

/** Columns every shared record carries. */
interface SharedRecordColumns {
  id: string;
  owner: string;
  /** JSON array of nation codes; `[]` = national only. */
  releasableTo: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UnitTable extends SharedRecordColumns {
  nation: string;
  name: string;
  callSign: string;
  parentId: string | null;
}

export interface PostTable extends SharedRecordColumns {
  nation: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  section: string | null;
}

export interface BorderTable {
  id: string;
  nations: string;
  lengthKm: number;
  geometry: string;
}

export interface SectionTable {
  id: string;
  borderId: string;
  idx: number;
  nations: string;
  startKm: number;
  lengthKm: number;
  geometry: string;
}

export interface AxisTable {
  id: string;
  name: string;
  nations: string;
  geometry: string;
}

export interface IncidentTable extends SharedRecordColumns {
  seq: Generated<number>;
  occurredAt: string;
  datePrecision: string;
  lat: number;
  lon: number;
  geoPrecision: string;
  placeName: string | null;
  section: string | null;
  eventType: string;
  subEventType: string;
  actors: string;
  fatalities: number | null;
  injured: number | null;
  abducted: number | null;
  narrative: string | null;
  sourceKind: string;
  sourceName: string | null;
  sourceReliability: string | null;
  sourceCredibility: number | null;
  status: string;
  createdBy: string | null;
}

/** Each version of an incident written on this node (migration 0011); `body` is the incident as JSON. */
/** Per nation and cell of 1/16°, how often incidents it may see there were written (migration 0012). */
export interface IncidentAreaVersionTable {
  audience: string;
  cellX: number;
  cellY: number;
  version: number;
}

/**
 * Incidents a nation may see, counted per Web Mercator cell, period and the list's filters
 * (migration 0016): the map's low zooms sum these instead of reading every incident.
 */
export interface IncidentCellCountTable {
  audience: string;
  level: number;
  /** 'm' for a month (`period` is `YYYY-MM`), 'd' for a day (`YYYY-MM-DD`). */
  span: string;
  cellX: number;
  cellY: number;
  period: string;
  eventType: string;
  owner: string;
  status: string;
  /** '' for an incident outside every section. */
  section: string;
  count: number;
  sumLon: number;
  sumLat: number;
}

export interface IncidentVersionTable {
  incidentId: string;
  version: number;
  owner: string;
  releasableTo: string;
  body: string;
  recordedAt: string;
  recordedBy: string | null;
}

/** R*Tree over incident points: `id` is the incident's `seq`. */
export interface IncidentBboxTable {
  id: number;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export interface PatrolTable extends SharedRecordColumns {
  name: string;
  kind: string;
  status: string;
  nations: string;
  unitIds: string;
  axisId: string | null;
  route: string | null;
  plannedStart: string;
  plannedEnd: string;
  startedAt: string | null;
  completedAt: string | null;
  debrief: string | null;
  createdBy: string | null;
  code: string;
  leaderUserId: string | null;
  reporterUserIds: string;
}

export interface PatrolApprovalTable {
  patrolId: string;
  nation: string;
  userId: string;
  at: string;
}

/** An approval given by a partner nation from its own node (see domain/patrol-approval.ts). */
export interface PatrolApprovalRecordTable extends SharedRecordColumns {
  patrolId: string;
  patrolVersion: number;
  nation: string;
  userId: string;
  at: string;
}

export interface PositionTable {
  seq: Generated<number>;
  patrolId: string;
  at: string;
  lat: number;
  lon: number;
  section: string | null;
  reportedBy: string | null;
  clientId: string | null;
}

export interface ObservationTable extends SharedRecordColumns {
  patrolId: string;
  at: string;
  lat: number | null;
  lon: number | null;
  section: string | null;
  text: string;
  createdBy: string | null;
  clientId: string | null;
  eventType: string | null;
  people: number | null;
  fatalities: number | null;
  injured: number | null;
  reportedVia: Generated<string>;
}

/** A stored photo file (`<data>/photos/ab/<sha256>`), metadata stripped. */
export interface PhotoTable {
  sha256: string;
  contentType: string;
  bytes: number;
  createdAt: string;
}

export interface ObservationPhotoTable {
  observationId: string;
  sha256: string;
  addedAt: string;
}

export type IncidentRow = Selectable<IncidentTable>;
export type NewIncidentRow = Insertable<IncidentTable>;
export type IncidentUpdate = Updateable<IncidentTable>;
export type PatrolRow = Selectable<PatrolTable>;
export type UserRow = Selectable<UserTable>;

/** A partner node this node pulls from and serves its feed to. */
export interface PeerTable {
  nation: string;
  url: string;
  publicKey: string;
  cursor: Generated<number>;
  addedAt: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}

/** Signed envelopes this node released, in the order partners read them. */
export interface OutboxTable {
  seq: Generated<number>;
  origin: string;
  kind: string;
  recordId: string;
  version: number;
  /** JSON array of the nations the envelope is for. */
  releasedTo: string;
  /** The envelope's JSON text, exactly as served. */
  envelope: string;
  queuedAt: string;
}

/** One nation's feed: at most one envelope per record, numbered by that nation's own sequence. */
export interface FeedEntryTable {
  nation: string;
  position: number;
  /** The record the envelope is about, `kind:id`, for a version and a retraction alike. */
  subject: string;
  outboxSeq: number;
}

export interface FeedHeadTable {
  nation: string;
  position: number;
}

export interface FeedNonceTable {
  nonce: string;
  /** Milliseconds since the epoch after which the nonce's request is stale anyway. */
  forgetAt: number;
}

export interface FeedRefusalTable {
  /** `YYYY-MM-DDTHH:MM` in UTC. */
  minute: string;
  reason: string;
  caller: string;
  count: number;
}

export interface PeerAnchorTable {
  id: Generated<number>;
  nation: string;
  anchor: string;
  receivedAt: string;
}

export interface SecondmentTable {
  userId: string;
  credentialId: string;
  issuer: string;
  role: string;
  expiresAt: string;
  /** The credential's JSON as its issuing node signed it. */
  credential: string;
  addedAt: string;
}

export interface IssuedSecondmentTable {
  id: string;
  host: string;
  username: string;
  role: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface SecondmentRevocationTable {
  credentialId: string;
  issuer: string;
  receivedAt: string;
}

/** Append-only, hash-chained record of writes, envelopes and rejected requests. */
export interface AuditLogTable {
  seq: number;
  at: string;
  action: string;
  /** JSON text. */
  detail: string;
  prevHash: string;
  hash: string;
}
