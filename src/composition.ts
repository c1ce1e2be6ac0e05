import type { FastifyInstance } from 'fastify';
import { buildHttpApp, type HttpAppOptions } from './api/app.js';
import type { Services } from './api/services.js';
import type { NodeConfig } from './config.js';
import { DiboliError } from './domain/errors.js';
import type { Incident } from './contracts/incident.js';
import type { Patrol } from './contracts/patrol.js';
import { FeedServer } from './federation/feed-server.js';
import { parsePrivateKey } from './federation/node-keys.js';
import { Puller, type PullerDeps } from './federation/puller.js';
import { ReleaseStep } from './federation/release.js';
import { loadGazetteer, loadGazetteerWithNeighbours, type Gazetteer } from './geo/gazetteer.js';
import { isInMechanismArea } from './geo/nation-at.js';
import { buildSectionIndex } from './geo/nearest-section.js';
import { AcledImport } from './services/acled-import.js';
import { AlertDocuments } from './services/alert-documents.js';
import { AuthService, type AuthOptions } from './services/auth-service.js';
import { BasemapService } from './services/basemap-service.js';
import { earlyWarningOf, type EarlyWarningOptions } from './services/early-warning-service.js';
import { FieldMessages } from './services/field-messages.js';
import { FieldRecords } from './services/field-records.js';
import { FieldSenders } from './services/field-senders.js';
import { IncidentExport } from './services/incident-export.js';
import { IncidentService } from './services/incident-service.js';
import { IncidentTileService } from './services/incident-tiles.js';
import { startTileThreads } from './services/tile-threads.js';
import { TrackTileService } from './services/track-tiles.js';
import { liveStreamOf, type LiveStreamOptions } from './services/live-stream.js';
import { NewsService } from './services/news-service.js';
import type { NodeContext } from './services/node-context.js';
import { NodeEvents } from './services/node-events.js';
import { OrganisationService } from './services/organisation-service.js';
import { PatrolService } from './services/patrol-service.js';
import { FieldReporting } from './services/field-reporting.js';
import { PopulationFeed } from './services/population-feed.js';
import { ReferenceService } from './services/reference-service.js';
import { randomIds, systemClock, type Clock, type IdSource } from './kernel/clock.js';
import { SituationReports } from './services/situation-reports.js';
import { TakFeed } from './services/tak-feed.js';
import { TakInbound } from './services/tak-inbound.js';
import { TakServer, type TakServerOptions } from './services/tak-server.js';
import { TakPicture } from './services/tak-picture.js';
import { openStore, type Store } from './store/database.js';
import { repositoriesOf } from './store/repositories.js';

/*
 * The composition root: the one place that builds a running node from its parts — the node
 * context over the store's repositories, the services, the HTTP app that routes into them, and
 * the federation puller. Everything else receives what it needs from here: services get the node
 * context, routes get the services and nothing below them.
 */

/**
 * The data folder's store for one command, closed when `use` is done, whatever it throws. For the
 * commands that run before a node exists (`init`, `demo`, `node info`); the others use `withNode`.
 */
export async function withStore<T>(config: NodeConfig, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.dataDir, { synchronous: config.synchronous });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A node opened for one command (`diboli user`, `sync`, `sitrep`…): its context over the store, closed when `use` is done. */
export async function withNode<T>(config: NodeConfig, use: (node: NodeContext) => Promise<T>): Promise<T> {
  return withStore(config, async (store) => use(await createNodeContext(config, store)));
}

