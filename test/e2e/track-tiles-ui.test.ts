import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACK_COLOUR } from '../../web/src/map/palette.js';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { authenticators, drawnIncidents, logIn, openMapAt } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';
import { copyPatrol } from '../support/track-tiles.js';

// The map draws patrols' tracks from the node's track tiles, not from each patrol's JSON track:
// a layer the officer shows or hides, and a click on a track opens its patrol.

/** A national patrol without a planned route, whose track crosses empty country (no label) south of Kayes. */
const PATROL = 'track-map-patrol';
const FROM: [number, number] = [-11.55, 14.11];
const TO: [number, number] = [-11.42, 14.125];
const ON_TRACK: [number, number] = [(FROM[0] + TO[0]) / 2, (FROM[1] + TO[1]) / 2];
/** A patrol whose phone went quiet: two positions 6.5 km and an hour apart, nothing between them. */
const QUIET = 'track-map-quiet';
const QUIET_FROM: [number, number] = [-11.6, 14.06];
const QUIET_TO: [number, number] = [-11.54, 14.06];

let session: UiSession;
let node: RunningNode;
let browser: Browser;
const trackRequests: string[] = [];

const openAt = (page: Page, center: [number, number], zoom: number) => openMapAt(page, center, zoom, '/api/v1/tiles/tracks/');

/** Pixels of the tracks' colour in a small square at the centre of the map. */
async function trackInkAtCentre(page: Page): Promise<number> {
  const frame = (await page.getByTestId('map').boundingBox())!;
  const clip = { x: frame.x + frame.width / 2 - 12, y: frame.y + frame.height / 2 - 12, width: 24, height: 24 };
  return (await censusOf(page, await page.screenshot({ clip }), [TRACK_COLOUR])).near[TRACK_COLOUR]!;
}

describe('patrol tracks on the map', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
    // Written straight into the node's database, the way positions from the field arrive: the
    // triggers of migration 0017 keep its thinned track.
    const db = new SQLite(join(node.dataDir!, 'diboli.db'));
    copyPatrol(db, 'demo-patrol-launch', PATROL, 'ML', []);
    copyPatrol(db, 'demo-patrol-launch', QUIET, 'ML', []);
    const insert = db.prepare("INSERT INTO positions (patrol_id, at, lat, lon, section, reported_by) VALUES (?, ?, ?, ?, NULL, 'test')");
    for (let i = 0; i <= 100; i++) {
      const at = new Date(Date.parse('2026-11-20T08:00:00Z') + i * 60_000).toISOString();
      insert.run(PATROL, at, FROM[1] + ((TO[1] - FROM[1]) * i) / 100, FROM[0] + ((TO[0] - FROM[0]) * i) / 100);
    }
    insert.run(QUIET, '2026-11-20T08:00:00.000Z', QUIET_FROM[1], QUIET_FROM[0]);
    insert.run(QUIET, '2026-11-20T09:00:00.000Z', QUIET_TO[1], QUIET_TO[0]);
    db.close();
    browser.page.on('request', (request) => {
      if (/\/api\/v1\/patrols\/[^/]+\/track|\/api\/v1\/tiles\/tracks\//.test(request.url())) trackRequests.push(request.url());
    });
  });

  afterAll(async () => session?.stop());

  it('draws the tracks from the node’s tiles, without asking any patrol’s JSON track', async () => {
    const { page } = browser;
    await logIn(page, node.origin, 'coord.ml');
    await drawnIncidents(page, 0);
    await openAt(page, ON_TRACK, 10);
    await screenshot(page, 'tracks-z10');
    expect(trackRequests.some((url) => url.includes('/api/v1/tiles/tracks/'))).toBe(true);
    expect(trackRequests.filter((url) => url.includes('/api/v1/patrols/'))).toEqual([]);
    expect(await trackInkAtCentre(page)).toBeGreaterThan(5);
  });

  it('hides and shows the tracks with the layer’s switch', async () => {
    const { page } = browser;
    const toggle = page.getByTestId('show-tracks');
    await toggle.uncheck();
    await page.waitForTimeout(300);
    expect(await trackInkAtCentre(page)).toBe(0);
    await toggle.check();
    await expect.poll(() => trackInkAtCentre(page)).toBeGreaterThan(5);
  });

  it('opens the patrol of a track clicked on the map', async () => {
    const { page } = browser;
    const frame = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await expect.poll(() => page.locator('.patrol-card.selected').getAttribute('data-patrol-id')).toBe(PATROL);
  });

  it('draws the road between two distant positions at street scale', async () => {
    const { page } = browser;
    await openAt(page, [(QUIET_FROM[0] + QUIET_TO[0]) / 2, QUIET_FROM[1]], 15);
    await screenshot(page, 'tracks-z15-quiet-patrol');
    await expect.poll(() => trackInkAtCentre(page)).toBeGreaterThan(5);
  });

  it('asks its track tiles again when a patrol under way reports positions', async () => {
    // One login per user: a second-factor code serves once.
    const tokens = new Map<string, string>();
    const tokenOf = async (as: string) => {
      if (!tokens.has(as)) {
        const login = await fetch(`${node.origin}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: as, password: DEMO_PASSWORD, code: authenticators.codeFor(as, new Date()) }),
        });
        tokens.set(as, ((await login.json()) as { token: string }).token);
      }
      return tokens.get(as)!;
    };
    const call = async (as: string, method: string, path: string, body?: unknown) => {
      const token = await tokenOf(as);
      const answer = await fetch(`${node.origin}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: answer.status, body: (await answer.json()) as { id: string } };
    };
    const created = await call('coord.ml', 'POST', '/api/v1/patrols', {
      name: 'Patrouille suivie sur la carte',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: new Date(Date.now() - 3_600_000).toISOString(),
      plannedEnd: new Date(Date.now() + 3_600_000).toISOString(),
      releasableTo: [],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const action of ['propose', 'approve']) expect((await call('coord.ml', 'POST', `/api/v1/patrols/${id}/${action}`)).status).toBe(200);
    expect((await call('lead.ml', 'POST', `/api/v1/patrols/${id}/start`)).status).toBe(200);
    const asked = trackRequests.filter((url) => url.includes('/api/v1/tiles/tracks/')).length;
    const positions = [0, 1, 2].map((i) => ({
      at: new Date(Date.now() - (3 - i) * 60_000).toISOString(),
      lon: ON_TRACK[0] + 0.01 * i,
      lat: ON_TRACK[1] + 0.03,
    }));
    expect((await call('lead.ml', 'POST', `/api/v1/patrols/${id}/positions`, { positions })).status).toBe(200);
    await expect.poll(() => trackRequests.filter((url) => url.includes('/api/v1/tiles/tracks/')).length, { timeout: 30_000 }).toBeGreaterThan(asked);
  });
});
