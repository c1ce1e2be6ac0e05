import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACK_COLOUR } from '../../web/src/map/palette.js';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { drawnIncidents, logIn, openMapAt } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';
import { copyPatrol } from '../support/track-tiles.js';

// Zoomed out over an area patrolled day after day, the map draws patrol coverage (squares graded
// by patrol-days) where the node's tile would hold too many points for lines; closer in, the same
// patrols are drawn as lines again.

/** The middle of an area forty patrols sweep for twenty days, inside one zoom 8 tile, east of Kayes. */
const CENTRE: [number, number] = [-10.55, 14.6];
const PATROLS = 40;
const DAYS = 20;

let session: UiSession;
let node: RunningNode;
let browser: Browser;

const openAt = (page: Page, center: [number, number], zoom: number) => openMapAt(page, center, zoom, '/api/v1/tiles/tracks/');

/**
 * Shares of a square at the centre of the map drawn as coverage (the tracks' hue, lighter, in
 * flat areas) and as track lines (the tracks' own colour).
 */
async function inkAtCentre(page: Page): Promise<{ coverage: number; lines: number }> {
  const frame = (await page.getByTestId('map').boundingBox())!;
  const clip = { x: frame.x + frame.width / 2 - 100, y: frame.y + frame.height / 2 - 100, width: 200, height: 200 };
  const png = await page.screenshot({ clip });
  const census = await censusOf(page, png, [TRACK_COLOUR], {
    // Blue-green lighter than the lines themselves (the land shows through the squares).
    coverage: (r, g, b) => g - r > 40 && b - r > 40 && Math.abs(g - b) < 30 && r > 40,
  });
  const lines = census.near[TRACK_COLOUR]! / census.total;
  const coverage = census.matching.coverage! / census.total;
  return { coverage, lines };
}

describe('patrol coverage at low zoom, lines closer in', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
    // Written straight into the node's database, the way positions from the field arrive: the
    // triggers keep the thinned tracks and the patrol-days.
    const db = new SQLite(join(node.dataDir!, 'diboli.db'));
    const insert = db.prepare("INSERT INTO positions (patrol_id, at, lat, lon, section, reported_by) VALUES (?, ?, ?, ?, NULL, 'test')");
    db.transaction(() => {
      for (let p = 0; p < PATROLS; p++) {
        const id = `coverage-map-patrol-${p}`;
        copyPatrol(db, 'demo-patrol-launch', id, 'ML', []);
        for (let d = 0; d < DAYS; d++) {
          const start = Date.parse('2026-11-01T07:00:00Z') + d * 86_400_000;
          // Twelve reports a day in cells of 2.4 km, each patrol over a square of its own size
          // around the centre (5 to 23 cells a side): the middle is patrolled most.
          const side = 5 + (p % 19);
          for (let i = 0; i < 12; i++) {
            const lon = CENTRE[0] + (((p * 7 + d * 3 + i) % side) - side / 2) * 0.022;
            const lat = CENTRE[1] + (((p * 5 + d + i * 2) % side) - side / 2) * 0.022;
            insert.run(id, new Date(start + i * 600_000).toISOString(), lat, lon);
          }
        }
      }
    })();
    db.close();
  });

  afterAll(async () => session?.stop());

  it('draws coverage at zoom 8 over the patrolled area, and lines there at zoom 13', async () => {
    const { page } = browser;
    await logIn(page, node.origin, 'coord.ml');
    await drawnIncidents(page, 0);
    await openAt(page, CENTRE, 8);
    await screenshot(page, 'track-coverage-z8');
    const far = await inkAtCentre(page);
    await openAt(page, CENTRE, 13);
    await screenshot(page, 'track-coverage-z13');
    const near = await inkAtCentre(page);
    expect(far.coverage).toBeGreaterThan(0.3);
    expect(far.lines).toBeLessThan(0.01);
    expect(near.lines).toBeGreaterThan(0.005);
    expect(near.coverage).toBeLessThan(far.coverage / 3);
  });

  it('names the patrol-days of a cell clicked, in French', async () => {
    const { page } = browser;
    await openAt(page, CENTRE, 8);
    const frame = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await expect.poll(() => page.locator('.coverage-popup').textContent()).toMatch(/\d+ patrouilles?-jours? dans cette case sur la période/);
    await page.locator('.legend-toggle').click();
    await expect.poll(() => page.getByTestId('coverage-legend').textContent()).toContain('100 et plus');
    await screenshot(page, 'track-coverage-popup');
  });
});
