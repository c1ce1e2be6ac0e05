import type { Store } from './database.js';
import { FieldMessageRepository } from './field-message-repository.js';
import { GeographyRepository } from './geography-repository.js';
import { ImportedEventRepository } from './imported-event-repository.js';
import { IncidentRepository } from './incident-repository.js';
import { IncidentCellCountRepository } from './incident-cell-counts.js';
import { IncidentTileRepository } from './incident-tile-repository.js';
import { TrackTileRepository } from './track-tile-repository.js';
import { IncidentVersionRepository } from './incident-version-repository.js';
import { NodeRepository } from './node-repository.js';
import { OrganisationRepository } from './organisation-repository.js';
import { PhotoRepository } from './photo-repository.js';
import { ObservationRepository } from './observation-repository.js';
import { PatrolRepository } from './patrol-repository.js';
import { PatrolApprovalRepository } from './patrol-approval-repository.js';
import { UserRepository } from './user-repository.js';
import { SecondFactorRepository } from './second-factor-repository.js';
import { SessionRepository } from './session-repository.js';
import { AnchorRepository } from './anchor-repository.js';
import { AuditRepository } from './audit-repository.js';
import { NodeKeyRepository } from './node-key-repository.js';
import { OutboxRepository } from './outbox-repository.js';
import { PeerRepository } from './peer-repository.js';
import { SecondmentRepository } from './secondment-repository.js';
import { TakCertificateRepository } from './tak-certificate-repository.js';

/** The store's repositories, one per table group: SQL only. */
export interface Repositories {
  node: NodeRepository;
  users: UserRepository;
  sessions: SessionRepository;
  secondFactors: SecondFactorRepository;
  geography: GeographyRepository;
  organisation: OrganisationRepository;
  incidents: IncidentRepository;
  incidentTiles: IncidentTileRepository;
  trackTiles: TrackTileRepository;
  incidentCellCounts: IncidentCellCountRepository;
  incidentVersions: IncidentVersionRepository;
  patrols: PatrolRepository;
  patrolApprovals: PatrolApprovalRepository;
  observations: ObservationRepository;
  photos: PhotoRepository;
  keys: NodeKeyRepository;
  peers: PeerRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  anchors: AnchorRepository;
  secondments: SecondmentRepository;
  takCertificates: TakCertificateRepository;
  importedEvents: ImportedEventRepository;
  fieldMessages: FieldMessageRepository;
}

/** Releasing what a write changes is the services' step (`NodeContext.release`), not the store's. */
export function repositoriesOf(store: Store): Repositories {
  return {
    node: new NodeRepository(store.db),
    users: new UserRepository(store),
    sessions: new SessionRepository(store.db),
    secondFactors: new SecondFactorRepository(store.db),
    geography: new GeographyRepository(store.db),
    organisation: new OrganisationRepository(store.db),
    incidents: new IncidentRepository(store.db),
    incidentTiles: new IncidentTileRepository(store),
    trackTiles: new TrackTileRepository(store),
    incidentCellCounts: new IncidentCellCountRepository(store.db),
    incidentVersions: new IncidentVersionRepository(store.db),
    patrols: new PatrolRepository(store.db),
    patrolApprovals: new PatrolApprovalRepository(store.db),
    observations: new ObservationRepository(store.db),
    photos: new PhotoRepository(store.db, store.dataDir),
    keys: new NodeKeyRepository(store.db),
    peers: new PeerRepository(store.db),
    outbox: new OutboxRepository(store.db),
    audit: new AuditRepository(store.db),
    anchors: new AnchorRepository(store.db),
    secondments: new SecondmentRepository(store.db),
    takCertificates: new TakCertificateRepository(store.db),
    importedEvents: new ImportedEventRepository(store.db),
    fieldMessages: new FieldMessageRepository(store.db),
  };
}
