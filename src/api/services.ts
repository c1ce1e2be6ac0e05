import type { FeedServer } from '../federation/feed-server.js';
import type { AcledImport } from '../services/acled-import.js';
import type { AlertDocuments } from '../services/alert-documents.js';
import type { AuthService } from '../services/auth-service.js';
import type { BasemapService } from '../services/basemap-service.js';
import type { EarlyWarningService } from '../services/early-warning-service.js';
import type { IncidentExport } from '../services/incident-export.js';
import type { FieldMessages } from '../services/field-messages.js';
import type { FieldSenders } from '../services/field-senders.js';
import type { IncidentService } from '../services/incident-service.js';
import type { IncidentTileService } from '../services/incident-tiles.js';
import type { TrackTileService } from '../services/track-tiles.js';
import type { LiveStream } from '../services/live-stream.js';
import type { NewsService } from '../services/news-service.js';
import type { OrganisationService } from '../services/organisation-service.js';
import type { PatrolService } from '../services/patrol-service.js';
import type { FieldReporting } from '../services/field-reporting.js';
import type { PopulationFeed } from '../services/population-feed.js';
import type { ReferenceService } from '../services/reference-service.js';
import type { Clock } from '../kernel/clock.js';
import type { SituationReports } from '../services/situation-reports.js';
import type { TakInbound } from '../services/tak-inbound.js';
import type { TakPicture } from '../services/tak-picture.js';

/**
 * What the routes call into, built once by the composition root (src/composition.ts) and passed
 * to each route module. Routes see services only: no repository, store or node context.
 */
export interface Services {
  /** The node's clock, for the dates a route writes into headers (cookies' lifetimes, file names). */
  clock: Clock;
  auth: AuthService;
  reference: ReferenceService;
  /** The basemap's style, tiles and glyphs. */
  basemap: BasemapService;
  organisation: OrganisationService;
  incidents: IncidentService;
  incidentExport: IncidentExport;
  acledImport: AcledImport;
  incidentTiles: IncidentTileService;
  trackTiles: TrackTileService;
  patrols: PatrolService;
  /** Positions, observations and photos of patrols, from the API and the field channels. */
  fieldReporting: FieldReporting;
  news: NewsService;
  earlyWarning: EarlyWarningService;
  alertDocuments: AlertDocuments;
  populationFeed: PopulationFeed;
  situationReports: SituationReports;
  liveStream: LiveStream;
  /** The picture as Cursor-on-Target events, and what TAK users send (docs/tak.md). */
  takPicture: TakPicture;
  takInbound: TakInbound;
  /** This node's federation feed; undefined while the node has no keys (it takes no part in federation until `diboli init` gives it some). */
  feed: FeedServer | undefined;
  /** SMS from gateways and radio messages typed by an operator. */
  fieldMessages: FieldMessages;
  /** Phones bound to users, SMS gateways. */
  fieldSenders: FieldSenders;
}
