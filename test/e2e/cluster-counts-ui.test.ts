import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { drawnIncidents, logIn, openMapAt } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// Where a tile holds more incidents than it draws one by one, the node counts them per cell and
// the map writes each cell's number on its circle. With the node's basemap, MapLibre draws those
// numbers with the node's glyphs: no HTML label per cell, moved by the page at every frame of a pan.

/** 3,000 incidents of Mali's in a box of 0.1° south-east of Kayes, away from the axes. */
const BOX = { minLon: -10.95, minLat: 13.35, size: 0.1 };
const CENTRE: [number, number] = [BOX.minLon + BOX.size / 2, BOX.minLat + BOX.size / 2];
const COUNT = 3_000;

let session: UiSession;
let node: RunningNode;
let browser: Browser;

describe('the counted cells of the incident tiles', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
    // Written straight into the node's database (the triggers keep the counts and area versions).
    const db = new SQLite(join(node.dataDir!, 'diboli.db'));
    const incident = db.prepare(`INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision, lat, lon,
      geo_precision, place_name, section, event_type, sub_event_type, actors, source_kind, status)
      VALUES (?, 'ML', '[]', 1, ?, ?, ?, 'day', ?, ?, 'exact', NULL, NULL, 'Border activity', 'Smuggling', '[]', 'other', 'unverified')`);
    const box = db.prepare('INSERT INTO incident_bbox (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < COUNT; i++) {
        const lon = BOX.minLon + ((i * 37) % 100) * (BOX.size / 100);
        const lat = BOX.minLat + ((i * 53) % 97) * (BOX.size / 97);
        const at = new Date(Date.parse('2026-10-01T00:00:00Z') + i * 600_000).toISOString();
        const { lastInsertRowid } = incident.run(`cluster-test-${i}`, at, at, at, lat, lon);
        box.run(lastInsertRowid, lon, lon, lat, lat);
      }
    })();
    db.close();
  });

  afterAll(async () => session?.stop());

  it('writes each cell’s number on its circle with the node’s glyphs, not as page elements', async () => {
    const { page } = browser;
    await logIn(page, node.origin, 'coord.ml');
    await drawnIncidents(page, 0);
    await expect.poll(() => page.evaluate(`Object.keys(localStorage).some((key) => key.startsWith('diboli.mapView.'))`), { timeout: 15_000 }).toBe(true);
    await openMapAt(page, CENTRE, 9, '/api/v1/tiles/incidents/');
    await screenshot(page, 'incident-counts-z9');
    expect(await page.locator('.cluster-count').count()).toBe(0);
    // The numbers' dark halo inside the circles (no other near-black ink in this part of the map).
    const frame = (await page.getByTestId('map').boundingBox())!;
    const shot = await page.screenshot({ clip: { x: frame.x + frame.width / 2 - 60, y: frame.y + frame.height / 2 - 60, width: 120, height: 120 } });
    const census = await censusOf(page, shot, [], { halo: (r, g, b) => r < 70 && g < 70 && b < 70 });
    expect(census.matching.halo).toBeGreaterThan(30);
  });
});
