import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { apiCall, logIn, shownIncidentCount } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// What planners reach in the UI: coverage and its gaps, recommendations made draft patrols in one
// click, drafts changed, a patrol cancelled only once asked twice, an override lifted early, and
// the incident list searched.

let session: UiSession;
let drafted: string;

interface Coverage {
  sections: { section: string }[];
  gaps: { section: string }[];
}

beforeAll(async () => {
  session = await startUiSession();
});
afterAll(async () => session?.stop());

describe('planning in the UI', () => {
  it('lists every section by time since its last patrol, gaps first and marked', async () => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, 'coord.ml');
    await page.getByRole('tab', { name: 'Couverture' }).click();
    const table = page.getByTestId('coverage-table');
    await table.waitFor();
    const coverage = (await apiCall<Coverage>(page, 'GET', '/api/v1/coverage')).body;
    expect(coverage.gaps.length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(coverage.sections.length);
    const gapRows = table.locator('tbody tr.gap');
    expect(await gapRows.count()).toBe(coverage.gaps.length);
    // The gaps head the table.
    for (let i = 0; i < coverage.gaps.length; i++) expect(await table.locator('tbody tr').nth(i).getAttribute('class')).toBe('gap');
    expect(await page.getByTestId('coverage-gaps').textContent()).toContain(`${coverage.gaps.length} lacune`);
    await screenshot(page, 'coverage-panel');
  });

  it('turns a recommendation into a draft joint patrol in one click, with its score explained', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Proposer des itinéraires' }).click();
    const proposal = page.getByTestId('proposals').locator('.proposal').first();
    await proposal.waitFor();
    expect(await proposal.locator('.explanation').textContent()).toMatch(/Score \d/);
    expect(await proposal.locator('.score-terms tbody tr').count()).toBeGreaterThan(0);
    await proposal.scrollIntoViewIfNeeded();
    await screenshot(page, 'recommendations');
    const [answer] = await Promise.all([
      page.waitForResponse((response: Response) => /\/api\/v1\/recommendations\/1\/draft$/.test(response.url())),
      proposal.getByRole('button', { name: 'Créer le brouillon de patrouille' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    drafted = ((await answer.json()) as { patrol: { id: string } }).patrol.id;
    const card = page.locator(`[data-patrol-id="${drafted}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('draft');
    expect(await page.getByRole('tab', { name: 'Patrouilles' }).getAttribute('aria-selected')).toBe('true');
  });

  it('changes the draft before it is proposed', async () => {
    const { page } = session.browser;
    const card = page.locator(`[data-patrol-id="${drafted}"]`);
    await card.getByRole('button', { name: 'Modifier' }).click();
    const name = page.getByLabel('Nom', { exact: true });
    expect(await name.inputValue()).toMatch(/^Proposition 1/);
    await name.fill('Patrouille conjointe de la Falémé');
    await page.getByLabel('Début prévu').fill('');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => page.locator('.entity-form .field-error').allTextContents()).toEqual(['Début prévu : format incorrect']);
    // Half an hour earlier than proposed (tomorrow, 06:00), typed day first.
    const start = new Date();
    start.setDate(start.getDate() + 1);
    start.setHours(5, 30, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Début prévu').fill(`${pad(start.getDate())}/${pad(start.getMonth() + 1)}/${start.getFullYear()} 05:30`);
    expect(await page.locator('.entity-form .field-error').count()).toBe(0);
    await screenshot(page, 'patrol-draft-edit');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => card.locator('.patrol-name').textContent()).toBe('Patrouille conjointe de la Falémé');
    const stored = (await apiCall<{ plannedStart: string; status: string }>(page, 'GET', `/api/v1/patrols/${drafted}`)).body;
    expect(stored).toMatchObject({ plannedStart: start.toISOString(), status: 'draft' });
  });

  it('cancels a patrol only once the coordinator confirms it', async () => {
    const { page } = session.browser;
    const card = page.locator(`[data-patrol-id="${drafted}"]`);
    await card.getByRole('button', { name: 'Annuler la patrouille' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler la patrouille' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Patrouille conjointe de la Falémé');
    await screenshot(page, 'patrol-cancel-asked');
    await dialog.getByRole('button', { name: 'Retour' }).click();
    expect(await card.getAttribute('data-status')).toBe('draft');
    await card.getByRole('button', { name: 'Annuler la patrouille' }).click();
    await dialog.getByRole('button', { name: 'Annuler la patrouille' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('cancelled');
  });

  it('lifts an override before its expiry', async () => {
    const { page } = session.browser;
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('coverage-table').getByRole('button', { name: 'ML-SN-07' }).click();
    await page.getByRole('tab', { name: 'Détails' }).click();
    const details = page.getByTestId('section-details');
    await details.waitFor();
    await page.getByLabel('Niveau', { exact: true }).selectOption('critical');
    await page.getByLabel('Motif', { exact: true }).fill('Renseignement : regroupement signalé près de Kidira');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => details.getAttribute('data-level')).toBe('critical');
    await details.getByRole('button', { name: 'Lever le forçage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lever le forçage' });
    await dialog.getByRole('button', { name: 'Lever le forçage' }).click();
    await expect.poll(() => details.getAttribute('data-level')).not.toBe('critical');
    expect(await details.getByRole('button', { name: 'Lever le forçage' }).count()).toBe(0);
    await screenshot(page, 'override-lifted');
  });

  it('searches the list by words, in any case and with or without accents', async () => {
    const { page } = session.browser;
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByLabel('Seulement la zone visible').uncheck();
    await page.getByTestId('incident-search').fill('FALEME');
    const expected = (await apiCall<{ features: unknown[] }>(page, 'GET', '/api/v1/incidents?q=fal%C3%A9m%C3%A9')).body.features.length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => shownIncidentCount(page)).toBe(expected);
    await page.getByTestId('export-links').locator('summary').click();
    // The file offered is the list as shown: the same words, the same incidents.
    const link = page.getByTestId('export-links').locator('a[data-format="geojson"]');
    await expect.poll(() => link.count()).toBe(1);
    const href = (await link.getAttribute('href'))!;
    expect(new URL(href, 'http://node').searchParams.get('q')).toBe('FALEME');
    const exported = (await apiCall<{ features: unknown[] }>(page, 'GET', href)).body.features.length;
    expect(exported).toBe(expected);
    await screenshot(page, 'incident-search');
    await page.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(() => page.getByTestId('incident-search').inputValue()).toBe('');
  });

  it('prints the report’s version a partner may receive', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Rapport de situation' }).click();
    const pdf = page.getByTestId('sitrep-pdf');
    expect(new URLSearchParams((await pdf.getAttribute('href'))!.split('?')[1]).get('for')).toBeNull();
    await page.getByTestId('sitrep-audience').selectOption('SN');
    expect(new URLSearchParams((await pdf.getAttribute('href'))!.split('?')[1]).get('for')).toBe('SN');
    await screenshot(page, 'sitrep-version-for-partner');
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('sitrep-html').click()]);
    await report.waitForLoadState();
    expect(await report.locator('.marking').first().textContent()).toBe('Diffusable à : SN');
    await report.close();
    await page.keyboard.press('Escape');
  });
});
