import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { CuttableLink } from '../support/cuttable-link.js';
import { openBrowser, screenshot, type Browser } from './browser.js';
import { startDemoNode, type RunningNode } from './node.js';
import { drawnIncidents, logIn, shownIncidentCount } from './session.js';

// The web UI's live stream after its link is cut: the browser's EventSource comes back with the
// id of the last frame it read, the node sends what was missed, and the page shows it without
// reloading anything (issue 14: before, the page fetched everything again and the stream skipped
// what happened meanwhile).

let node: RunningNode;
let link: CuttableLink;
let browser: Browser;

beforeAll(async () => {
  node = await startDemoNode();
  link = new CuttableLink({ host: '127.0.0.1', port: Number(new URL(node.origin).port) });
  await link.open();
  // The browser reaches the node through the link only.
  browser = await openBrowser(link.origin);
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await link?.cut();
    await node?.stop();
  }
});

describe('the web UI’s live stream', () => {
  it('shows what happened while its link was cut, from the replay, without reloading', async () => {
    const { page } = browser;
    await logIn(page, link.origin, 'coord.ml');
    const indicator = page.getByTestId('live-indicator');
    await expect.poll(() => indicator.getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    // The list is a page of the visible area: it is asked again when the map moves, so the map has
    // settled on its first frame before requests are counted.
    await drawnIncidents(page);
    const before = await shownIncidentCount(page);
    await page.evaluate('window.__sameDocument = true');

    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await link.cut();
    await expect.poll(() => indicator.getAttribute('data-state'), { timeout: 15_000 }).toBe('reconnecting');

    // Meanwhile an analyst records incidents (straight to the node, not through the cut link).
    const login = await fetch(`${node.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'analyst.ml', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    for (let i = 0; i < 5; i += 1) {
      const answer = await fetch(`${node.origin}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          occurredAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
          location: { lat: 14.43 + i * 0.01, lon: -11.98 },
          eventType: 'Border activity',
          subEventType: 'Smuggling',
          narrative: `Pendant la coupure ${i}`,
        }),
      });
      expect(answer.status).toBe(201);
    }

    await link.open();
    await expect.poll(() => indicator.getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(() => shownIncidentCount(page), { timeout: 15_000 }).toBe(before + 5);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    // The stream came back with the id of its last frame; nothing was fetched again.
    const reconnections = requests.filter((r) => new URL(r.url()).pathname === '/api/v1/stream');
    expect(reconnections.length).toBeGreaterThan(0);
    expect(Number((await reconnections.at(-1)!.allHeaders())['last-event-id'])).toBeGreaterThan(0);
    expect(requests.filter((r) => new URL(r.url()).pathname === '/api/v1/incidents' && r.method() === 'GET').map((r) => r.url())).toEqual([]);
    await screenshot(page, '30-stream-resumed');
  });

  it('shows the demo’s alerts from the first minute, to Senegal’s seconded officer too', async () => {
    const { page } = browser;
    for (const username of ['liaison.sn', 'observer.ml']) {
      await logIn(page, link.origin, username);
      await page.getByRole('tab', { name: /^Alertes/ }).click();
      await expect.poll(() => page.locator('.alert-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await screenshot(page, `31-demo-alerts-${username}`);
    }
  });
});