/** The node's context: configuration, repositories, identity, geography, clock, ids, events and the release step. */
export async function createNodeContext(config: NodeConfig, store: Store, runtime: { clock?: Clock; ids?: IdSource } = {}): Promise<NodeContext> {
  const repos = repositoriesOf(store);
  const clock = runtime.clock ?? systemClock;
  const identity = await repos.node.identity();
  const mechanism = identity && (await repos.node.mechanism(identity.mechanismId));
  if (!identity || !mechanism) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  const sections = buildSectionIndex(await repos.geography.sections(), { bufferKm: config.bufferKm });
  const keys = await repos.keys.keys();
  const release = new ReleaseStep({
    self: identity.nation,
    privateKey: keys && parsePrivateKey(keys.privateKey),
    outbox: repos.outbox,
    audit: repos.audit,
    clock,
  });
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

export interface ServiceOptions {
  /** Early warning's webhook policy and housekeeping period (tests shorten them). */
  earlyWarning?: EarlyWarningOptions;
  /** The password hasher and the session sweep (tests count hashes and shorten the sweep). */
  auth?: AuthOptions;
  /** How many of the live stream's frames are kept for clients that come back (tests shorten it). */
  stream?: LiveStreamOptions;
}

/** The node's services, started (early warning listens to the node's events from here on), and how to stop them. */
export interface RunningServices {
  services: Services;
  close(): Promise<void>;
}

/**
 * The services started for each node, so that its TAK endpoint works with the very instances its
 * HTTP app does: one field-message desk handles a sender's SMS and TAK chat one at a time.
 */
const startedServices = new WeakMap<NodeContext, Services>();

export async function startServices(node: NodeContext, options: ServiceOptions = {}): Promise<RunningServices> {
  const earlyWarning = earlyWarningOf(node, options.earlyWarning);
  await earlyWarning.start();
  const liveStream = liveStreamOf(node, earlyWarning, options.stream);
  const auth = new AuthService(node, options.auth);
  let gazetteer: Promise<Gazetteer> | undefined;
  const places = () => (gazetteer ??= loadGazetteer());
  // News reports place events across the border too; searches and patrols stay on the nations' places.
  let newsGazetteer: Promise<Gazetteer> | undefined;
  const newsPlaces = () => (newsGazetteer ??= loadGazetteerWithNeighbours());
  const incidents = new IncidentService(node);
  const populationFeed = new PopulationFeed(node, earlyWarning);
  const situationReports = new SituationReports(node, earlyWarning);
  const feed = await feedServerOf(node);
  const basemap = new BasemapService(node);
  const patrols = new PatrolService(node);
  const fieldReporting = new FieldReporting(node);
  const fieldMessages = new FieldMessages(node, new FieldRecords(node, patrols, fieldReporting));
  const incidentTiles = new IncidentTileService(
    node.repos.incidentTiles,
    node.repos.incidentCellCounts,
    startTileThreads(node.config.dataDir, node.config.tileThreads),
  );
  const services: Services = {
    clock: node.clock,
    auth,
    reference: new ReferenceService(node, places),
    basemap,
    organisation: new OrganisationService(node),
    incidents,
    incidentTiles,
    trackTiles: new TrackTileService(node.repos.trackTiles, node.mechanism),
    incidentExport: new IncidentExport(node),
    acledImport: new AcledImport(node),
    patrols,
    fieldReporting,
    news: new NewsService(node, incidents, newsPlaces, earlyWarning),
    earlyWarning,
    alertDocuments: new AlertDocuments(node, earlyWarning),
    populationFeed,
    situationReports,
    liveStream,
    takPicture: new TakPicture(node),
    takInbound: new TakInbound(patrols, fieldReporting, fieldMessages),
    feed,
    fieldMessages,
    fieldSenders: new FieldSenders(node),
  };
  startedServices.set(node, services);
  return {
    services,
    async close() {
      startedServices.delete(node);
      auth.close();
      populationFeed.close();
      // The feed writes the refusals it is still counting to the audit log before the store closes.
      await feed?.close();
      // Early warning's last alerts still reach the stream's kept frames, then the stream stops.
      await earlyWarning.stop();
      await liveStream.close();
      await situationReports.close();
      await basemap.close();
      await incidentTiles.close();
    },
  };
}

/** The feed partner nodes pull from; none while the node has no keys. */
async function feedServerOf(node: NodeContext): Promise<FeedServer | undefined> {
  const keys = await node.repos.keys.keys();
  if (!keys) return undefined;
  return new FeedServer({
    db: node.store.db,
    self: node.nation,
    privateKey: parsePrivateKey(keys.privateKey),
    peers: node.repos.peers,
    outbox: node.repos.outbox,
    audit: node.repos.audit,
    anchors: node.repos.anchors,
    secondments: node.repos.secondments,
    clock: node.clock,
    replayWindowSeconds: node.config.replayWindowSeconds,
  });
}

export type AppOptions = HttpAppOptions & ServiceOptions;

/** The node's HTTP app over freshly started services; closing the app stops them. */
export async function buildApp(node: NodeContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const running = await startServices(node, options);
  try {
    const app = await buildHttpApp(running.services, node.config, options);
    app.addHook('onClose', () => running.close());
    return app;
  } catch (error) {
    await running.close();
    throw error;
  }
}

/** The puller of a running node: its keys, repositories and clock; received and retracted records are told to the node's listeners. */
export async function pullerFor(node: NodeContext, options: Partial<PullerDeps> = {}): Promise<Puller> {
  const keys = await node.repos.keys.keys();
  if (!keys) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  return new Puller({
    db: node.store.db,
    sqlite: node.store.sqlite,
    self: node.nation,
    publicKey: keys.publicKey,
    privateKey: parsePrivateKey(keys.privateKey),
    peers: node.repos.peers,
    audit: node.repos.audit,
    anchors: node.repos.anchors,
    secondments: node.repos.secondments,
    patrols: node.repos.patrols,
    release: node.release,
    clock: node.clock,
    onApplied: (changes) => {
      for (const change of changes) {
        if (change.consequence) node.events.emit('patrol', { before: change.consequence.before, after: change.body as Patrol });
        if (change.kind !== 'incident') continue;
        if (change.action === 'upsert') node.events.emit('incident', { after: change.body as Incident });
        else if (change.before) node.events.emit('incident', { before: change.before });
      }
    },
    ...options,
  });
}

/**
 * The TAK streaming endpoint of a node whose services are started (it joins their live stream);
 * not yet listening. `log` is told each refusal and closed connection with its reason.
 */
export function takServerOf(node: NodeContext, log?: (message: string, fields: Record<string, unknown>) => void, options?: TakServerOptions): TakServer {
  const services = startedServices.get(node);
  if (!services) throw new Error('the TAK endpoint joins a node whose services are started (buildApp or startServices first)');
  return new TakServer(
    { node, liveStream: services.liveStream, picture: services.takPicture, feed: new TakFeed(node), inbound: services.takInbound, log },
    options,
  );
}

/** A node on its data folder: its context, its app (not yet listening) and, when it has keys, its puller (not yet started). */
export interface OpenNode {
  node: NodeContext;
  app: FastifyInstance;
  puller: Puller | undefined;
  /** The TAK endpoint when the configuration gives it a port (`takPort`, `takPlainPort`), not yet listening. */
  tak: TakServer | undefined;
  /** Stops the puller, the app and its services, then closes the store. */
  close(): Promise<void>;
}

export async function openNode(config: NodeConfig, options: AppOptions = {}): Promise<OpenNode> {
  const store = await openStore(config.dataDir, { synchronous: config.synchronous });
  const node = await createNodeContext(config, store);
  const app = await buildApp(node, options);
  // A node without keys serves without federating.
  const puller = (await node.repos.keys.keys())
    ? await pullerFor(node, { onError: (peer, error) => app.log.warn({ peer, err: error.message }, 'federation pull failed') })
    : undefined;
  const tak =
    config.takPort === undefined && config.takPlainPort === undefined ? undefined : takServerOf(node, (message, fields) => app.log.warn(fields, message));
  return {
    node,
    app,
    puller,
    tak,
    async close() {
      await puller?.stop();
      await tak?.close();
      await app.close();
      await store.close();
    },
  };
}
