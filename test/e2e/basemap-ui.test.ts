import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_COLOUR, RIVER_COLOUR } from '../../src/map/basemap-style.js';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { drawnIncidents, logIn, openMapAt } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// The node's own basemap in a real Chromium: labels and rivers are drawn, and every request of
// the map (style, tiles, glyphs) stays on the node.

const DIBOLI: [number, number] = [-12.19945, 14.45511];
/** On the Sénégal between Bakel and Kayes, where the river runs across the view. */
const SENEGAL_RIVER: [number, number] = [-11.9, 14.75];

let session: UiSession;
let node: RunningNode;
let browser: Browser;

const openAt = (page: Page, center: [number, number], zoom: number) => openMapAt(page, center, zoom, '/api/v1/map/style.json');

async function mapShot(page: Page, box?: { dx: number; dy: number; width: number; height: number }): Promise<Buffer> {
  const frame = (await page.getByTestId('map').boundingBox())!;
  if (!box) return page.screenshot({ clip: frame });
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  return page.screenshot({ clip: { x: cx + box.dx, y: cy + box.dy, width: box.width, height: box.height } });
}

describe('the basemap served by the node', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
  });

  afterAll(async () => session?.stop());

  it('opens the map of a logged-in officer', async () => {
    await logIn(browser.page, node.origin, 'lead.ml');
    await drawnIncidents(browser.page, 0);
    await expect.poll(() => browser.page.evaluate(`Object.keys(localStorage).some((key) => key.startsWith('diboli.mapView.'))`)).toBe(true);
  });

  it('draws the label of Diboli below the place at zoom 11', async () => {
    const { page } = browser;
    await openAt(page, DIBOLI, 11);
    await screenshot(page, 'basemap-z11-diboli');
    // The label stands below the point at the centre of the view, clear of Diboli's own incident
    // (give or take the few pixels the page's layout moves the map by): about 50 px wide, 15 px high.
    const label = await censusOf(page, await mapShot(page, { dx: -45, dy: -6, width: 90, height: 40 }), [LABEL_COLOUR]);
    // Full-ink pixels of the word (no other layer is drawn in the labels' ink, chosen apart from
    // the axes' near-black). In a thin regular face on the incident's marker and the section line,
    // behind a see-through halo, the word kept 8 of them; bold, knocked out of the line and clear
    // of the marker, about 80.
    expect(label.near[LABEL_COLOUR]).toBeGreaterThan(40);
  });

  it('draws the Sénégal river at zoom 7', async () => {
    const { page } = browser;
    await openAt(page, SENEGAL_RIVER, 7);
    const census = await censusOf(page, await mapShot(page), [RIVER_COLOUR, LABEL_COLOUR]);
    expect(census.near[RIVER_COLOUR]).toBeGreaterThan(200);
    expect(census.near[LABEL_COLOUR]).toBeGreaterThan(50);
    await screenshot(page, 'basemap-z7-senegal');
  });

  it('is photographed at zooms 6, 9 and 12 near Diboli', async () => {
    const { page } = browser;
    for (const zoom of [6, 9, 12]) {
      await openAt(page, DIBOLI, zoom);
      await screenshot(page, `basemap-z${zoom}-diboli`);
    }
  });

  it('draws the situation report’s map on the same basemap, with its scale bar', async () => {
    const { page } = browser;
    const answer = await page.goto(`${node.origin}/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=html`);
    expect(answer?.status()).toBe(200);
    const map = page.locator('figure.map');
    const census = await censusOf(page, await map.screenshot(), [RIVER_COLOUR, LABEL_COLOUR]);
    expect(census.near[RIVER_COLOUR]).toBeGreaterThan(50);
    expect(census.near[LABEL_COLOUR]).toBeGreaterThan(50);
    await map.screenshot({ path: 'test-output/screenshots/basemap-sitrep-map.png' });
  });

  it('asked the node, and only the node, for the style, tiles and glyphs', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
