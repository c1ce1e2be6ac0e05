/**
 * The web UI as an officer opens it, its incidents drawn from the node's vector tiles: time to the
 * first drawn map, time until the list answers a click, frame rate while panning and the page's
 * JavaScript heap, with the demo's own incidents (the baseline, measured in the same run) and with
 * 10,000 and 100,000 more in the node's database; the JavaScript shipped; how long an incident
 * written on the node takes to reach the list through the live stream.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { loadConfig } from '../src/config.js';
import { fillIncidents } from './fill-incidents.js';
import { percentile } from './figures.js';

const RUNS = 3;
/** The incidents in the node's database beside the demo's own, one case each. */
const FILLS = [0, 10_000, 100_000];
/** Where new incidents of the live-stream case are written: inside the filled area. */
const LIVE_PLACE = { lon: -11.5, lat: 14.2 };

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

interface PageFigures {
  mapDrawnMs: number;
  listReadyMs: number;
  clickToDetailsMs: number;
  panFps: number;
  /** The page's JavaScript heap once the map is drawn (and panned, when the visit interacts). */
  heapMb: number;
}

/** The page's JavaScript heap in use, as Chromium's own metrics give it. */
async function heapOf(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / (1024 * 1024);
}

/**
 * One visit of the page, the incidents coming from the node. A first visit has no saved map view, so the map waits for the incidents to frame them; a
 * returning officer's map opens where it was left. Clicking and panning move the view that the
 * next visit opens on, so visits that prepare or measure a return do neither.
 */
