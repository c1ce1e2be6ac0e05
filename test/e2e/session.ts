import type { Page } from 'playwright-core';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { expect } from 'vitest';

/** The demo users' authenticator apps (coord.ml, coord.sn and admin.ml give a code after the password). */
export const authenticators = new DemoAuthenticators();

/** Opens the UI and logs in, ending any session the browser still holds. */
export async function logIn(page: Page, origin: string, username: string): Promise<void> {
  await page.goto(`${origin}/`);
  const logout = page.getByRole('button', { name: /Se déconnecter|Sign out/ });
  const username_ = page.locator('#login-username');
  await Promise.race([logout.waitFor(), username_.waitFor()]);
  if (await logout.isVisible()) {
    await logout.click();
    await username_.waitFor();
  }
  await username_.fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('form.login-card button[type=submit]').click();
  const code = authenticators.codeFor(username, new Date());
  if (code) {
    await page.locator('#login-code').fill(code);
    await page.locator('form.login-card button[type=submit]').click();
  }
  await page.getByTestId('identity').waitFor();
}

/** The number shown above the incident list ("1 234 incidents" in French). */
export async function shownIncidentCount(page: Page): Promise<number> {
  const counter = page.getByTestId('incident-count');
  // Polled from here: waitForFunction evaluates strings in the page, which its policy forbids.
  await expect.poll(async () => /Chargement|Loading/.test((await counter.textContent()) ?? 'Chargement'), { timeout: 15_000 }).toBe(false);
  const text = (await counter.textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Waits until the map reports what it drew once idle, and returns the number of incidents drawn. */
export async function drawnIncidents(page: Page, atLeast = 1): Promise<number> {
  const status = page.getByTestId('map-status');
  await expect.poll(async () => Number((await status.getAttribute('data-drawn')) || -1), { timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast);
  return Number(await status.getAttribute('data-drawn'));
}

/**
 * Waits until the map has drawn every tile and glyph of its view and stays so for half a second:
 * a source set again after the first idle (the list's filters, the live stream) asks for tiles
 * anew, and a screenshot taken then shows them missing.
 */
export async function mapSettled(page: Page): Promise<void> {
  const status = page.getByTestId('map-status');
  const settled = async () => (await status.getAttribute('data-settled')) === 'true';
  let steady = 0;
  await expect
    .poll(
      async () => {
        steady = (await settled()) ? steady + 1 : 0;
        return steady;
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBeGreaterThanOrEqual(3);
}

interface ApiIncident {
  id: string;
  owner: string;
  releasableTo: string[];
}

/** The incident feed as the logged-in user's browser receives it. */
export async function incidentsSeenBy(page: Page): Promise<ApiIncident[]> {
  const collection = (await page.evaluate(
    `fetch('/api/v1/incidents?limit=50000', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + (sessionStorage.getItem('diboli.token') ?? '') } }).then((answer) => answer.json())`,
  )) as { features: { properties: ApiIncident }[] };
  return collection.features.map((feature) => feature.properties);
}

/** A call to the node's API from the page, as the logged-in user (what another screen or tool would do). */
export async function apiCall<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const script = `(async () => {
    const answer = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer ' + (sessionStorage.getItem('diboli.token') ?? '') },
      body: ${body === undefined ? 'undefined' : JSON.stringify(JSON.stringify(body))},
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : null };
  })()`;
  return (await page.evaluate(script)) as { status: number; body: T };
}

/**
 * Opens the map on a view, as the officer would find it after leaving it there: the view is kept
 * in local storage, the page reloaded, and the map waited for until an answer whose address holds
 * `firstAnswer` (the style, a layer's tile) has come and every tile of the view is drawn.
 */
export async function openMapAt(page: Page, center: [number, number], zoom: number, firstAnswer: string): Promise<void> {
  await page.evaluate(`(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('diboli.mapView.')) localStorage.setItem(key, ${JSON.stringify(JSON.stringify({ center, zoom }))});
    }
  })()`);
  const answered = page.waitForResponse((response) => response.url().includes(firstAnswer) && response.ok());
  await page.reload();
  await answered;
  await drawnIncidents(page, 0);
  // The last tiles and glyphs may still come after the first idle of a busy machine.
  await page.waitForLoadState('networkidle');
  await mapSettled(page);
}
