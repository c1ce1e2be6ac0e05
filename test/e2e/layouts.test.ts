import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { apiCall, drawnIncidents, logIn } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// The screens at a laptop's, a small laptop's or tablet's, and a phone's size: nothing overlaps,
// no text is cut, nothing scrolls sideways; and before login the page asks the node for nothing.

let session: UiSession;

const SIZES = [
  { width: 1280, height: 800, header: 45 },
  { width: 1024, height: 768, header: 45 },
  { width: 390, height: 844, header: 60 },
] as const;

/** What does not fit: sideways scroll of the page or the side panel, controls wider than their text box or outside the panel. */
async function misfits(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push('page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + ' px');
    const panel = document.querySelector('.side-panel');
    if (panel && panel.scrollWidth > panel.clientWidth + 1) problems.push('side panel scrolls sideways by ' + (panel.scrollWidth - panel.clientWidth) + ' px');
    const edge = panel ? panel.getBoundingClientRect().right + 1 : Infinity;
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    for (const el of document.querySelectorAll('.app-header button, .tabs button, .panel-toolbar button, .form-actions button, .record-actions button, .patrol-actions button, .legend-toggle')) {
      if (visible(el) && el.scrollWidth > el.clientWidth + 1) problems.push('cut text in button "' + el.textContent.trim() + '"');
    }
    for (const el of document.querySelectorAll('.side-panel input, .side-panel select, .side-panel textarea, .side-panel button, .tabs button')) {
      if (visible(el) && el.getBoundingClientRect().right > edge) problems.push(el.tagName + ' ' + (el.id || el.textContent.trim()) + ' sticks out of the panel');
    }
    const header = document.querySelector('.app-header');
    if (header) for (const a of header.children) for (const b of header.children) {
      if (a === b || !visible(a) || !visible(b)) continue;
      const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
      if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) problems.push('header: ' + a.className + ' overlaps ' + b.className);
    }
    return [...new Set(problems)];
  })()`)) as string[];
}

async function visitTabs(page: Page, size: string): Promise<void> {
  for (const tab of ['Incidents', 'Patrouilles', 'Couverture', 'Alertes', 'Veille', 'Détails']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await page.waitForTimeout(500);
    expect(await misfits(page), `${tab} at ${size}`).toEqual([]);
  }
}

beforeAll(async () => {
  session = await startUiSession();
});
afterAll(async () => session?.stop());

describe('layouts', () => {
  it('asks the node for nothing before login, and logs no error', async () => {
    const { page } = session.browser;
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) asked.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${session.node.origin}/`);
    await page.locator('#login-username').waitFor();
    await page.waitForTimeout(1500);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    page.removeAllListeners('request');
    page.removeAllListeners('console');
  });

  for (const size of SIZES) {
    const name = `${size.width}x${size.height}`;
    it(`fits ${name}: no overlap, no cut text, no sideways scroll`, async () => {
      const { page } = session.browser;
      await page.setViewportSize({ width: size.width, height: size.height });
      // One login (a coordinator's codes are taken once each); each size is a fresh page of the same session.
      if (size === SIZES[0]) await logIn(page, session.node.origin, 'coord.ml');
      else await page.reload();
      await drawnIncidents(page);
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(header.height, 'header height').toBeLessThanOrEqual(size.header);
      // The legend is a button on the map until the officer opens it.
      const legend = (await page.locator('.legend').boundingBox())!;
      expect(legend.height).toBeLessThan(40);
      await screenshot(page, `layout-${name}`);
      await visitTabs(page, name);

      await page.getByRole('tab', { name: 'Incidents' }).click();
      await page.getByRole('button', { name: 'Nouvel incident' }).click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.locator('.entity-form .field-error').first().waitFor();
      expect(await misfits(page), `incident form at ${name}`).toEqual([]);
      await screenshot(page, `layout-${name}-incident-form`);
      await page.getByRole('button', { name: 'Annuler' }).click();

      await page.getByRole('tab', { name: 'Patrouilles' }).click();
      await page.getByRole('button', { name: 'Planifier une patrouille' }).click();
      expect(await misfits(page), `patrol form at ${name}`).toEqual([]);
      await page.locator('#patrol-plannedStart').scrollIntoViewIfNeeded();
      await screenshot(page, `layout-${name}-patrol-form`);
      await page.getByRole('button', { name: 'Annuler' }).click();

      await page.getByRole('button', { name: 'Rapport de situation' }).click();
      const popover = (await page.locator('.sitrep-popover').boundingBox())!;
      expect(popover.x).toBeGreaterThanOrEqual(0);
      expect(popover.x + popover.width).toBeLessThanOrEqual(size.width);
      expect(popover.y + popover.height).toBeLessThanOrEqual(size.height);
      await screenshot(page, `layout-${name}-report`);
      await page.keyboard.press('Escape');
    });
  }

  it('charts the same period as the list, and groups the section filter by border', async () => {
    const { page } = session.browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByLabel('Seulement la zone visible').uncheck();
    const listed = (await apiCall<{ features: { properties: { occurredAt: string } }[] }>(page, 'GET', '/api/v1/incidents?limit=20000')).body.features;
    const days = listed.map((feature) => feature.properties.occurredAt.slice(0, 10)).sort();
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.getAttribute('data-from')).toBe(days[0]);
    expect(await timeline.getAttribute('data-to')).toBe(days.at(-1));
    // A longer period than the old 90-day window: the chart counts weeks rather than drop days.
    expect(await timeline.getAttribute('data-unit')).toBe('week');

    const sections = (await apiCall<{ features: { properties: { borderId: string } }[] }>(page, 'GET', '/api/v1/sections')).body.features;
    const filter = page.getByTestId('filter-section');
    const groups = await filter.locator('optgroup').count();
    expect(groups).toBe(new Set(sections.map((section) => section.properties.borderId)).size);
    expect(groups).toBeGreaterThan(1);
    expect(await filter.locator('option').count()).toBe(sections.length + 1);
    expect(await filter.locator('optgroup').first().getAttribute('label')).toMatch(/^Frontière /);
  });
});
