import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp, pullerFor, createNodeContext } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import type { Incident } from '../src/contracts/incident.js';
import type { Envelope } from '../src/federation/envelope.js';
import { envelopeSigningBytes, signEnvelope, verifyEnvelope } from '../src/federation/envelope-signature.js';
import { parsePrivateKey, parsePublicKey } from '../src/federation/node-keys.js';
import { IncidentService } from '../src/services/incident-service.js';
import { repositoriesOf } from '../src/store/repositories.js';
import type { NodeContext } from '../src/services/node-context.js';
import { setUpNode } from '../src/services/node-setup.js';
import { registerPeer } from '../src/services/peer-registration.js';
import { openStore, type Store } from '../src/store/database.js';
import { toRow } from '../src/store/incident-repository.js';
import { percentile, rate } from './figures.js';

const PROPAGATIONS = 60;
const CATCH_UP = 100_000;
/** Catch-up with the node's listeners (early warning) told of every received incident, as `diboli serve` runs it. */
const CATCH_UP_WITH_LISTENERS = 20_000;
const SIGN_SECONDS = 1.5;

interface BenchNode {
  node: NodeContext;
  store: Store;
  app: FastifyInstance;
  url: string;
  publicKey: string;
  privateKey: string;
}

async function startNode(root: string, nation: string, partners: string[]): Promise<BenchNode> {
  const dataDir = join(root, nation);
  const setup = await openStore(dataDir);
  await setUpNode(repositoriesOf(setup), { nation, partners, sectionKm: 25 });
  await setup.close();
  const store = await openStore(dataDir);
  const node = await createNodeContext(loadConfig({ dataDir, logLevel: 'silent' }, {}), store);
  const app = await buildApp(node, { webRoot: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const keys = (await node.repos.keys.keys())!;
  return { node, store, app, url, ...keys };
}

function incident(i: number, owner: string, releasableTo: string[]): Incident {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return {
    id: `${owner}-bench-${i}`,
    owner,
    releasableTo,
    version: 1,
    createdAt: at,
    updatedAt: at,
    occurredAt: at,
    datePrecision: 'day',
    location: { lat: 14.4 + (i % 100) / 1000, lon: -12.2 + (i % 37) / 1000 },
    geoPrecision: 'exact',
    placeName: 'Diboli',
    section: 'ML-SN-05',
    eventType: 'Border activity',
    subEventType: 'Smuggling',
    actors: ['Contrebandiers'],
    fatalities: null,
    injured: null,
    abducted: null,
    narrative: `Saisie de carburant de contrebande près du poste frontière, rapport n° ${i}.`,
    source: { kind: 'patrol', name: 'GTIA Diboli', reliability: 'B', credibility: 2 },
    status: 'unverified',
    createdBy: 'bench',
  };
}

function benchSignatures(print: (line: string) => void, privateKeyText: string, publicKeyText: string): void {
  const privateKey = parsePrivateKey(privateKeyText);
  const publicKey = parsePublicKey(publicKeyText)!;
  const body = incident(1, 'ML', ['SN']);
  const unsigned = { origin: 'ML', kind: 'incident' as const, id: body.id, version: 1, releasableTo: ['SN'], body, signedAt: new Date().toISOString() };
  const bytes = envelopeSigningBytes(unsigned);
  const timed = (work: () => void) => {
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < SIGN_SECONDS * 1000) {
      for (let i = 0; i < 100; i++) work();
      n += 100;
    }
    return n / ((performance.now() - started) / 1000);
  };
  let signed: Envelope = signEnvelope(unsigned, privateKey);
  const signRate = timed(() => (signed = signEnvelope(unsigned, privateKey)));
  const verifyRate = timed(() => verifyEnvelope(signed, publicKey));
  const hashRate = timed(() => createHash('sha256').update(envelopeSigningBytes(unsigned)).digest());
  print(`  envelope (${bytes.length} bytes, canonical form included), one core:`);
  print(`    sign ${rate(signRate)}/s, verify ${rate(verifyRate)}/s — baseline canonical form + SHA-256 of the same bytes ${rate(hashRate)}/s`);
}

async function benchPropagation(print: (line: string) => void, a: BenchNode, b: BenchNode): Promise<void> {
  const waiting = new Map<string, () => void>();
  const puller = await pullerFor(b.node, {
    onApplied: (changes) => {
      for (const change of changes) waiting.get(change.id)?.();
    },
  });
  puller.start();
  // Let the puller reach its long poll.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const service = new IncidentService(a.node);
  const actor = { userId: 'bench', username: 'bench', nation: 'ML', role: 'coordinator' as const };
  const latencies: number[] = [];
  for (let i = 0; i < PROPAGATIONS; i++) {
    const started = performance.now();
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => (arrived = resolve));
    const created = await service.create(actor, {
      occurredAt: '2026-01-04T08:00:00.000Z',
      location: { lat: 14.45, lon: -12.2 },
      eventType: 'Border activity',
      subEventType: 'Smuggling',
      releasableTo: ['SN'],
    });
    waiting.set(created.id, arrived);
    await seen;
    latencies.push(performance.now() - started);
    waiting.delete(created.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await puller.stop();
  const pings: number[] = [];
  for (let i = 0; i < PROPAGATIONS; i++) {
    const started = performance.now();
    await (await fetch(`${b.url}/healthz`)).text();
    pings.push(performance.now() - started);
  }
  print(`  propagation, release on ML → committed on SN (loopback, both online, long poll), ${PROPAGATIONS} releases:`);
  print(
    `    p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms — baseline GET /healthz round trip p50 ${percentile(pings, 0.5).toFixed(1)} ms, p95 ${percentile(pings, 0.95).toFixed(1)} ms`,
  );
}

/** Fills the outbox of `a` with signed releases to SN, as many writes would have, without timing it. */
function seedOutbox(a: BenchNode, from: number, count: number): void {
  const privateKey = parsePrivateKey(a.privateKey);
  const db = a.store.sqlite;
  const insertEnvelope = db.prepare('INSERT INTO outbox (origin, kind, record_id, version, released_to, envelope, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // Senegal's feed: one entry per record at the next position of Senegal's own sequence.
  const position = db.prepare(
    "INSERT INTO feed_heads (nation, position) VALUES ('SN', 1) ON CONFLICT (nation) DO UPDATE SET position = position + 1 RETURNING position",
  );
  const release = db.prepare("INSERT INTO feed_entries (nation, position, subject, outbox_seq) VALUES ('SN', ?, ?, ?)");
  const at = new Date().toISOString();
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const body = incident(i, 'ML', ['SN']);
      const envelope = signEnvelope({ origin: 'ML', kind: 'incident', id: body.id, version: 1, releasableTo: ['SN'], body, signedAt: at }, privateKey);
      const { lastInsertRowid } = insertEnvelope.run('ML', 'incident', body.id, 1, '["SN"]', JSON.stringify(envelope), at);
      release.run((position.get() as { position: number }).position, `incident:${body.id}`, lastInsertRowid);
    }
  });
  for (let i = from; i < from + count; i += 5000) batch(i, Math.min(from + count, i + 5000));
}

