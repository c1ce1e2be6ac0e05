import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import sharp from 'sharp';
import { installDemo } from '../src/cli/demo.js';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { buildApp, createNodeContext } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { cleanPhoto } from '../src/exchange/photo.js';
import { openStore } from '../src/store/database.js';
import { rate } from './figures.js';

// Issue 17, the node's side of a field sync: a device's outbox of 10,000 positions with client ids
// sent in batches, then sent again whole (a sync whose answers were lost), beside the machine's raw
// insert loop of the same rows; and the work of cleaning one photo as a phone sends it.
const QUEUED = 10_000;
const BATCH = 500;
const PHOTOS = 20;

function rawInsert(dir: string): number {
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE p (seq INTEGER PRIMARY KEY, patrol_id TEXT, at TEXT, lat REAL, lon REAL, section TEXT, reported_by TEXT, client_id TEXT)');
  db.exec('CREATE UNIQUE INDEX p_client ON p (patrol_id, client_id) WHERE client_id IS NOT NULL');
  const insert = db.prepare('INSERT INTO p (patrol_id, at, lat, lon, section, reported_by, client_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + BATCH; i++)
      insert.run('patrol', new Date(1_750_000_000_000 + i * 1000).toISOString(), 14 + i * 1e-6, -12, 'ML-SN-02', 'user', `dev-${i}`);
  });
  const started = performance.now();
  for (let i = 0; i < QUEUED; i += BATCH) batch(i);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

export async function benchFieldNode(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-field-'));
  try {
    print('# Field reporting, node side (issue 17)');
    const raw = rawInsert(dir);
    print(`baseline: raw better-sqlite3 insert loop, ${rate(QUEUED)} rows with client ids  ${(raw * 1000).toFixed(0)} ms`);

    const config = loadConfig({ dataDir: join(dir, 'node') }, {});
    const store = await openStore(config.dataDir);
    await installDemo(store, config);
    const node = await createNodeContext(config, store);
    const app = await buildApp(node, { webRoot: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const codes = new DemoAuthenticators();
    const tokenOf = async (username: string) => {
      const body = JSON.stringify({ username, password: DEMO_PASSWORD, code: codes.codeFor(username, new Date()) });
      const answer = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return ((await answer.json()) as { token: string }).token;
    };
    const as = async (username: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(username)}` });
    const coordinator = await as('coord.ml');
    const lead = await as('lead.ml');
    const post = async (path: string, headers: Record<string, string>, body: unknown) =>
      (await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json())) as any;

    const leader = (await node.repos.users.findByUsername('lead.ml'))!.id;
    const patrol = await post('/api/v1/patrols', coordinator, {
      name: 'bench terrain',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2026-01-01T00:00:00Z',
      plannedEnd: '2026-01-02T00:00:00Z',
      leaderUserId: leader,
    });
    for (const action of ['propose', 'approve', 'start']) await post(`/api/v1/patrols/${patrol.id}/${action}`, coordinator, {});
    const bodies: unknown[] = [];
    for (let b = 0; b < QUEUED / BATCH; b++) {
      const positions = Array.from({ length: BATCH }, (_, i) => {
        const n = b * BATCH + i;
        return { at: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 1000).toISOString(), lat: 14.2 + (n % 1000) * 0.0004, lon: -12.3, clientId: `dev-${n}` };
      });
      bodies.push({ positions, reportedVia: 'field' });
    }
    const sync = async () => {
      let accepted = 0;
      const started = performance.now();
      for (const body of bodies) accepted += (await post(`/api/v1/patrols/${patrol.id}/positions`, lead, body)).accepted as number;
      return { ms: performance.now() - started, accepted };
    };
    const first = await sync();
    print(
      `sync of ${rate(QUEUED)} queued positions (batches of ${BATCH}), first time   ${first.ms.toFixed(0)} ms, ${rate(first.accepted)} stored = ${(first.ms / 1000 / raw).toFixed(1)} × raw loop`,
    );
    const again = await sync();
    print(`the same ${rate(QUEUED)} sent again (answers lost)              ${again.ms.toFixed(0)} ms, ${rate(again.accepted)} stored`);
    await app.close();
    await store.close();

    // A photo as a phone sends it after resizing: 1600 × 1200 JPEG with EXIF.
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: 'grey', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 85 })
      .withExif({ IFD0: { Make: 'bench' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '14/1 27/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '12/1 11/1 0/1' } })
      .toBuffer();
    const started = performance.now();
    for (let i = 0; i < PHOTOS; i++) await cleanPhoto(photo);
    print(
      `photo cleaning (type by bytes, GPS read, re-encoded without metadata), ${(photo.length / 1024).toFixed(0)} KB 1600×1200 JPEG   ${((performance.now() - started) / PHOTOS).toFixed(0)} ms each`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
