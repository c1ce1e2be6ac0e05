import type { Gazetteer } from '../geo/gazetteer.js';
import type { AuthService } from '../services/auth-service.js';
import type { IncidentService } from '../services/incident-service.js';
import type { NodeContext } from '../services/node-context.js';
import type { PatrolService } from '../services/patrol-service.js';

/** What the routes call into: one object built at start, passed to each route module. */
export interface Services {
  node: NodeContext;
  auth: AuthService;
  incidents: IncidentService;
  patrols: PatrolService;
  gazetteer: () => Promise<Gazetteer>;
}
