/**
 * The web UI with ten thousand incidents in view: time to the first drawn map, time until the
 * list answers a click, frame rate while panning, the JavaScript shipped, and how long an incident
 * written on the node takes to reach the list through the live stream. The baseline is the same
 * page with no incident at all, measured in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { loadConfig } from '../src/config.js';
import { fillIncidents } from './fill-incidents.js';
import { percentile, seededRandom } from './figures.js';

const INCIDENTS = 10_000;
const RUNS = 3;
const EVENT_TYPES: Record<string, string[]> = {
  Battles: ['Armed clash'],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance'],
  'Border activity': ['Smuggling', 'Illegal crossing', 'Cattle rustling', 'Illegal gold mining'],
  'Strategic developments': ['Arrests'],
};

/**
 * JS and CSS of one built page (`index.html` of the UI, `field/index.html` of the field app) as the
 * node sends them: the files the page names, in the copies compressed at build time.
 */
export function shippedBytes(page = 'index.html'): { js: number; css: number; jsBrotli: number } {
  const dist = join('web', 'dist');
  const named = [...readFileSync(join(dist, page), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
  let js = 0;
  let css = 0;
  let jsBrotli = 0;
  for (const asset of new Set(named)) {
    if (asset.endsWith('.js')) {
      js += statSync(join(dist, `${asset}.gz`)).size;
      jsBrotli += statSync(join(dist, `${asset}.br`)).size;
    } else if (asset.endsWith('.css')) css += statSync(join(dist, `${asset}.gz`)).size;
  }
  return { js, css, jsBrotli };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The demo node the pages are served by; `data` is its folder, unknown for a node started elsewhere. */
export async function startNode(): Promise<{ origin: string; data: string | null; stop: () => void }> {
  if (process.env.DIBOLI_BENCH_ORIGIN) return { origin: process.env.DIBOLI_BENCH_ORIGIN, data: null, stop: () => undefined };
  const data = mkdtempSync(join(tmpdir(), 'diboli-bench-web-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/diboli.js', 'demo', '--data', data, '--serve', '--port', String(port)], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 90_000; waited += 250) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${origin}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) return { origin, data, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error('the demo node did not start');
}

/** Synthetic incidents spread over the box of the partner borders, as the API would send them. */
function syntheticIncidents(count: number, box: [number, number, number, number]): string {
  const random = seededRandom(11);
  const types = Object.entries(EVENT_TYPES);
  const now = Date.now();
  const features = Array.from({ length: count }, (_, index) => {
    const [eventType, subTypes] = types[Math.floor(random() * types.length)]!;
    const occurredAt = new Date(now - Math.floor(random() * 90) * 86_400_000).toISOString();
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])] },
      properties: {
        id: `bench-${index}`,
        owner: index % 4 === 0 ? 'SN' : 'ML',
        releasableTo: index % 4 === 0 ? ['ML'] : ['SN'],
        section: null,
        occurredAt,
        datePrecision: 'day',
        placeName: null,
        eventType,
        subEventType: subTypes[Math.floor(random() * subTypes.length)]!,
        actors: [],
        fatalities: null,
        injured: null,
        abducted: null,
        narrative: null,
        source: { kind: 'patrol', name: null, reliability: null, credibility: null },
        status: 'unverified',
        version: 1,
        createdAt: occurredAt,
        updatedAt: occurredAt,
      },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

async function bordersBox(origin: string, token: string): Promise<[number, number, number, number]> {
  const answer = await fetch(`${origin}/api/v1/borders`, { headers: { Authorization: `Bearer ${token}` } });
  const borders = (await answer.json()) as { features: { geometry: { coordinates: unknown } }[] };
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [lon, lat] = value as [number, number];
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    } else if (Array.isArray(value)) value.forEach(walk);
  };
  for (const feature of borders.features) walk(feature.geometry.coordinates);
  return box;
}

interface PageFigures {
  mapDrawnMs: number;
  listReadyMs: number;
  clickToDetailsMs: number;
  panFps: number;
}

/**
 * One visit of the page, with the given incidents in place of the node's (`null`: the node's own).
 * A first visit has no saved map view, so the map waits for the incidents to frame them; a
 * returning officer's map opens where it was left. Clicking and panning move the view that the
 * next visit opens on, so visits that prepare or measure a return do neither.
 */
