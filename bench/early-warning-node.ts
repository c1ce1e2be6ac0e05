import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp, createNodeContext } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { loadConfig } from '../src/config.js';
import type { Actor } from '../src/domain/user.js';
import { earlyWarningOf } from '../src/services/early-warning-service.js';
import { IncidentService } from '../src/services/incident-service.js';
import { openStore } from '../src/store/database.js';
import { until } from './figures.js';
import { recentClashNearDiboli } from './demo-session.js';

/**
 * Alert fan-out to 1,000 live-stream (SSE) clients on 127.0.0.1: from the moment an alert is raised
 * (committed, after the incident that caused it) to the moment each client has read its frame.
 * Beside it, a baseline in the same run: a bare node:http server writing one ready-made frame to
 * the same number of connections — the floor set by the machine, the sockets and the event loop.
 * Clients and server share one process (and the machine's two cores), so both include the
 * clients' own reading time.
 */

const CLIENTS = 1_000;
const ROUNDS = 30;
/** First rounds of each side not counted: both measured warm. */
const WARMUP = 3;
const PAUSE_MS = 150;

const now = (): number => performance.now();

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return `${name}: ${samples.length} samples, p50 ${ms(percentile(sorted, 0.5))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

type OnFrame = (key: string, at: number) => void;

/** Opens `count` SSE connections; `keyOf` pulls the identifying key out of each frame. */
async function openClients(
  url: string,
  headers: (i: number) => Record<string, string>,
  count: number,
  onFrame: OnFrame,
  keyOf: (frame: string) => string | undefined,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const requests: ReturnType<typeof httpRequest>[] = [];
  const opened: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    opened.push(
      new Promise<void>((resolve, reject) => {
        const req = httpRequest(url, { agent, headers: { accept: 'text/event-stream', ...headers(i) } }, (response) => {
          if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
          response.setEncoding('utf8');
          let buffer = '';
          response.on('data', (chunk: string) => {
            const at = now();
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const key = keyOf(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
              if (key) onFrame(key, at);
            }
          });
          resolve();
        });
        req.on('error', (error) => {
          if (!/socket hang up|ECONNRESET/.test(error.message)) reject(error);
        });
        req.end();
        requests.push(req);
      }),
    );
  }
  await Promise.all(opened);
  return () => {
    for (const req of requests) req.destroy();
    agent.destroy();
  };
}

async function baseline(): Promise<number[]> {
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(': connected\n\n');
    request.socket.setNoDelay(true);
    open.add(response);
    request.on('close', () => open.delete(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const sentAt = new Map<string, number>();
  const received = new Map<string, number>();
  const samples: number[] = [];
  const close = await openClients(
    url,
    () => ({}),
    CLIENTS,
    (key, at) => {
      if (Number(key.slice(1)) >= WARMUP) samples.push(at - sentAt.get(key)!);
      received.set(key, (received.get(key) ?? 0) + 1);
    },
    (frame) => /"id":"([^"]+)"/.exec(frame)?.[1],
  );
  // A payload of the size of an alert frame, serialised once, written to every connection.
  const padding = 'x'.repeat(700);
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    const key = `b${round}`;
    const frame = `event: alert\ndata: {"id":"${key}","padding":"${padding}"}\n\n`;
    sentAt.set(key, now());
    for (const response of open) response.write(frame);
    await until(() => (received.get(key) ?? 0) >= CLIENTS, 10_000);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  close();
  for (const response of open) response.end();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return samples;
}

async function diboli(print: (line: string) => void): Promise<{ fanOut: number[]; endToEnd: number[]; missing: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-sse-'));
  const config = loadConfig({ dataDir: dir }, {});
  const store = await openStore(dir);
  try {
    await installDemo(store, config);
    const node = await createNodeContext(config, store);
    const app = await buildApp(node, { webRoot: false, earlyWarning: { tickMs: 0 } });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const authenticators = new DemoAuthenticators();
    const login = async (username: string) =>
      (
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password: DEMO_PASSWORD, code: authenticators.codeFor(username, new Date()) },
          })
        ).json() as { token: string }
      ).token;
    const tokens = [await login('coord.ml'), await login('liaison.sn')];
    const coordinator = (await node.repos.users.findByUsername('coord.ml'))!;
    const actor: Actor = { userId: coordinator.id, username: coordinator.username, nation: coordinator.nation, role: coordinator.role };
    await app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: { authorization: `Bearer ${tokens[0]}` },
      payload: { id: 'bench', kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' }, withinKm: 30 },
    });

    const raisedAt = new Map<string, number>();
    const causedAt = new Map<string, number>();
    const alertOfIncident = new Map<string, string>();
    earlyWarningOf(node).events.on('alert', (alert) => {
      if (alert.msgType !== 'Alert') return;
      raisedAt.set(alert.id, now());
      alertOfIncident.set(alert.id, alert.cause.id);
    });
    const received = new Map<string, number>();
    let warming = true;
    const fanOut: number[] = [];
    const endToEnd: number[] = [];
    // Half the clients read as Mali, half as Senegal: each nation is sent the alert raised for it
    // (one per audience), so an incident's alerts reach every client between them.
    const close = await openClients(
      `${origin}/api/v1/stream`,
      (i) => ({ authorization: `Bearer ${tokens[i % 2]}` }),
      CLIENTS,
      (key, at) => {
        const raised = raisedAt.get(key);
        if (raised === undefined) return;
        if (!warming) {
          fanOut.push(at - raised);
          endToEnd.push(at - causedAt.get(alertOfIncident.get(key)!)!);
        }
        received.set(key, (received.get(key) ?? 0) + 1);
      },
      (frame) => (frame.includes('event: alert') ? /"id":"([^"]+)"/.exec(frame)?.[1] : undefined),
    );
    print(`  ${CLIENTS} stream clients connected to ${origin}`);

    const incidents = new IncidentService(node);
    let missing = 0;
    for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
      warming = round < WARMUP;
      const started = now();
      const incident = await incidents.create(actor, recentClashNearDiboli());
      causedAt.set(incident.id, started);
      const readers = () => [...alertOfIncident].filter(([, cause]) => cause === incident.id).reduce((sum, [alert]) => sum + (received.get(alert) ?? 0), 0);
      await until(() => readers() >= CLIENTS, 10_000);
      if (!warming) missing += CLIENTS - readers();
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    close();
    await app.close();
    return { fanOut, endToEnd, missing };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const STORED_INCIDENTS = 1_000_000;
const NEW_INCIDENTS = 300;

/** Full recompute from the SQLite file, and the incremental update per new incident, on the node. */
async function storeSide(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-ew-'));
  const config = loadConfig({ dataDir: dir }, {});
  const store = await openStore(dir);
  try {
    await installDemo(store, config);
    const node = await createNodeContext(config, store);
    const sections = (await node.repos.geography.sections()).map((s) => s.id);
    const types: [string, string][] = [
      ['Battles', 'Armed clash'],
      ['Violence against civilians', 'Attack'],
      ['Border activity', 'Smuggling'],
      ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
      ['Protests', 'Peaceful protest'],
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const insert = store.sqlite.prepare(
      `INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision, lat, lon, geo_precision,
         section, event_type, sub_event_type, actors, fatalities, source_kind, source_credibility, status)
       VALUES (?, 'ML', '[]', 1, ?, ?, ?, 'day', 14.45, -12.19, 'exact', ?, ?, ?, '[]', ?, 'other', ?, ?)`,
    );
    const nowMs = Date.now();
    let started = now();
    store.sqlite.transaction(() => {
      for (let i = 0; i < STORED_INCIDENTS; i += 1) {
        const [eventType, sub] = types[Math.floor(random() * types.length)]!;
        const at = new Date(nowMs - random() * 365 * 86_400_000).toISOString();
        const status = random() < 0.5 ? 'unverified' : 'confirmed';
        insert.run(
          `bench-${i}`,
          at,
          at,
          at,
          sections[Math.floor(random() * random() * sections.length)]!,
          eventType,
          sub,
          random() < 0.8 ? 0 : Math.floor(random() * 10),
          1 + Math.floor(random() * 6),
          status,
        );
      }
    })();
    print(`  ${STORED_INCIDENTS.toLocaleString('en')} incidents written to SQLite in ${((now() - started) / 1000).toFixed(1)} s (${sections.length} sections)`);

    // Baseline: the same rows read and counted per section, nothing computed.
    started = now();
    const counts = new Map<string, number>();
    for (const row of store.sqlite
      .prepare('SELECT section, occurred_at FROM incidents WHERE section IS NOT NULL AND occurred_at >= ?')
      .iterate(new Date(nowMs - 365 * 86_400_000).toISOString()) as Iterable<{ section: string }>) {
      counts.set(row.section, (counts.get(row.section) ?? 0) + 1);
    }
    const baselineMs = now() - started;
    const app = await buildApp(node, { webRoot: false, earlyWarning: { tickMs: 0 } });
    const earlyWarning = earlyWarningOf(node);
    started = now();
    await earlyWarning.recompute();
    const recomputeMs = now() - started;
    print(
      `  full recompute of every section level from the store: ${(recomputeMs / 1000).toFixed(2)} s (${Math.round(STORED_INCIDENTS / (recomputeMs / 1000)).toLocaleString('en')} incidents/s); baseline read-and-count pass ${(baselineMs / 1000).toFixed(2)} s`,
    );

    const coordinator = (await node.repos.users.findByUsername('coord.ml'))!;
    const actor: Actor = { userId: coordinator.id, username: coordinator.username, nation: coordinator.nation, role: coordinator.role };
    const incidents = new IncidentService(node);
    const writes: number[] = [];
    const updates: number[] = [];
    for (let i = 0; i < NEW_INCIDENTS; i += 1) {
      const t0 = now();
      await incidents.create(actor, {
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        location: { lat: 14.452, lon: -12.19 },
        eventType: 'Battles',
        subEventType: 'Armed clash',
        status: 'confirmed',
      });
      const t1 = now();
      await earlyWarning.settled();
      writes.push(t1 - t0);
      updates.push(now() - t1);
    }
    print(`  ${summary('incident write alone (baseline)', writes)}`);
    print(`  ${summary('incremental score + level update per new incident, after the write', updates)}`);
    await app.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchEarlyWarningNode(print: (line: string) => void): Promise<void> {
  print(`Early warning on the node: alert fan-out to ${CLIENTS} SSE clients on 127.0.0.1, ${ROUNDS} alerts measured after ${WARMUP} unmeasured`);
  const base = await baseline();
  print(`  ${summary('baseline (bare node:http, one frame to every connection)', base)}`);
  const result = await diboli(print);
  print(`  ${summary('Diboli alert raised → frame read by client (target p99 ≤ 250 ms)', result.fanOut)}`);
  print(`  ${summary('Diboli incident created → alert frame read by client', result.endToEnd)}`);
  print(`  deliveries missing: ${result.missing}`);
  print('Early warning on the node: levels from the store');
  await storeSide(print);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchEarlyWarningNode((line) => console.log(line));
}
