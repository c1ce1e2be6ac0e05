import type { NodeConfig } from '../config.js';
import { DiboliError } from '../domain/errors.js';
import type { Mechanism } from '../domain/mechanism.js';
import type { NationCode } from '../domain/nation.js';
import { isInMechanismArea } from '../geo/nation-at.js';
import { buildSectionIndex, type SectionIndex } from '../geo/nearest-section.js';
import type { Store } from '../store/database.js';
import { GeographyRepository } from '../store/geography-repository.js';
import { ImportedEventRepository } from '../store/imported-event-repository.js';
import { IncidentRepository } from '../store/incident-repository.js';
import { IncidentTileRepository } from '../store/incident-tile-repository.js';
import { IncidentVersionRepository } from '../store/incident-version-repository.js';
import { NodeRepository } from '../store/node-repository.js';
import { OrganisationRepository } from '../store/organisation-repository.js';
import { ObservationRepository } from '../store/observation-repository.js';
import { PatrolRepository } from '../store/patrol-repository.js';
import { PatrolApprovalRepository } from '../store/patrol-approval-repository.js';
import { UserRepository } from '../store/user-repository.js';
import { SecondFactorRepository } from '../store/second-factor-repository.js';
import { SessionRepository } from '../store/session-repository.js';
import { AnchorRepository } from '../store/anchor-repository.js';
import { AuditRepository } from '../store/audit-repository.js';
import { NodeKeyRepository } from '../store/node-key-repository.js';
import { OutboxRepository } from '../store/outbox-repository.js';
import { PeerRepository } from '../store/peer-repository.js';
import { SecondmentRepository } from '../store/secondment-repository.js';
import { parsePrivateKey } from '../federation/node-keys.js';
import { ReleaseStep } from '../federation/release.js';
import { NodeEvents } from './node-events.js';
import { randomIds, systemClock, type Clock, type IdSource } from './runtime.js';

export interface Repositories {
  node: NodeRepository;
  users: UserRepository;
  sessions: SessionRepository;
  secondFactors: SecondFactorRepository;
  geography: GeographyRepository;
  organisation: OrganisationRepository;
  incidents: IncidentRepository;
  incidentTiles: IncidentTileRepository;
  incidentVersions: IncidentVersionRepository;
  patrols: PatrolRepository;
  patrolApprovals: PatrolApprovalRepository;
  observations: ObservationRepository;
  keys: NodeKeyRepository;
  peers: PeerRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  anchors: AnchorRepository;
  secondments: SecondmentRepository;
  importedEvents: ImportedEventRepository;
}

/** Everything a service needs, built once when the node starts. */
export interface NodeContext {
  config: NodeConfig;
  store: Store;
  repos: Repositories;
  nation: NationCode;
  mechanism: Mechanism;
  sections: SectionIndex;
  clock: Clock;
  ids: IdSource;
  events: NodeEvents;
  /** Audits each write of a shared record and queues what it releases; services call it inside the write's transaction. */
  release: ReleaseStep;
  /** True when a point may hold a record of this mechanism. */
  inArea(location: { lat: number; lon: number }): boolean;
  /** Nearest section within the buffer, or null. */
  sectionAt(location: { lat: number; lon: number }): string | null;
}

/** The store's repositories: SQL only. Releasing what a write changes is the services' step (`NodeContext.release`). */
export function repositoriesOf(store: Store): Repositories {
  return {
    node: new NodeRepository(store.db),
    users: new UserRepository(store.db),
    sessions: new SessionRepository(store.db),
    secondFactors: new SecondFactorRepository(store.db),
    geography: new GeographyRepository(store.db),
    organisation: new OrganisationRepository(store.db),
    incidents: new IncidentRepository(store.db),
    incidentTiles: new IncidentTileRepository(store.db),
    incidentVersions: new IncidentVersionRepository(store.db),
    patrols: new PatrolRepository(store.db),
    patrolApprovals: new PatrolApprovalRepository(store.db),
    observations: new ObservationRepository(store.db),
    keys: new NodeKeyRepository(store.db),
    peers: new PeerRepository(store.db),
    outbox: new OutboxRepository(store.db),
    audit: new AuditRepository(store.db),
    anchors: new AnchorRepository(store.db),
    secondments: new SecondmentRepository(store.db),
    importedEvents: new ImportedEventRepository(store.db),
  };
}

export async function createNodeContext(
  config: NodeConfig,
  store: Store,
  runtime: { clock?: Clock; ids?: IdSource } = {},
): Promise<NodeContext> {
  const repos = repositoriesOf(store);
  const clock = runtime.clock ?? systemClock;
  const identity = await repos.node.identity();
  const mechanism = identity && (await repos.node.mechanism(identity.mechanismId));
  if (!identity || !mechanism) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  const sections = buildSectionIndex(await repos.geography.sections(), { bufferKm: config.bufferKm });
  const keys = await repos.keys.keys();
  const release = new ReleaseStep({ self: identity.nation, privateKey: keys && parsePrivateKey(keys.privateKey), outbox: repos.outbox, audit: repos.audit, clock });
  return {
    config,
    store,
    repos,
    nation: identity.nation,
    mechanism,
    sections,
    clock,
    ids: runtime.ids ?? randomIds,
    events: new NodeEvents(),
    release,
    inArea: ({ lat, lon }) => isInMechanismArea([lon, lat], mechanism.nations, config.areaMarginKm),
    sectionAt: ({ lat, lon }) => sections.nearest([lon, lat])?.sectionId ?? null,
  };
}