async function measurePage(
  context: BrowserContext,
  origin: string,
  /** How many incidents the list must show; 'any' for a node whose count in view is not known ahead. */
  expected: number | 'any',
  visit: { first: boolean; interact: boolean },
): Promise<PageFigures> {
  const page = await context.newPage();
  // No saved map view (the session's marker stays: clearing all would sign the officer out).
  if (visit.first) await page.addInitScript("for (const key of Object.keys(localStorage)) if (key.startsWith('diboli.mapView')) localStorage.removeItem(key)");
  page.setDefaultTimeout(60_000);
  // The page notes when each milestone shows, on its own clock (zero at navigation): polling from
  // here would only see a change at the page's next animation frame, and a drawn map stops asking
  // for frames.
  await page.addInitScript(`(() => {
    window.__milestones = {};
    const note = () => {
      const drawn = document.querySelector('[data-testid=map-status]')?.getAttribute('data-drawn');
      if (window.__milestones.mapDrawn === undefined && drawn && Number(drawn) >= ${expected === 'any' || expected > 0 ? 1 : 0}) window.__milestones.mapDrawn = performance.now();
      const count = (document.querySelector('[data-testid=incident-count]')?.textContent ?? '').replace(/\\D/g, '');
      const counted = ${expected === 'any' ? "count !== '' && count !== '0'" : `count === '${expected}'`};
      if (window.__milestones.listReady === undefined && counted && (${expected === 0} || document.querySelector('.incident-row'))) window.__milestones.listReady = performance.now();
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);
  await page.goto(`${origin}/`);
  await page.waitForFunction('window.__milestones.mapDrawn !== undefined && window.__milestones.listReady !== undefined', null, { polling: 50 });
  const { mapDrawn: mapDrawnMs, listReady: listReadyMs } = (await page.evaluate('window.__milestones')) as { mapDrawn: number; listReady: number };
  let clickToDetailsMs = Number.NaN;
  if (!visit.interact) {
    const heapMb = await heapOf(page);
    await page.close();
    return { mapDrawnMs, listReadyMs, clickToDetailsMs, panFps: Number.NaN, heapMb };
  }
  if (expected === 'any' || expected > 0) {
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
  const heapMb = await heapOf(page);
  await page.close();
  return { mapDrawnMs, listReadyMs, clickToDetailsMs, panFps, heapMb };
}

const LIVE_WRITES = 5;

/**
 * Incidents written through the API one after the other, each timed until its row is on screen:
 * node write, server-sent event, in-place update of the list (with the node's incidents in view).
 */
async function measureLive(context: BrowserContext, origin: string, token: string): Promise<number[]> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
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
        location: LIVE_PLACE,
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

function medianFigures(runs: PageFigures[]): PageFigures {
  const median = (pick: (figures: PageFigures) => number) => percentile(runs.map(pick), 0.5);
  return {
    mapDrawnMs: median((f) => f.mapDrawnMs),
    listReadyMs: median((f) => f.listReadyMs),
    clickToDetailsMs: median((f) => f.clickToDetailsMs),
    panFps: median((f) => f.panFps),
    heapMb: median((f) => f.heapMb),
  };
}

function printFigures(print: (line: string) => void, label: string, runs: PageFigures[], interacted: boolean): void {
  const median = medianFigures(runs);
  const clicked = median.clickToDetailsMs;
  const panned = median.panFps;
  print(
    `web (${label}, median of ${runs.length}): map drawn ${median.mapDrawnMs.toFixed(0)} ms (target ≤ 2000), ` +
      `list ready ${median.listReadyMs.toFixed(0)} ms` +
      (interacted && Number.isFinite(clicked) ? `, row click → details ${clicked.toFixed(0)} ms` : '') +
      (Number.isFinite(panned) ? `, ${panned.toFixed(0)} frames/s while panning` : '') +
      `, JS heap ${median.heapMb.toFixed(0)} MB`,
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
    // The page's policy allows no evaluated script; the measuring scripts are the bench's, not the page's.
    bypassCSP: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The live-stream case writes as Mali's patrol leader (no second factor: a coordinator's code
    // is taken once, by the page's login below).
    const login = await fetch(`${node.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'lead.ml', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    // The page's own session, as an officer opens it: through the login form (and second factor).
    const page = await context.newPage();
    await page.goto(`${node.origin}/`);
    await page.locator('#login-username').fill('coord.ml');
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('form.login-card button[type=submit]').click();
    await page.locator('#login-code').fill(new DemoAuthenticators().codeFor('coord.ml', new Date()) ?? '');
    await page.locator('form.login-card button[type=submit]').click();
    await page.getByTestId('identity').waitFor();
    await page.close();
    // The map as the node draws it from its vector tiles: the demo's own incidents, then 10,000 and
    // 100,000 more in the node's database. The figures are set beside the first case, measured in
    // the same run.
    const cases: [string, PageFigures][] = [];
    let filled = 0;
    for (const count of FILLS) {
      if (node.data === null && count > 0) break;
      if (node.data !== null) fillIncidents(node.data, count - filled, filled);
      filled = count;
      const runs: PageFigures[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await measurePage(context, node.origin, 'any', { first: true, interact: true }));
      const label = count === 0 ? 'the demo’s own incidents' : `${count.toLocaleString('en-US')} more in the node’s database`;
      printFigures(print, `${label}, first visit`, runs, true);
      cases.push([label, medianFigures(runs)]);
    }
    const [, base] = cases[0]!;
    for (const [label, figures] of cases.slice(1)) {
      print(
        `web (${label}): map drawn ${(figures.mapDrawnMs / base.mapDrawnMs).toFixed(2)}× the demo’s own (target ≤ 1.3×), ` +
          `panning ${(figures.panFps / base.panFps).toFixed(2)}× its frame rate (target ≥ 0.8×), JS heap ${figures.heapMb.toFixed(0)} MB (target ≤ 300)`,
      );
    }
    // A visit that leaves the incidents' frame as the saved view, then visits that reopen on it.
    await measurePage(context, node.origin, 'any', { first: true, interact: false });
    const returning: PageFigures[] = [];
    for (let run = 0; run < RUNS; run++) returning.push(await measurePage(context, node.origin, 'any', { first: false, interact: false }));
    printFigures(print, `${filled.toLocaleString('en-US')} more incidents, returning officer`, returning, false);
    const delays = await measureLive(context, node.origin, token);
    print(
      `web (live stream, ${filled.toLocaleString('en-US')} more incidents): incident written → row on screen, ` +
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
