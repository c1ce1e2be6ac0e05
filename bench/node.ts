import { demoToken } from './demo-session.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp, createNodeContext } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { fillIncidents } from './fill-incidents.js';
import { percentile, rate } from './figures.js';

const POSITIONS = 200_000;
const POSITION_BATCH = 5_000;
const INCIDENTS = 1_000_000;
const VIEWPORT_REQUESTS = 300;

/** The machine's limit for appending rows: prepared inserts in transactions, no framework. */
export function rawInsertBaseline(dir: string, positions = POSITIONS): number {
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE p (seq INTEGER PRIMARY KEY, patrol_id TEXT, at TEXT, lat REAL, lon REAL, section TEXT, reported_by TEXT)');
  const insert = db.prepare('INSERT INTO p (patrol_id, at, lat, lon, section, reported_by) VALUES (?, ?, ?, ?, ?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + POSITION_BATCH; i++)
      insert.run('patrol', new Date(1_750_000_000_000 + i * 1000).toISOString(), 14 + i * 1e-6, -12 + i * 1e-6, 'ML-SN-02', 'user');
  });
  const started = performance.now();
  for (let i = 0; i < positions; i += POSITION_BATCH) batch(i);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return positions / seconds;
}

async function helloWorldBaseline(requests: number): Promise<{ perSecond: number; p95: number }> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await (await fetch(url)).json();
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return { perSecond: requests / seconds, p95: percentile(latencies, 0.95) };
}

export async function benchNode(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-'));
  try {
    print('# Node (issue 2)');
    const raw = rawInsertBaseline(dir);
    print(`baseline: raw better-sqlite3 insert loop      ${rate(raw)} rows/s`);
    const hello = await helloWorldBaseline(2000);
    print(`baseline: Fastify hello-world (sequential)    ${rate(hello.perSecond)} req/s, p95 ${hello.p95.toFixed(2)} ms`);

    const config = loadConfig({ dataDir: join(dir, 'node') }, {});
    const store = await openStore(config.dataDir);
    await installDemo(store, config);
    // Filled before the server listens, so that no idle keep-alive connection goes stale meanwhile.
    let started = performance.now();
    fillIncidents(config.dataDir, INCIDENTS);
    print(`filled ${rate(INCIDENTS)} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const node = await createNodeContext(config, store);
    const app = await buildApp(node, { webRoot: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const login = (username: string) => demoToken(url, username);
    const token = await login('coord.ml');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = (path: string, body?: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}) }).then((r) => r.json() as Promise<any>);

    const patrol = await post('/api/v1/patrols', {
      name: 'bench',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2026-01-01T00:00:00Z',
      plannedEnd: '2026-01-02T00:00:00Z',
    });
    for (const action of ['propose', 'approve', 'start']) await post(`/api/v1/patrols/${patrol.id}/${action}`);
    const bodies: string[] = [];
    for (let b = 0; b < POSITIONS / POSITION_BATCH; b++) {
      const positions = Array.from({ length: POSITION_BATCH }, (_, i) => {
        const n = b * POSITION_BATCH + i;
        return { at: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 100).toISOString(), lat: 14.2 + (n % 1000) * 0.0004, lon: -12.3 + (n % 777) * 0.0005 };
      });
      bodies.push(JSON.stringify({ positions }));
    }
    started = performance.now();
    for (const body of bodies) {
      const response = await fetch(`${url}/api/v1/patrols/${patrol.id}/positions`, { method: 'POST', headers, body });
      if (response.status !== 200) throw new Error(`positions: ${response.status} ${await response.text()}`);
    }
    const positionsPerSecond = POSITIONS / ((performance.now() - started) / 1000);
    print(
      `position reports through POST …/positions     ${rate(positionsPerSecond)} /s (batches of ${POSITION_BATCH}; target ≥ 50,000) = ${(positionsPerSecond / raw).toFixed(2)} × raw insert loop`,
    );

    const viewport = async (w: number, h: number, extra = '') => {
      const latencies: number[] = [];
      let features = 0;
      let seed = 7;
      for (let i = 0; i < VIEWPORT_REQUESTS; i++) {
        seed = (seed * 48_271) % 2_147_483_647;
        const lon = -13 + ((seed % 1000) / 1000) * (4 - w);
        const lat = 12 + (((seed >> 10) % 1000) / 1000) * (4 - h);
        const t = performance.now();
        const response = await fetch(`${url}/api/v1/incidents?bbox=${lon},${lat},${lon + w},${lat + h}${extra}`, { headers });
        const collection = (await response.json()) as { features: unknown[] };
        latencies.push(performance.now() - t);
        features += collection.features.length;
      }
      return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), features: features / VIEWPORT_REQUESTS };
    };
    for (const [label, w, h, extra] of [
      ['viewport 0.1°×0.1° (district)', 0.1, 0.1, ''],
      ['viewport 0.25°×0.2° (cercle)', 0.25, 0.2, ''],
      ['viewport 0.25°×0.2°, last 90 days', 0.25, 0.2, '&from=2026-09-01'],
      ['viewport 1°×1° (limit 5000)', 1, 1, ''],
    ] as const) {
      const figures = await viewport(w, h, extra);
      print(
        `GET /api/v1/incidents ${label.padEnd(34)} p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ${figures.features.toFixed(0)} features/answer (target p95 ≤ 50 ms; hello-world p95 ${hello.p95.toFixed(2)} ms)`,
      );
    }
    // The same large answer as it travels: bytes on the wire and time to the last byte.
    const onTheWire = (encoding: string) =>
      new Promise<{ bytes: number; ms: number }>((resolve, reject) => {
        const started = performance.now();
        get(`${url}/api/v1/incidents?bbox=-13,12,-12,13`, { headers: { ...headers, 'accept-encoding': encoding } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve({ bytes, ms: performance.now() - started }));
        }).on('error', reject);
      });
    for (const encoding of ['identity', 'gzip']) {
      const runs = [];
      for (let i = 0; i < 20; i++) runs.push(await onTheWire(encoding));
      print(
        `GET /api/v1/incidents viewport 1°×1°, ${encoding.padEnd(8)}         ${(runs[0]!.bytes / 1e6).toFixed(2)} MB on the wire, p50 ${percentile(
          runs.map((r) => r.ms),
          0.5,
        ).toFixed(1)} ms to the last byte on loopback`,
      );
    }
    await app.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
