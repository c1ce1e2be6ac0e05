import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { apiCall, logIn } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// Incidents recorded and changed in the UI, in a browser set to American English while the
// officer works in French: dates typed and read day first, every error at once under its field,
// blank counts kept unknown, versions with their authors, refuting asked twice.

let session: UiSession;
let recorded: string;

interface ApiIncident {
  id: string;
  occurredAt: string;
  fatalities: number | null;
  injured: number | null;
  abducted: number | null;
  releasableTo: string[];
  status: string;
}

beforeAll(async () => {
  session = await startUiSession({ locale: 'en-US' });
});
afterAll(async () => session?.stop());

const errorsShown = (page: Page) => page.locator('.entity-form .field-error').allTextContents();

describe('incident forms', () => {
  it('shows every error at once under its field, with the French label, and clears each when fixed', async () => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, 'lead.ml');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('button', { name: 'Nouvel incident' }).click();
    await page.getByLabel('Tués', { exact: true }).fill('deux');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // A count that is not a number is caught before anything is sent.
    expect(await errorsShown(page)).toEqual(['Tués : nombre entier attendu (laisser vide si inconnu)']);
    await page.getByLabel('Tués', { exact: true }).fill('');
    expect(await errorsShown(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => errorsShown(page))
      .toEqual(['Emplacement : champ obligatoire manquant', "Type d'événement : champ obligatoire", "Sous-type d'événement : champ obligatoire"]);
    expect(await page.locator('#incident-eventType').getAttribute('aria-describedby')).toBe('incident-error-eventType');
    await screenshot(page, 'incident-errors-at-once');
    await page.getByLabel("Type d'événement", { exact: true }).selectOption('Border activity');
    expect(await errorsShown(page)).toEqual(['Emplacement : champ obligatoire manquant', "Sous-type d'événement : champ obligatoire"]);
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('takes the date day first in a browser set to English, and keeps blank counts unknown', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Nouvel incident' }).click();
    const date = page.locator('#incident-occurredAt');
    expect(await date.getAttribute('placeholder')).toBe('jj/mm/aaaa hh:mm');
    expect(await date.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await date.fill('03/11/2026 07:45');
    // Read as the 3rd of November, and said so in words.
    await expect.poll(() => page.locator('.field:has(#incident-occurredAt) .date-readout').textContent()).toContain('3 nov. 2026');

    // The place list closes on a choice and stays closed.
    await page.getByLabel('Rechercher un lieu').fill('Diboli');
    await page.getByTestId('place-results').getByRole('button').first().click();
    await page.waitForTimeout(600);
    expect(await page.getByTestId('place-results').count()).toBe(0);
    await expect.poll(() => page.getByTestId('incident-location').textContent()).toMatch(/Lat\./);

    await page.getByLabel("Type d'événement", { exact: true }).selectOption('Border activity');
    await page.getByLabel("Sous-type d'événement", { exact: true }).selectOption('Smuggling');
    await page.getByLabel('Récit', { exact: true }).fill('Trois pirogues chargées de carburant sur la Falémé.');
    // A patrol leader records; choosing who receives it belongs to coordinators and analysts.
    expect(await page.locator('.release-chooser').count()).toBe(0);
    expect(await page.getByTestId('incident-release-default').textContent()).toContain('Sénégal');
    await screenshot(page, 'incident-form-lead');
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => response.url().endsWith('/api/v1/incidents') && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const created = (await answer.json()) as ApiIncident;
    recorded = created.id;
    const stored = (await apiCall<ApiIncident>(page, 'GET', `/api/v1/incidents/${recorded}`)).body;
    expect(stored).toMatchObject({ fatalities: null, injured: null, abducted: null, releasableTo: ['SN'] });
    const local = new Date(2026, 10, 3, 7, 45);
    expect(stored.occurredAt).toBe(local.toISOString());
    await expect.poll(() => page.getByTestId('incident-fatalities').textContent()).toBe('non renseigné');
  });

  it('edits an incident, confirms and refutes it (asked twice), and lists who recorded each version', async () => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, 'coord.ml');
    await page.getByLabel('Seulement la zone visible').uncheck();
    await page.locator(`[data-incident-id="${recorded}"]`).click();
    const details = page.getByTestId('incident-details');
    await details.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Tués', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => details.getByTestId('incident-fatalities').textContent()).toBe('2');
    const versions = details.getByTestId('incident-versions');
    await expect.poll(() => versions.locator(':scope > li').count()).toBe(2);
    expect(await versions.locator('[data-version="2"]').textContent()).toContain('coord.ml');
    expect(await versions.locator('[data-version="2"]').textContent()).toContain('Tués : non renseigné → 2');
    expect(await versions.locator('[data-version="1"]').textContent()).toContain('lead.ml');

    await details.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => details.getByTestId('incident-status').textContent()).toBe('Confirmé');
    await details.getByRole('button', { name: 'Infirmer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Infirmer' });
    await dialog.waitFor();
    await screenshot(page, 'incident-refute-asked');
    await dialog.getByRole('button', { name: 'Retour' }).click();
    expect(await details.getByTestId('incident-status').textContent()).toBe('Confirmé');
    await details.getByRole('button', { name: 'Infirmer' }).click();
    await dialog.getByRole('button', { name: 'Infirmer' }).click();
    await expect.poll(() => details.getByTestId('incident-status').textContent()).toBe('Infirmé');
    await expect.poll(() => versions.locator(':scope > li').count()).toBe(4);
    expect(await versions.locator('[data-version="4"]').textContent()).toContain('Statut : Confirmé → Infirmé');
    await details.locator('.version-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'incident-versions');
  });

  it('shows a partner only the versions released to it, and no way to change the record', async () => {
    const { page } = session.browser;
    const national = await apiCall<ApiIncident>(page, 'POST', '/api/v1/incidents', {
      occurredAt: '2026-11-28T08:00:00Z',
      location: { lat: 14.43, lon: -12.2 },
      eventType: 'Border activity',
      subEventType: 'Illegal crossing',
      narrative: 'Version nationale, à ne pas diffuser.',
      releasableTo: [],
    });
    await apiCall(page, 'PATCH', `/api/v1/incidents/${national.body.id}`, { narrative: 'Version diffusée au Sénégal.', releasableTo: ['SN'] });
    await logIn(page, session.node.origin, 'liaison.sn');
    await page.getByLabel('Seulement la zone visible').uncheck();
    await page.locator(`[data-incident-id="${national.body.id}"]`).click();
    const details = page.getByTestId('incident-details');
    const versions = details.getByTestId('incident-versions');
    await expect.poll(() => versions.locator(':scope > li').count()).toBe(1);
    expect(await versions.textContent()).toContain('Version 2');
    expect(await versions.textContent()).toContain('Première version diffusée à votre nation');
    expect(await details.textContent()).not.toContain('Version nationale');
    expect(await details.locator('[data-verb]').count()).toBe(0);
  });
});
