import type { NodeConfig } from '../config.js';
import { DiboliError } from '../domain/errors.js';
import type { Mechanism } from '../domain/mechanism.js';
import type { NationCode } from '../domain/nation.js';
import { isInMechanismArea } from '../geo/nation-at.js';
import { buildSectionIndex, type SectionIndex } from '../geo/nearest-section.js';
import type { Store } from '../store/database.js';
import { GeographyRepository } from '../store/geography-repository.js';
import { IncidentRepository } from '../store/incident-repository.js';
import { NodeRepository } from '../store/node-repository.js';
import { OrganisationRepository } from '../store/organisation-repository.js';
import { ObservationRepository } from '../store/observation-repository.js';
import { PatrolRepository } from '../store/patrol-repository.js';
import { PatrolApprovalRepository } from '../store/patrol-approval-repository.js';
import { UserRepository } from '../store/user-repository.js';
import { SecondFactorRepository } from '../store/second-factor-repository.js';
import { SessionRepository } from '../store/session-repository.js';
import { AuditRepository } from '../store/audit-repository.js';
import { NodeKeyRepository } from '../store/node-key-repository.js';
import { OutboxRepository } from '../store/outbox-repository.js';
import { PeerRepository } from '../store/peer-repository.js';
import { ReleaseRecorder } from '../store/release-recorder.js';
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
  patrols: PatrolRepository;
  patrolApprovals: PatrolApprovalRepository;
  observations: ObservationRepository;
  keys: NodeKeyRepository;
  peers: PeerRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
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
  /** True when a point may hold a record of this mechanism. */
  inArea(location: { lat: number; lon: number }): boolean;
  /** Nearest section within the buffer, or null. */
  sectionAt(location: { lat: number; lon: number }): string | null;
}

/** Writes of shared records go through the release recorder: audited, and queued for partners in the same transaction. */
export function repositoriesOf(store: Store, clock: Clock = systemClock): Repositories {
  const onWrite = new ReleaseRecorder(store.db, clock).hook;
  return {
    node: new NodeRepository(store.db),
    users: new UserRepository(store.db),
    sessions: new SessionRepository(store.db),
    secondFactors: new SecondFactorRepository(store.db),
    geography: new GeographyRepository(store.db),
    organisation: new OrganisationRepository(store.db, onWrite),
    incidents: new IncidentRepository(store.db, onWrite),
    patrols: new PatrolRepository(store.db, onWrite),
    patrolApprovals: new PatrolApprovalRepository(store.db, onWrite),
    observations: new ObservationRepository(store.db),
    keys: new NodeKeyRepository(store.db),
    peers: new PeerRepository(store.db),
    outbox: new OutboxRepository(store.db),
    audit: new AuditRepository(store.db),
  };
}

export async function createNodeContext(
  config: NodeConfig,
  store: Store,
  runtime: { clock?: Clock; ids?: IdSource } = {},
): Promise<NodeContext> {
  const repos = repositoriesOf(store, runtime.clock ?? systemClock);
  const identity = await repos.node.identity();
  const mechanism = identity && (await repos.node.mechanism(identity.mechanismId));
  if (!identity || !mechanism) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  const sections = buildSectionIndex(await repos.geography.sections(), { bufferKm: config.bufferKm });
  return {
    config,
    store,
    repos,
    nation: identity.nation,
    mechanism,
    sections,
    clock: runtime.clock ?? systemClock,
    ids: runtime.ids ?? randomIds,
    events: new NodeEvents(),
    inArea: ({ lat, lon }) => isInMechanismArea([lon, lat], mechanism.nations, config.areaMarginKm),
    sectionAt: ({ lat, lon }) => sections.nearest([lon, lat])?.sectionId ?? null,
  };
}
