import type { NodeConfig } from '../config.js';
import type { Mechanism } from '../domain/mechanism.js';
import type { NationCode } from '../kernel/nation.js';
import type { SectionIndex } from '../geo/nearest-section.js';
import type { Store } from '../store/database.js';
import type { Repositories } from '../store/repositories.js';
import type { ReleaseStep } from '../federation/release.js';
import type { NodeEvents } from './node-events.js';
import type { Clock, IdSource } from '../kernel/clock.js';

export type { Repositories };

/** Everything a service needs, built once when the node starts (by `createNodeContext` in src/composition.ts). */
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