/** The machine's limit for the apply side: the same rows by prepared statements, no checks. */
function rawInsertBaseline(dir: string, count: number): number {
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const row = toRow(incident(0, 'ML', ['SN']));
  const columns = Object.keys(row);
  db.exec(`CREATE TABLE incidents (seq INTEGER PRIMARY KEY, ${columns.map((c) => `"${c}"`).join(', ')}, UNIQUE("id"))`);
  const insert = db.prepare(`INSERT INTO incidents (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(...Object.values(toRow(incident(i, 'ML', ['SN']))).map((v) => (v === undefined ? null : v)));
  });
  const started = performance.now();
  for (let i = 0; i < count; i += 1000) batch(i, Math.min(count, i + 1000));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return count / seconds;
}

async function catchUp(a: BenchNode, b: BenchNode, from: number, count: number, withListeners: boolean) {
  const seedStarted = performance.now();
  seedOutbox(a, from, count);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const puller = await pullerFor(b.node, { pageSize: 1000, ...(withListeners ? {} : { onApplied: undefined }) });
  const started = performance.now();
  const outcomes = await puller.syncAll();
  const seconds = (performance.now() - started) / 1000;
  const pulled = outcomes.find((o) => o.peer === 'ML');
  if (pulled?.error) throw new Error(pulled.error);
  return { applied: pulled?.result?.applied ?? 0, seconds, emissionRate: count / seedSeconds };
}

async function benchCatchUp(print: (line: string) => void, root: string, a: BenchNode, b: BenchNode): Promise<void> {
  const alone = await catchUp(a, b, 0, CATCH_UP, false);
  const baseline = rawInsertBaseline(root, CATCH_UP);
  print(`  catch-up after an outage: ${rate(alone.applied)} released records pulled, verified and applied (pages of 1000):`);
  print(
    `    ${alone.seconds.toFixed(1)} s total, ${rate(alone.applied / alone.seconds)} records/s — baseline raw prepared INSERT of the same rows ${rate(baseline)} rows/s`,
  );
  print(`    (emission on ML for the same count, signing + outbox rows: ${rate(alone.emissionRate)} envelopes/s)`);
  const told = await catchUp(a, b, CATCH_UP, CATCH_UP_WITH_LISTENERS, true);
  print(`  same, ${rate(told.applied)} records, each received incident also told to the node's listeners (early warning), as in \`diboli serve\`:`);
  print(`    ${told.seconds.toFixed(1)} s total, ${rate(told.applied / told.seconds)} records/s`);
}

export async function benchFederation(print: (line: string) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'diboli-bench-federation-'));
  const started: BenchNode[] = [];
  try {
    print('federation');
    const a = await startNode(root, 'ML', ['SN']);
    started.push(a);
    const b = await startNode(root, 'SN', ['ML']);
    started.push(b);
    await registerPeer(a.node, { nation: 'SN', url: b.url, key: b.publicKey });
    await registerPeer(b.node, { nation: 'ML', url: a.url, key: a.publicKey });
    benchSignatures(print, a.privateKey, a.publicKey);
    await benchPropagation(print, a, b);
    await benchCatchUp(print, root, a, b);
  } finally {
    for (const n of started) {
      await n.app.close();
      await n.store.close();
    }
    rmSync(root, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  await benchFederation((line) => console.log(line));
}
