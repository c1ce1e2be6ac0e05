import type { Gazetteer } from '../geo/gazetteer.js';
import type { AuthService } from '../services/auth-service.js';
import type { EarlyWarningService } from '../services/early-warning-service.js';
import type { IncidentService } from '../services/incident-service.js';
import type { IncidentTileService } from '../services/incident-tiles.js';
import type { LiveStream } from '../services/live-stream.js';
import type { NewsService } from '../services/news-service.js';
import type { NodeContext } from '../services/node-context.js';
import type { PatrolService } from '../services/patrol-service.js';

/** What the routes call into: one object built at start, passed to each route module. */
export interface Services {
  node: NodeContext;
  auth: AuthService;
  incidents: IncidentService;
  incidentTiles: IncidentTileService;
  patrols: PatrolService;
  gazetteer: () => Promise<Gazetteer>;
  earlyWarning: EarlyWarningService;
  liveStream: LiveStream;
  news: NewsService;
}
