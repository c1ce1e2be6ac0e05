import type { Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { startUiSession, type UiSession } from './ui-session.js';
import { drawnIncidents, incidentsSeenBy, logIn, shownIncidentCount } from './session.js';

// Colours of the map style (web/src/map/palette.ts): the border and two event types.
const BORDER = '#e0007a';
const INCIDENT_COLOURS = ['#d7301f', '#7a0177', '#f16913', '#3182bd', '#6a51a3', '#238b45', '#b8860b'];

let session: UiSession;
let node: RunningNode;
let browser: Browser;

describe('web UI against a demo node', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
  });

  afterAll(async () => session?.stop());

  it('logs in and shows who is logged in, in French', async () => {
    const { page } = browser;
    await page.goto(`${node.origin}/`);
    await page.locator('#login-username').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
    await screenshot(page, '01-login');
    await logIn(page, node.origin, 'coord.ml');
    const identity = page.getByTestId('identity');
    await expect.poll(() => identity.textContent()).toContain('ML');
    expect(await identity.textContent()).toContain('Coordinateur');
  });

  it('asks for what the first screen reads once, without waiting for the session check', async () => {
    const { page } = browser;
    const events: string[] = [];
    const onRequest = (request: Request) => events.push(`asked ${new URL(request.url()).pathname}${new URL(request.url()).search}`);
    const onResponse = (response: Response) => events.push(`answered ${new URL(response.url()).pathname}`);
    page.on('request', onRequest);
    page.on('response', onResponse);
    await page.reload();
    expect(await drawnIncidents(page)).toBeGreaterThan(0);
    page.off('request', onRequest);
    page.off('response', onResponse);
    const asked = (path: string) => events.filter((event) => event === `asked ${path}`).length;
    for (const path of ['/api/v1/me', '/api/v1/incidents?limit=500', '/api/v1/basemap', '/api/v1/sections', '/api/v1/patrols']) {
      expect(asked(path), path).toBe(1);
    }
    expect(events.indexOf('asked /api/v1/incidents?limit=500')).toBeLessThan(events.indexOf('answered /api/v1/me'));
  });

  it('draws the map with the border and the incidents', async () => {
    const { page } = browser;
    expect(await drawnIncidents(page)).toBeGreaterThan(0);
    const shot = await page.getByTestId('map').screenshot();
    const census = await censusOf(page, shot, [BORDER, ...INCIDENT_COLOURS]);
    expect(census.distinctColours).toBeGreaterThan(30);
    expect(census.near[BORDER]).toBeGreaterThan(50);
    const incidentPixels = INCIDENT_COLOURS.reduce((sum, colour) => sum + (census.near[colour] ?? 0), 0);
    expect(incidentPixels).toBeGreaterThan(50);
    await screenshot(page, '02-picture-coord-ml');
  });

  it('opens the map again where the officer left it', async () => {
    const { page } = browser;
    const scale = page.locator('.maplibregl-ctrl-scale');
    const framed = await scale.textContent();
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await expect.poll(() => page.evaluate(`Object.keys(localStorage).some((key) => key.startsWith('diboli.mapView.'))`)).toBe(true);
    await expect.poll(() => scale.textContent()).not.toBe(framed);
    await page.waitForTimeout(500); // the zoom's easing ends, and with it the last saved view
    const zoomed = await scale.textContent();
    await page.reload();
    expect(await drawnIncidents(page)).toBeGreaterThan(0);
    await expect.poll(() => scale.textContent()).toBe(zoomed);
    // …and frames every listed incident again on request.
    await page.getByRole('button', { name: 'Cadrer les incidents' }).click();
    await expect.poll(() => scale.textContent()).toBe(framed);
    // A stored view that is not a view (out of range, or not JSON) is ignored: the incidents are framed.
    await page.waitForTimeout(500); // the framing's easing ends, and with it the last saved view
    for (const stored of ['{"center":[-11.4,14.4],"zoom":40}', 'pas du JSON']) {
      await page.evaluate(
        `Object.keys(localStorage).filter((key) => key.startsWith('diboli.mapView.')).forEach((key) => localStorage.setItem(key, ${JSON.stringify(stored)}))`,
      );
      await page.reload();
      expect(await drawnIncidents(page)).toBeGreaterThan(0);
      await expect.poll(() => scale.textContent()).toBe(framed);
    }
  });

  it('lists the demo incidents, partners’ ones with their release badge', async () => {
    const { page } = browser;
    await page.getByLabel('Seulement la zone visible').uncheck();
    const seen = await incidentsSeenBy(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(await shownIncidentCount(page)).toBe(seen.length);
    expect(await page.locator('.incident-row').count()).toBeGreaterThan(0);
    const first = page.locator('.incident-row').first();
    expect(await first.getByTestId('release-badge').textContent()).toMatch(/^[A-Z]{2} (→|·) /);
    expect(seen.some((incident) => incident.owner === 'SN')).toBe(true);
  });

  it('hides Mali’s national-only incidents from a Senegal user', async () => {
    const { page } = browser;
    const seenByMali = await incidentsSeenBy(page);
    const nationalOnly = seenByMali.filter((incident) => incident.owner === 'ML' && !incident.releasableTo.includes('SN'));
    expect(nationalOnly.length).toBeGreaterThan(0);
    const releasedToSenegal = seenByMali.filter((incident) => incident.owner === 'SN' || incident.releasableTo.includes('SN'));

    await logIn(page, node.origin, 'liaison.sn');
    expect(await page.getByTestId('identity').textContent()).toContain('SN');
    await page.getByLabel('Seulement la zone visible').uncheck();
    expect(await shownIncidentCount(page)).toBe(releasedToSenegal.length);
    const seenBySenegal = new Set((await incidentsSeenBy(page)).map((incident) => incident.id));
    for (const incident of nationalOnly) {
      expect(seenBySenegal.has(incident.id)).toBe(false);
      expect(await page.locator(`[data-incident-id="${incident.id}"]`).count()).toBe(0);
    }
    await drawnIncidents(page);
    await screenshot(page, '03-picture-liaison-sn');
  });

  it('shows a server validation error next to its field', async () => {
    const { page } = browser;
    await logIn(page, node.origin, 'coord.ml');
    await page.getByRole('button', { name: 'Nouvel incident' }).click();
    await page.getByLabel("Type d'événement", { exact: true }).selectOption('Border activity');
    await page.getByLabel("Sous-type d'événement", { exact: true }).selectOption('Smuggling');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const error = page.locator('#incident-error-location');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(3);
    expect(await page.locator('fieldset.location').getAttribute('aria-describedby')).toBe('incident-error-location');
    await screenshot(page, '04-validation-error');
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('records an incident through the form and finds it in the list and on the map', async () => {
    const { page } = browser;
    const before = await drawnIncidents(page);
    await page.getByRole('button', { name: 'Nouvel incident' }).click();
    await page.getByRole('button', { name: 'Placer sur la carte' }).click();
    const map = page.getByTestId('map');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.38);
    await expect.poll(() => page.getByTestId('incident-location').textContent()).toMatch(/Lat\./);
    await page.getByLabel("Type d'événement", { exact: true }).selectOption('Border activity');
    await page.getByLabel("Sous-type d'événement", { exact: true }).selectOption('Cattle rustling');
    await page.getByLabel('Acteurs', { exact: true }).fill('Voleurs de bétail');
    await page.getByLabel('Tués', { exact: true }).fill('0');
    await page.getByLabel('Fiabilité de la source').selectOption('B');
    await page.getByLabel("Crédibilité de l'information").selectOption('2');
    const narrative = `Troupeau de 40 têtes enlevé près du poste (essai ${Date.now()})`;
    await page.getByLabel('Récit', { exact: true }).fill(narrative);
    await screenshot(page, '05-incident-form');
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => response.url().endsWith('/api/v1/incidents') && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const created = (await answer.json()) as { id: string };
    await expect.poll(() => page.getByTestId('incident-details').textContent()).toContain(narrative);

    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.locator(`[data-incident-id="${created.id}"]`).waitFor();
    expect(await drawnIncidents(page, before + 1)).toBe(before + 1);
    await screenshot(page, '06-incident-recorded');
  });

  it('switches to English and back to French', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Patrols' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('identity').textContent()).toContain('Coordinator');
    expect(await page.getByTestId('incident-count').textContent()).toMatch(/incidents?$/);
    await screenshot(page, '07-english');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('tab', { name: 'Patrouilles' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByTestId('identity').textContent()).toContain('Coordinateur');
  });

  it('plans a joint patrol that the coordinators of both nations approve', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Patrouilles' }).click();
    await page.getByRole('button', { name: 'Planifier une patrouille' }).click();
    const name = `Patrouille conjointe Diboli–Kidira ${Date.now()}`;
    await page.getByLabel('Nom', { exact: true }).fill(name);
    // Exactly the two nations of the mechanism's Mali–Senegal pair take part.
    for (const box of await page.locator('input[id^="patrol-nation-"]:not([disabled])').all()) {
      if ((await box.getAttribute('id')) === 'patrol-nation-SN') await box.check();
      else await box.uncheck();
    }
    for (const group of await page.locator('.unit-group').all()) {
      await group.getByRole('checkbox').first().check();
    }
    expect(await page.locator('.unit-group').count()).toBe(2);
    const axes = page.getByLabel('Axe', { exact: true });
    const axisOptions = await axes.locator('option').count();
    if (axisOptions > 1) await axes.selectOption({ index: 1 });
    // The leader reports for the patrol from the field: planners pick among this node's reporters.
    const leader = page.getByLabel('Chef de patrouille', { exact: true });
    await expect.poll(() => leader.locator('option').allTextContents()).toContain('Adj Boubacar Diarra (lead.ml)');
    await leader.selectOption({ label: 'Adj Boubacar Diarra (lead.ml)' });
    await screenshot(page, '08-patrol-form');
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => response.url().endsWith('/api/v1/patrols') && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Créer la patrouille' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const created = (await answer.json()) as { id: string; code: string; leaderUserId: string | null };
    expect(created.code).toMatch(/^ML-\d+$/);
    expect(created.leaderUserId).not.toBeNull();
    const card = page.locator(`[data-patrol-id="${created.id}"]`);
    await card.waitFor();
    // The code said over the radio is on the patrol wherever it is shown.
    expect(await card.getByTestId('patrol-code').textContent()).toBe(created.code);
    await card.getByRole('button', { name: 'Proposer' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('proposed');
    await card.getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => card.locator('.approvals').textContent()).toContain('En attente : SN');
    expect(await card.getAttribute('data-status')).toBe('proposed');

    await logIn(page, node.origin, 'coord.sn');
    await page.getByRole('tab', { name: 'Patrouilles' }).click();
    const partnerCard = page.locator(`[data-patrol-id="${created.id}"]`);
    // Cancelling belongs to the owner nation's coordinator: Senegal's sees no such button.
    await partnerCard.getByRole('button', { name: 'Approuver' }).waitFor();
    expect(await partnerCard.getByTestId('patrol-code').textContent()).toBe(created.code);
    expect(await partnerCard.getByRole('button', { name: 'Annuler la patrouille' }).count()).toBe(0);
    await partnerCard.getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => partnerCard.getAttribute('data-status')).toBe('approved');
    // Each nation approves once: the button is gone for Senegal as well.
    expect(await partnerCard.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
    expect(await partnerCard.getByTestId('patrol-status').textContent()).toBe('Approuvée');
    await partnerCard.getByRole('button', { name: name }).click();
    await screenshot(page, '09-patrol-approved');
  });

  it('fits a 10-inch tablet held upright, map above the panel', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await drawnIncidents(page);
    const map = (await page.getByTestId('map').boundingBox())!;
    const panel = (await page.locator('.side-panel').boundingBox())!;
    expect(map.height).toBeGreaterThan(400);
    expect(panel.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
    await screenshot(page, '10-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('never asked for anything outside the node', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
