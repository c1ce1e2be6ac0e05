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
import { PatrolRepository } from '../store/patrol-repository.js';
import { UserRepository } from '../store/user-repository.js';
import { randomIds, systemClock, type Clock, type IdSource } from './runtime.js';

export interface Repositories {
  node: NodeRepository;
  users: UserRepository;
  geography: GeographyRepository;
  organisation: OrganisationRepository;
  incidents: IncidentRepository;
  patrols: PatrolRepository;
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
  /** True when a point may hold a record of this mechanism. */
  inArea(location: { lat: number; lon: number }): boolean;
  /** Nearest section within the buffer, or null. */
  sectionAt(location: { lat: number; lon: number }): string | null;
}

export function repositoriesOf(store: Store): Repositories {
  return {
    node: new NodeRepository(store.db),
    users: new UserRepository(store.db),
    geography: new GeographyRepository(store.db),
    organisation: new OrganisationRepository(store.db),
    incidents: new IncidentRepository(store.db),
    patrols: new PatrolRepository(store.db),
  };
}

export async function createNodeContext(
  config: NodeConfig,
  store: Store,
  runtime: { clock?: Clock; ids?: IdSource } = {},
): Promise<NodeContext> {
  const repos = repositoriesOf(store);
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
    inArea: ({ lat, lon }) => isInMechanismArea([lon, lat], mechanism.nations, config.areaMarginKm),
    sectionAt: ({ lat, lon }) => sections.nearest([lon, lat])?.sectionId ?? null,
  };
}