async function measurePage(
  context: BrowserContext,
  origin: string,
  incidents: string | null,
  expected: number,
  visit: { first: boolean; interact: boolean },
): Promise<PageFigures> {
  const page = await context.newPage();
  if (visit.first) await page.addInitScript('localStorage.clear()');
  page.setDefaultTimeout(60_000);
  if (incidents !== null) {
    await page.route(/\/api\/v1\/incidents\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: incidents }));
  }
  // The page notes when each milestone shows, on its own clock (zero at navigation): polling from
  // here would only see a change at the page's next animation frame, and a drawn map stops asking
  // for frames.
  await page.addInitScript(`(() => {
    window.__milestones = {};
    const note = () => {
      const drawn = document.querySelector('[data-testid=map-status]')?.getAttribute('data-drawn');
      if (window.__milestones.mapDrawn === undefined && drawn && Number(drawn) >= ${expected > 0 ? 1 : 0}) window.__milestones.mapDrawn = performance.now();
      const count = (document.querySelector('[data-testid=incident-count]')?.textContent ?? '').replace(/\\D/g, '');
      if (window.__milestones.listReady === undefined && count === '${expected}' && (${expected} === 0 || document.querySelector('.incident-row'))) window.__milestones.listReady = performance.now();
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);
  await page.goto(`${origin}/`);
  await page.waitForFunction('window.__milestones.mapDrawn !== undefined && window.__milestones.listReady !== undefined', null, { polling: 50 });
  const { mapDrawn: mapDrawnMs, listReady: listReadyMs } = (await page.evaluate('window.__milestones')) as { mapDrawn: number; listReady: number };
  let clickToDetailsMs = Number.NaN;
  if (!visit.interact) {
    await page.close();
    return { mapDrawnMs, listReadyMs, clickToDetailsMs, panFps: Number.NaN };
  }
  if (expected > 0) {
    // Timed on the page's clock, from the press to the first frame painted after the details are
    // in the document; timed from here, the driver's own round trips made up most of the figure.
    await page.evaluate(`(() => {
      window.__click = {};
      document.addEventListener('pointerdown', () => { window.__click.pressed = performance.now(); }, { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (window.__click.pressed === undefined || !document.querySelector('[data-testid=incident-details]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__click.shown = performance.now(); }, 0));
      }).observe(document, { subtree: true, childList: true });
    })()`);
    await page.locator('.incident-row').first().click();
    await page.waitForFunction('window.__click.shown !== undefined', null, { polling: 50 });
    const click = (await page.evaluate('window.__click')) as { pressed: number; shown: number };
    clickToDetailsMs = click.shown - click.pressed;
    await page.getByRole('tab', { name: 'Incidents' }).click();
  }
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.evaluate(`(() => {
    window.__frames = 0;
    const count = () => { window.__frames += 1; requestAnimationFrame(count); };
    requestAnimationFrame(count);
  })()`);
  const panStarted = performance.now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 40; step++) {
    await page.mouse.move(box.x + box.width / 2 - step * 6, box.y + box.height / 2 - step * 3);
  }
  await page.mouse.up();
  const frames = (await page.evaluate('window.__frames')) as number;
  const panFps = frames / ((performance.now() - panStarted) / 1000);
  await page.close();
  return { mapDrawnMs, listReadyMs, clickToDetailsMs, panFps };
}

const LIVE_WRITES = 5;

/**
 * Incidents written through the API one after the other, each timed until its row is on screen:
 * node write, server-sent event, in-place update of the list (with the synthetic feed in view).
 */
async function measureLive(
  context: BrowserContext,
  origin: string,
  token: string,
  incidents: string,
  box: [number, number, number, number],
): Promise<number[]> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.route(/\/api\/v1\/incidents\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: incidents }));
  await page.goto(`${origin}/`);
  await page.waitForFunction(`document.querySelector('[data-testid=live-indicator]')?.getAttribute('data-state') === 'live'`);
  await page.locator('.incident-row').first().waitFor();
  // The new incidents are listed wherever they fall, not only in the part of the map in sight.
  await page.locator('.filters input[type=checkbox]').first().uncheck();
  const delays: number[] = [];
  for (let write = 0; write < LIVE_WRITES; write++) {
    const started = performance.now();
    const answer = await fetch(`${origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        occurredAt: new Date().toISOString(),
        location: { lon: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 },
        eventType: 'Border activity',
        subEventType: 'Smuggling',
        narrative: `bench live ${write}`,
      }),
    });
    const { id } = (await answer.json()) as { id: string };
    await page.locator(`[data-incident-id="${id}"]`).waitFor();
    delays.push(performance.now() - started);
  }
  await page.close();
  return delays;
}

