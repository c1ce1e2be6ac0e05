import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { censusOf } from './pixels.js';
import { startUiSession, type UiSession } from './ui-session.js';
import { apiCall, drawnIncidents, logIn, shownIncidentCount } from './session.js';

// A smuggling report inside section ML-SN-07 (Falémé, south of Kidira–Diboli).
const NEAR_SECTION = { lat: 13.65, lon: -12.05 };

// The critical colour of the map style (#8b0000) as drawn: sections are 75 % opaque over the land.
const CRITICAL_ON_LAND = '#a53b38';

const ARTICLE = {
  published: '2026-11-25',
  title: 'Kidira : saisie de carburant de contrebande',
  text:
    'Kidira, 25 novembre 2026. La gendarmerie a arrêté mardi 24 novembre à Kidira trois passeurs qui convoyaient un camion de carburant de contrebande venu du Mali. ' +
    'Le camion a été saisi à la sortie du pont de la Falémé et les passeurs conduits à la brigade.',
};

interface AlertView {
  id: string;
  cause: { kind: string; id: string };
  acknowledgements: { userId: string }[];
}

let session: UiSession;
let node: RunningNode;
let browser: Browser;

describe('early warning and news review in the web UI', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
  });

  afterAll(async () => session?.stop());

  it('shows an alert raised by a new incident without reloading, and acknowledges it', async () => {
    const { page } = browser;
    await logIn(page, node.origin, 'coord.ml');
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    expect(await page.getByTestId('live-indicator').textContent()).toContain('En direct');

    const rule = await apiCall(page, 'POST', '/api/v1/alert-rules', {
      id: `e2e-faleme-${Date.now()}`,
      kind: 'incident-near',
      target: { kind: 'section', id: 'ML-SN-07' },
      withinKm: 30,
      eventTypes: ['Border activity'],
      public: true,
    });
    expect(rule.status).toBe(201);

    await page.getByRole('tab', { name: /^Alertes/ }).click();
    const rowsBefore = await page.locator('.alert-row').count();
    // A page reload would drop this marker: the alert must come through the open stream.
    await page.evaluate('window.__sameDocument = true');

    const incident = await apiCall<{ id: string }>(page, 'POST', '/api/v1/incidents', {
      occurredAt: new Date().toISOString(),
      location: NEAR_SECTION,
      eventType: 'Border activity',
      subEventType: 'Smuggling',
      narrative: 'Camion de carburant intercepté sur la piste de la Falémé',
    });
    expect(incident.status).toBe(201);

    const alerts = await apiCall<AlertView[]>(page, 'GET', '/api/v1/alerts');
    const raised = alerts.body.find((alert) => alert.cause.kind === 'incident' && alert.cause.id === incident.body.id);
    expect(raised).toBeDefined();
    const row = page.locator(`[data-alert-id="${raised!.id}"]`);
    await row.waitFor();
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    expect(await page.locator('.alert-row').count()).toBe(rowsBefore + 1);
    expect(await row.getAttribute('data-acknowledged')).toBe('false');
    expect(await row.textContent()).toContain('ML-SN-07');
    expect(Number(await page.getByTestId('alert-badge').textContent())).toBeGreaterThanOrEqual(1);
    expect(await row.getByRole('link', { name: 'Message CAP' }).getAttribute('href')).toBe(`/api/v1/alerts/${raised!.id}/cap`);
    await screenshot(page, '11-alert-live');

    const badgeBefore = Number(await page.getByTestId('alert-badge').textContent());
    await row.getByRole('button', { name: 'Acquitter' }).click();
    await expect.poll(() => row.getAttribute('data-acknowledged')).toBe('true');
    expect(await row.textContent()).toContain('Acquittée');
    if (badgeBefore === 1) expect(await page.getByTestId('alert-badge').count()).toBe(0);
    else expect(Number(await page.getByTestId('alert-badge').textContent())).toBe(badgeBefore - 1);
    const after = await apiCall<AlertView[]>(page, 'GET', '/api/v1/alerts');
    expect(after.body.find((alert) => alert.id === raised!.id)?.acknowledgements.length).toBe(1);
    await screenshot(page, '12-alert-acknowledged');

    // Locating the alert selects its incident; its section opens from the incident's details.
    await row.getByRole('button', { name: /ML-SN-07/ }).click();
    await page.getByRole('tab', { name: 'Détails' }).click();
    await expect.poll(() => page.getByTestId('incident-details').textContent()).toContain('Falémé');
  });

  it('shows a section’s level and history, and the field error of an override without a reason', async () => {
    const { page } = browser;
    await page.getByTestId('incident-details').getByRole('button', { name: 'ML-SN-07' }).click();
    const details = page.getByTestId('section-details');
    await details.waitFor();
    await page.getByTestId('level-history').waitFor();
    expect(await page.getByTestId('section-score').textContent()).toMatch(/\d/);
    expect(await page.locator('.level-history li').count()).toBeGreaterThan(0);

    await drawnIncidents(page);
    const before = await censusOf(page, await page.getByTestId('map').screenshot(), [CRITICAL_ON_LAND]);

    await page.getByLabel('Niveau', { exact: true }).selectOption('critical');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    const error = page.locator('#override-error-reason');
    await error.waitFor();
    expect((await error.textContent())?.toLowerCase()).toContain('motif');
    expect(await page.locator('#override-reason').getAttribute('aria-describedby')).toBe('override-error-reason');
    await screenshot(page, '13-section-override-error');

    await page.locator('#override-reason').fill('Convoi de contrebande armé signalé par la gendarmerie');
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => response.url().endsWith('/api/v1/sections/ML-SN-07/override')),
      page.getByRole('button', { name: 'Appliquer' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    await expect.poll(() => details.getAttribute('data-level')).toBe('critical');
    expect(await page.getByTestId('section-level').textContent()).toContain('forcé');
    await expect.poll(() => page.locator('.level-history').textContent()).toContain('Convoi de contrebande');
    // The map colours the section from its new level, pushed by the node.
    await expect
      .poll(async () => (await censusOf(page, await page.getByTestId('map').screenshot(), [CRITICAL_ON_LAND])).near[CRITICAL_ON_LAND], { timeout: 15_000 })
      .toBeGreaterThan((before.near[CRITICAL_ON_LAND] ?? 0) + 100);
    await screenshot(page, '14-section-overridden');
  });

  it('queues a candidate from a posted article and accepting it adds an incident to the list', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByLabel('Seulement la zone visible').uncheck();
    const before = await shownIncidentCount(page);

    const posted = await apiCall<{ articleId: string; candidates: number }>(page, 'POST', '/api/v1/news/articles', ARTICLE);
    expect(posted.status).toBe(201);
    expect(posted.body.candidates).toBeGreaterThan(0);

    await page.getByRole('tab', { name: /^Veille/ }).click();
    const candidate = page.locator('.candidate', { hasText: 'Kidira' }).first();
    await candidate.waitFor();
    expect(await candidate.getByTestId('candidate-evidence').textContent()).toContain('Kidira');
    await screenshot(page, '15-news-queue');

    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => /\/api\/v1\/news\/candidates\/[^/]+\/accept$/.test(response.url())),
      candidate.getByRole('button', { name: 'Accepter' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    const accepted = (await answer.json()) as { incident: { id: string } | null };
    expect(accepted.incident).not.toBeNull();

    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.locator(`[data-incident-id="${accepted.incident!.id}"]`).waitFor();
    expect(await shownIncidentCount(page)).toBe(before + 1);
    await screenshot(page, '16-news-accepted');
  });

  it('pastes an article through the form', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: /^Veille/ }).click();
    await page.getByRole('button', { name: 'Coller un article' }).click();
    await page.getByRole('button', { name: 'Analyser' }).click();
    await page.locator('#article-error-text').waitFor();
    await page.getByLabel('Titre', { exact: true }).fill('Bakel : passage clandestin');
    await page
      .getByLabel('Texte', { exact: true })
      .fill(
        'Bakel, 26 novembre 2026. Une patrouille a intercepté mercredi à Bakel une vingtaine de personnes qui franchissaient clandestinement le fleuve Sénégal.',
      );
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => response.url().endsWith('/api/v1/news/articles')),
      page.getByRole('button', { name: 'Analyser' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    await page.getByTestId('article-outcome').waitFor();
    await screenshot(page, '17-article-pasted');
  });

  it('opens the situation report of a period in the UI language', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Rapport de situation' }).click();
    const html = page.getByTestId('sitrep-html');
    const href = (await html.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/v1\/sitrep\?/);
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.get('lang')).toBe('fr');
    expect(params.get('format')).toBe('html');
    expect(await html.getAttribute('target')).toBe('_blank');
    expect(new URLSearchParams((await page.getByTestId('sitrep-pdf').getAttribute('href'))!.split('?')[1]).get('format')).toBe('pdf');
    const [report] = await Promise.all([page.context().waitForEvent('page'), html.click()]);
    await report.waitForLoadState();
    expect(report.url()).toContain('/api/v1/sitrep?');
    expect((await report.content()).length).toBeGreaterThan(500);
    await screenshot(page, '18-sitrep-launcher');
    await report.close();
    const launcher = page.getByRole('dialog', { name: 'Rapport de situation' });
    await page.keyboard.press('Escape');
    expect(await launcher.count()).toBe(0);
    await page.getByRole('button', { name: 'Rapport de situation' }).click();
    await launcher.waitFor();
    await page.getByRole('tab', { name: 'Incidents' }).click();
    expect(await launcher.count()).toBe(0);
  });

  it('writes an alert rule and a webhook address in the alerts panel, each refusal under its field', async () => {
    const { page } = browser;
    const ruleId = `e2e-rule-${Date.now()}`;
    const rulesNow = async () => (await apiCall<{ rule: Record<string, unknown> }[]>(page, 'GET', '/api/v1/alert-rules')).body;
    await page.getByRole('tab', { name: /^Alertes/ }).click();
    await page.getByRole('button', { name: 'Nouvelle règle' }).click();
    await page.getByLabel('Identifiant').fill(ruleId);
    await page.getByRole('checkbox', { name: 'Activité frontalière' }).check();
    await page.getByLabel('À proximité de').selectOption({ label: 'une section de frontière' });
    await page.getByLabel('Cible').selectOption('ML-SN-07');
    await page.getByLabel('Distance maximale (km)').fill('0');
    await page.getByRole('button', { name: 'Enregistrer la règle' }).click();
    await page.getByTestId('rule-error-withinKm').scrollIntoViewIfNeeded();
    expect(await page.locator('#rule-within').getAttribute('aria-describedby')).toBe('rule-error-withinKm');
    expect((await rulesNow()).some(({ rule }) => rule.id === ruleId)).toBe(false);
    await screenshot(page, '19-alert-rule-error');

    await page.getByLabel('Distance maximale (km)').fill('25');
    await page.getByRole('button', { name: 'Enregistrer la règle' }).click();
    const row = page.locator(`[data-rule-id="${ruleId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Activité frontalière à moins de 25 km de la section ML-SN-07');
    const stored = (await rulesNow()).find(({ rule }) => rule.id === ruleId)?.rule;
    expect(stored).toMatchObject({ kind: 'incident-near', eventTypes: ['Border activity'], withinKm: 25, target: { kind: 'section', id: 'ML-SN-07' } });

    // A level rule watches the sections chosen, at the level chosen.
    const levelRuleId = `${ruleId}-level`;
    await page.getByRole('button', { name: 'Nouvelle règle' }).click();
    await page.getByLabel('Identifiant').fill(levelRuleId);
    await page.getByLabel('Ce qui déclenche l’alerte').selectOption({ label: 'Hausse du niveau' });
    await page.getByLabel('Sections surveillées').selectOption(['ML-SN-07', 'ML-SN-08']);
    await page.getByLabel('Niveau atteint au moins').selectOption('critical');
    await page.getByRole('button', { name: 'Enregistrer la règle' }).click();
    await page.locator(`[data-rule-id="${levelRuleId}"]`).waitFor();
    expect((await rulesNow()).find(({ rule }) => rule.id === levelRuleId)?.rule).toMatchObject({
      kind: 'level-rising',
      sections: ['ML-SN-07', 'ML-SN-08'],
      minLevel: 'critical',
    });

    await row.getByRole('checkbox', { name: 'Active' }).uncheck();
    await expect.poll(async () => (await rulesNow()).find(({ rule }) => rule.id === ruleId)?.rule.enabled).toBe(false);
    expect(await row.getAttribute('class')).toContain('disabled');

    await page.getByLabel('Adresse (http ou https)').fill('ftp://centre.example/alertes');
    await page.getByRole('button', { name: 'Ajouter l’adresse' }).click();
    await page.getByTestId('webhook-error-url').waitFor();
    await page.getByLabel('Adresse (http ou https)').fill('http://127.0.0.1:9/alertes');
    await page.getByLabel('Description').fill('Centre opérationnel de Kayes');
    await page.getByRole('button', { name: 'Ajouter l’adresse' }).click();
    await expect.poll(() => page.locator('.webhooks').textContent()).toContain('Centre opérationnel de Kayes');
    const hooks = (await apiCall<{ id: string; url: string; enabled: boolean }[]>(page, 'GET', '/api/v1/webhooks')).body;
    const hook = hooks.find((candidate) => candidate.url === 'http://127.0.0.1:9/alertes');
    expect(hook?.enabled).toBe(true);
    await page
      .locator(`[data-webhook-id="${hook!.id}"]`)
      .getByRole('checkbox', { name: /^Active/ })
      .uncheck();
    await expect
      .poll(
        async () => (await apiCall<{ id: string; enabled: boolean }[]>(page, 'GET', '/api/v1/webhooks')).body.find((other) => other.id === hook!.id)?.enabled,
      )
      .toBe(false);
    await screenshot(page, '20-alert-rules');

    // A liaison officer reads and acknowledges alerts; rules and addresses are not theirs to write.
    await logIn(page, node.origin, 'liaison.sn');
    await page.getByRole('tab', { name: /^Alertes/ }).click();
    await page.getByRole('heading', { name: 'Alertes', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: "Règles d'alerte" }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /webhooks/ }).count()).toBe(0);
  });

  it('never asked for anything outside the node', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
