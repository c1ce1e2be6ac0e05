import { EventEmitter } from 'node:events';
import type { Incident } from '../contracts/incident.js';
import type { Patrol } from '../contracts/patrol.js';

/**
 * What happened on the node, told after the write committed: early warning recomputes levels and
 * fires alerts from it, and the live stream forwards it. `before` is absent for a new record and
 * `after` for a deleted one.
 */
export interface NodeEventMap {
  incident: [{ before?: Incident; after?: Incident }];
  patrol: [{ before?: Patrol; after?: Patrol }];
  positions: [{ patrolId: string; count: number; lastAt: string }];
}

export class NodeEvents extends EventEmitter<NodeEventMap> {
  constructor() {
    super();
    // Many live-stream clients listen at once; that is expected, not a leak.
    this.setMaxListeners(0);
  }
}