function printFigures(print: (line: string) => void, label: string, runs: PageFigures[], interacted: boolean): void {
  const median = (pick: (figures: PageFigures) => number) => percentile(runs.map(pick), 0.5);
  const clicked = median((f) => f.clickToDetailsMs);
  const panned = median((f) => f.panFps);
  print(
    `web (${label}, median of ${runs.length}): map drawn ${median((f) => f.mapDrawnMs).toFixed(0)} ms (target ≤ 2000), ` +
      `list ready ${median((f) => f.listReadyMs).toFixed(0)} ms` +
      (interacted && Number.isFinite(clicked) ? `, row click → details ${clicked.toFixed(0)} ms` : '') +
      (Number.isFinite(panned) ? `, ${panned.toFixed(0)} frames/s while panning` : ''),
  );
}

export async function benchWeb(print: (line: string) => void): Promise<void> {
  const { js, css, jsBrotli } = shippedBytes();
  print(
    `web: JS shipped ${(js / 1024).toFixed(0)} KiB gzip (target ≤ 1536 KiB), ${(jsBrotli / 1024).toFixed(0)} KiB brotli ` +
      `(what Chromium receives), CSS ${(css / 1024).toFixed(0)} KiB gzip`,
  );
  const node = await startNode();
  const profile = mkdtempSync(join(tmpdir(), 'diboli-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    // The Chromium the node prints reports with: DIBOLI_CHROMIUM, else the configured default.
    executablePath: loadConfig({ dataDir: profile }, process.env).chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const login = await fetch(`${node.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'coord.ml', password: DEMO_PASSWORD, code: new DemoAuthenticators().codeFor('coord.ml', new Date()) }),
    });
    const { token } = (await login.json()) as { token: string };
    await context.addCookies([{ name: 'diboli_token', value: token, url: node.origin }]);
    const box = await bordersBox(node.origin, token);
    const cases: [string, number][] = [
      ['baseline, no incident', 0],
      [`${INCIDENTS.toLocaleString('en-US')} incidents in view`, INCIDENTS],
    ];
    for (const [label, count] of cases) {
      const body = syntheticIncidents(count, box);
      const runs: PageFigures[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await measurePage(context, node.origin, body, count, { first: true, interact: true }));
      printFigures(print, `${label}, first visit`, runs, count > 0);
    }
    // A visit that leaves the incidents' frame as the saved view, then visits that reopen on it.
    const body = syntheticIncidents(INCIDENTS, box);
    await measurePage(context, node.origin, body, INCIDENTS, { first: true, interact: false });
    const returning: PageFigures[] = [];
    for (let run = 0; run < RUNS; run++) returning.push(await measurePage(context, node.origin, body, INCIDENTS, { first: false, interact: false }));
    printFigures(print, `${INCIDENTS.toLocaleString('en-US')} incidents in view, returning officer`, returning, false);
    if (node.data !== null) {
      // The same picture with the incidents in the node's database: its query, serialization and
      // compression are then part of the wait, as they are for an officer.
      fillIncidents(node.data, INCIDENTS);
      const answer = await fetch(`${node.origin}/api/v1/incidents?limit=20000`, { headers: { Authorization: `Bearer ${token}` } });
      const served = ((await answer.json()) as { features: unknown[] }).features.length;
      const fromNode: PageFigures[] = [];
      for (let run = 0; run < RUNS; run++) fromNode.push(await measurePage(context, node.origin, null, served, { first: true, interact: false }));
      printFigures(print, `${served.toLocaleString('en-US')} incidents served by the node, first visit`, fromNode, false);
    }
    const delays = await measureLive(context, node.origin, token, syntheticIncidents(INCIDENTS, box), box);
    print(
      `web (live stream, ${INCIDENTS.toLocaleString('en-US')} incidents in view): incident written → row on screen, ` +
        `median ${percentile(delays, 0.5).toFixed(0)} ms, worst ${Math.max(...delays).toFixed(0)} ms over ${LIVE_WRITES} writes`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    node.stop();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  await benchWeb((line) => console.log(line));
}
