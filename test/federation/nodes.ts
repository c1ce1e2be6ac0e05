import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, pullerFor, createNodeContext } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/user.js';
import type { Incident } from '../../src/contracts/incident.js';
import { parsePrivateKey } from '../../src/federation/node-keys.js';
import { newNonce, signRequest } from '../../src/federation/request-signature.js';
import type { Puller } from '../../src/federation/puller.js';
import { openStore, type Store } from '../../src/store/database.js';
import { repositoriesOf } from '../../src/store/repositories.js';
import type { NodeContext } from '../../src/services/node-context.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { setUpNode } from '../../src/services/node-setup.js';
import { registerPeer } from '../../src/services/peer-registration.js';

export const MECHANISM_NATIONS = ['ML', 'SN', 'MR'] as const;

/** One real node in a temp folder, serving HTTP on 127.0.0.1 from this process. */
export interface TestNode {
  nation: string;
  dataDir: string;
  store: Store;
  node: NodeContext;
  app: FastifyInstance;
  url: string;
  puller: Puller;
  coordinator: Actor;
  incidents: IncidentService;
  publicKey: string;
  /** Incident ids held in this node's store (own and received). */
  incidentIds(): Promise<Set<string>>;
  close(): Promise<void>;
}

/** Makes a node folder (nation, partners, key pair) without serving it. */
export async function initNodeFolder(nation: string, dataDir = mkdtempSync(join(tmpdir(), `diboli-fed-${nation}-`))): Promise<string> {
  const store = await openStore(dataDir);
  try {
    await setUpNode(repositoriesOf(store), { nation, partners: MECHANISM_NATIONS.filter((n) => n !== nation), sectionKm: 25 });
  } finally {
    await store.close();
  }
  return dataDir;
}

export async function startNode(nation: string, dataDir?: string): Promise<TestNode> {
  const dir = dataDir ?? (await initNodeFolder(nation));
  const config = loadConfig({ dataDir: dir, port: 0, host: '127.0.0.1', logLevel: 'silent' }, {});
  const store = await openStore(dir);
  const node = await createNodeContext(config, store);
  const app = await buildApp(node, { webRoot: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const keys = (await node.repos.keys.keys())!;
  return {
    nation,
    dataDir: dir,
    store,
    node,
    app,
    url: address,
    puller: await pullerFor(node, { pageSize: 50 }),
    coordinator: { userId: `coord-${nation}`, username: `coord.${nation.toLowerCase()}`, nation, role: 'coordinator' },
    incidents: new IncidentService(node),
    publicKey: keys.publicKey,
    async incidentIds() {
      const rows = await store.db.selectFrom('incidents').select('id').execute();
      return new Set(rows.map((r) => r.id));
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Every node registers every other as a peer. */
export async function linkAll(nodes: readonly TestNode[]): Promise<void> {
  for (const a of nodes) {
    for (const b of nodes) {
      if (a !== b) await registerPeer(a.node, { nation: b.nation, url: b.url, key: b.publicKey });
    }
  }
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** An incident input inside the Mali–Senegal–Mauritania area (Kidira–Diboli crossing). */
export function incidentInput(releasableTo: string[], narrative = 'Passage illégal observé') {
  return {
    occurredAt: '2026-01-04T08:00:00.000Z',
    location: { lat: 14.46, lon: -12.2 },
    eventType: 'Battles',
    subEventType: 'Armed clash',
    narrative,
    releasableTo,
  };
}

export async function createIncident(node: TestNode, releasableTo: string[], narrative?: string): Promise<Incident> {
  return node.incidents.create(node.coordinator, incidentInput(releasableTo, narrative));
}

/** One page of `server`'s feed as `caller`'s node would ask for it: a request signed with the caller's key. */
export async function feedAnswer(
  caller: TestNode,
  server: TestNode,
  after = 0,
  limit = 1000,
): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const path = `/federation/v1/feed?after=${after}&limit=${limit}&wait=0`;
  const keys = (await caller.node.repos.keys.keys())!;
  const headers = signRequest(
    { method: 'GET', pathAndQuery: path, audience: server.nation, timestamp: Date.now(), nonce: newNonce() },
    parsePrivateKey(keys.privateKey),
    keys.publicKey,
  );
  const answer = await fetch(`${server.url}${path}`, { headers });
  return { status: answer.status, headers, text: await answer.text() };
}

export interface FeedPageSeen {
  envelopes: { kind: string; id: string; version: number; releasableTo: string[]; body: Record<string, unknown> }[];
  next: number;
}

export async function feedPage(caller: TestNode, server: TestNode, after = 0, limit = 1000): Promise<FeedPageSeen> {
  const answer = await feedAnswer(caller, server, after, limit);
  if (answer.status !== 200) throw new Error(`feed answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as FeedPageSeen;
}
