/**
 * The field app: how long 10,000 positions queued on a phone take to reach the node once the link
 * is back, beside the same positions sent straight to the node's API (no browser, no IndexedDB)
 * and the raw SQLite insert of as many rows, in the same run; and the JavaScript the app ships.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { loadConfig } from '../src/config.js';
import { POSITIONS_PER_BATCH } from '../web/src/field/rules.js';
import { rate } from './figures.js';
import { rawInsertBaseline } from './node.js';
import { shippedBytes, startNode } from './web.js';

const QUEUED = 10_000;
const kib = (bytes: number) => (bytes / 1024).toFixed(0);

/** Positions of a walk near the Falémé, one a second up to now (none in the future). */
function walk(count: number): { at: string; lat: number; lon: number }[] {
  const end = Date.now() - 60_000;
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(end - (count - i) * 1000).toISOString(),
    lat: 14.455 - (i % 500) * 0.00002,
    lon: -12.199 + (i % 700) * 0.00003,
  }));
}

async function call(origin: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

async function logIn(origin: string, username: string): Promise<string> {
  const code = new DemoAuthenticators().codeFor(username, new Date());
  const answer = await call(origin, '', 'POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD, ...(code ? { code } : {}) });
  return answer.token as string;
}

/** A patrol of today led by lead.ml, under way. */
async function patrolUnderWay(origin: string, coordinator: string, leader: string, leaderId: string, name: string): Promise<string> {
  const now = Date.now();
  const patrol = await call(origin, coordinator, 'POST', '/api/v1/patrols', {
    name,
    kind: 'national',
    unitIds: ['ml-gend-kayes'],
    plannedStart: new Date(now - 3 * 3_600_000).toISOString(),
    plannedEnd: new Date(now + 3 * 3_600_000).toISOString(),
    leaderUserId: leaderId,
  });
  for (const action of ['propose', 'approve']) await call(origin, coordinator, 'POST', `/api/v1/patrols/${patrol.id}/${action}`, {});
  await call(origin, leader, 'POST', `/api/v1/patrols/${patrol.id}/start`, {});
  return patrol.id as string;
}

export async function benchField(print: (line: string) => void): Promise<void> {
  print('# Field app (issue 17)');
  const field = shippedBytes('field/index.html');
  const main = shippedBytes('index.html');
  print(
    `field app: JS shipped ${kib(field.js)} KiB gzip, ${kib(field.jsBrotli)} KiB brotli, CSS ${kib(field.css)} KiB gzip ` +
      `(the operations UI: JS ${kib(main.js)} KiB gzip)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-field-'));
  const raw = rawInsertBaseline(dir, QUEUED);
  print(`baseline: raw better-sqlite3 insert of ${rate(QUEUED)} rows     ${(QUEUED / raw).toFixed(3)} s`);

  const node = await startNode();
  const profile = mkdtempSync(join(tmpdir(), 'diboli-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: loadConfig({ dataDir: profile }, process.env).chromiumPath,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const coordinator = await logIn(node.origin, 'coord.ml');
    const leader = await logIn(node.origin, 'lead.ml');
    const leaderId = (await call(node.origin, leader, 'GET', '/api/v1/me')).id as string;

    // The node's own insert through its API: the same batches the app sends, from Node.
    const direct = await patrolUnderWay(node.origin, coordinator, leader, leaderId, 'bench direct');
    const positions = walk(QUEUED).map((position, i) => ({ ...position, clientId: `direct-${i}` }));
    let started = performance.now();
    for (let i = 0; i < positions.length; i += POSITIONS_PER_BATCH) {
      await call(node.origin, leader, 'POST', `/api/v1/patrols/${direct}/positions`, {
        positions: positions.slice(i, i + POSITIONS_PER_BATCH),
        reportedVia: 'field',
      });
    }
    const directSeconds = (performance.now() - started) / 1000;
    print(`baseline: POST …/positions of ${rate(QUEUED)} from Node   ${directSeconds.toFixed(2)} s (batches of ${POSITIONS_PER_BATCH})`);

    // The app: log in, queue the positions on the device with no link, and time the sync once it is back.
    const queued = await patrolUnderWay(node.origin, coordinator, leader, leaderId, 'bench field app');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${node.origin}/field/`);
    await page.locator('#field-username').fill('lead.ml');
    await page.locator('#field-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('button', { name: /bench field app/ }).waitFor();
    await context.setOffline(true);
    const records = walk(QUEUED).map((position) => ({ kind: 'position', id: crypto.randomUUID(), patrolId: queued, userId: leaderId, ...position }));
    await page.evaluate(`new Promise((resolve, reject) => {
      const opening = indexedDB.open('diboli-field', 1);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const tx = opening.result.transaction('outbox', 'readwrite');
        for (const record of ${JSON.stringify(records)}) tx.objectStore('outbox').add(record);
        tx.oncomplete = () => { opening.result.close(); resolve(true); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
    await page.reload();
    const waiting = page.getByTestId('waiting');
    const count = async () => Number(await waiting.getAttribute('data-count'));
    while ((await count()) !== QUEUED) await page.waitForTimeout(100);
    started = performance.now();
    await context.setOffline(false);
    while ((await count()) !== 0) await page.waitForTimeout(20);
    const appSeconds = (performance.now() - started) / 1000;
    const held = await call(node.origin, coordinator, 'GET', `/api/v1/patrols/${queued}/track`);
    print(
      `field app: sync of ${rate(QUEUED)} queued positions   ${appSeconds.toFixed(2)} s = ${(appSeconds / directSeconds).toFixed(2)} × the direct POSTs ` +
        `(node holds ${rate(held.properties.positions)})`,
    );
    await measureFirstOpen(node.origin, print);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    node.stop();
  }
}

/**
 * A phone's first visit of the field app (nothing cached): from navigation until the login form
 * takes input, on the loopback link, then on Chrome's "Slow 3G" profile (400 ms round trip, 400
 * kbit/s each way) with the CPU slowed 4× as a low-end phone's, in the same run.
 */
async function measureFirstOpen(origin: string, print: (line: string) => void): Promise<void> {
  const browser = await chromium.launch({
    executablePath: loadConfig({ dataDir: tmpdir() }, process.env).chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A context of its own each time: no cache, no service worker, no session.
  const open = async (slow: boolean): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    if (slow) {
      await session.send('Network.enable');
      await session.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
      await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const started = performance.now();
    await page.goto(`${origin}/field/`, { waitUntil: 'commit' });
    await page.locator('#field-username').waitFor({ state: 'visible', timeout: 120_000 });
    const elapsed = performance.now() - started;
    await context.close();
    return elapsed;
  };
  try {
    const fast = await open(false);
    const slow = await open(true);
    print(`field app: first open until the login form takes input   loopback ${fast.toFixed(0)} ms | Slow 3G and CPU 4× ${slow.toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
}
