import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, screenshot } from './browser.js';
import { cameraPhoto, heldByNode, logInField, openFieldApp, planPatrol, POSITIONS, smallTargets, START, waiting } from './field-app.js';
import { freePort, type NodeProcess, startNodeProcess } from './node.js';

// A patrol leader runs a patrol from a phone with no link from the start to the debrief: 200
// positions, 3 observations with a photo each, the end and the debrief wait on the device, survive a
// reload without a link, and reach the node exactly once when the link comes back — also when the
// node is killed in the middle of receiving them and started again on the same data.

/** Logs lead.ml in, starts the patrol online, then records everything else with no link, and reloads. */
async function runPatrolOffline(browser: Browser, origin: string, patrol: { id: string; code: string; name: string }, name: string): Promise<void> {
  const { page, context } = browser;
  await logInField(page, origin);
  await page.getByRole('button', { name: patrol.name }).click();
  await expect.poll(() => page.getByTestId('patrol-code').textContent()).toBe(patrol.code);
  // The app is on the device before the link goes.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await screenshot(page, `field-${name}-patrol`);

  // Started with a link: once the start is sent, only the first fix (if any) waits; then the link goes.
  await page.getByRole('button', { name: 'Démarrer', exact: true }).click();
  const positions = page.getByTestId('positions');
  const recordedFixes = async () => Number(await positions.getAttribute('data-count'));
  // The node took the start (and the first fix, if the receiver gave one) when nothing waits.
  await expect.poll(() => page.getByTestId('last-sync').textContent(), { timeout: 15_000 }).not.toContain('jamais');
  await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe(0);
  await context.setOffline(true);
  await expect.poll(() => page.getByTestId('link').textContent()).toBe('Hors ligne');
  const sentOnline = await recordedFixes();

  for (let i = (await recordedFixes()) + 1; i <= POSITIONS; i++) {
    await context.setGeolocation({ latitude: START.lat - i * 0.00005, longitude: START.lon + i * 0.0002, accuracy: 10 });
    await expect.poll(recordedFixes, { timeout: 10_000 }).toBe(i);
  }
  await screenshot(page, `field-${name}-tracking`);
  expect(await smallTargets(page)).toEqual([]);

  for (const [index, hue] of [0, 120, 240].entries()) {
    await page.getByRole('button', { name: 'Observation', exact: true }).click();
    await page.locator('#field-event-type').selectOption('Border activity');
    await page.locator('#field-count-people').fill(String(index + 2));
    await page.locator('#field-note').fill(`Passage de motos n° ${index + 1}`);
    await page.locator('#field-photo').setInputFiles({ name: `photo-${index}.png`, mimeType: 'image/png', buffer: await cameraPhoto(page, hue) });
    await expect.poll(() => page.getByTestId('photo-count').textContent(), { timeout: 15_000 }).toBe('1 photo');
    if (index === 0) {
      await screenshot(page, `field-${name}-observation`);
      expect(await smallTargets(page)).toEqual([]);
    }
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('button', { name: 'Terminer', exact: true }).waitFor();
  }

  await page.getByRole('button', { name: 'Terminer', exact: true }).click();
  await page.getByRole('button', { name: 'Confirmer la fin', exact: true }).click();
  await page.locator('#field-debrief').fill('RAS sur l’axe. Trois passages de motos vers la Falémé.');
  await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
  await page.getByTestId('debrief-done').waitFor();
  const recorded = POSITIONS - sentOnline + 3 + 3 + 2;
  await expect.poll(() => waiting(page)).toBe(recorded);

  // A reload with no link: the page from the device, the session and the outbox from IndexedDB.
  await page.reload();
  await expect.poll(() => waiting(page), { timeout: 15_000 }).toBe(recorded);
  await expect.poll(() => page.getByRole('button', { name: patrol.name }).isVisible()).toBe(true);
  await screenshot(page, `field-${name}-offline-reloaded`);
}

describe('the field app runs a patrol offline from start to debrief', () => {
  let dataDir: string;
  let port: number;
  let node: NodeProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'diboli-field-'));
    port = await freePort();
    node = await startNodeProcess(dataDir, port);
  }, 120_000);

  afterAll(async () => {
    await node?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps 200 positions, 3 observations with photos and the debrief through a reload offline, and the node holds each once', async () => {
    const patrol = await planPatrol(node.origin, 'Patrouille terrain hors ligne');
    const browser = await openFieldApp(node.origin);
    try {
      await runPatrolOffline(browser, node.origin, patrol, 'offline');
      await browser.context.setOffline(false);
      await expect.poll(() => waiting(browser.page), { timeout: 60_000 }).toBe(0);
      await screenshot(browser.page, 'field-offline-synced');
      const held = await heldByNode(node.origin, patrol.id);
      expect(held).toMatchObject({ positions: POSITIONS, observations: 3, status: 'completed' });
      expect(new Set(held.photos).size).toBe(3);
      expect(held.photos).toHaveLength(3);
      expect(held.debrief).toContain('RAS sur l’axe');
      expect(await browser.page.getByTestId('refused-count').count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 300_000);

  it('stores nothing twice when the node is killed in the middle of the sync and started again on the same data', async () => {
    const patrol = await planPatrol(node.origin, 'Patrouille terrain coupure');
    const browser = await openFieldApp(node.origin);
    const { page, context } = browser;
    try {
      await runPatrolOffline(browser, node.origin, patrol, 'killed');
      // The positions reach the node and are stored, the answer is lost on the way back, and the
      // node dies without a word: the app must send them again, and the node keep them once.
      let batches = 0;
      let killed!: Promise<void>;
      const lostAnswer = new Promise<void>((resolve) => {
        void page.route(`**/api/v1/patrols/${patrol.id}/positions`, async (route) => {
          if (++batches !== 1) return route.continue();
          const stored = await route.fetch();
          expect(stored.status()).toBe(200);
          killed = node.kill('SIGKILL');
          await route.abort('connectionreset');
          resolve();
        });
      });
      await context.setOffline(false);
      await lostAnswer;
      await killed;
      const left = await waiting(page);
      expect(left).toBeGreaterThan(0);

      // With the node down, the app still opens from the device and keeps what waits.
      await page.reload();
      await expect.poll(() => waiting(page), { timeout: 15_000 }).toBeGreaterThan(0);
      await screenshot(page, 'field-killed-node-down');

      node = await startNodeProcess(dataDir, port);
      await expect.poll(() => waiting(page), { timeout: 120_000 }).toBe(0);
      const held = await heldByNode(node.origin, patrol.id);
      expect(held).toMatchObject({ positions: POSITIONS, observations: 3, status: 'completed' });
      expect(held.photos).toHaveLength(3);
      expect(new Set(held.photos).size).toBe(3);
      expect(held.debrief).toContain('RAS sur l’axe');
      expect(await page.getByTestId('refused-count').count()).toBe(0);
      await screenshot(page, 'field-killed-synced');
    } finally {
      await browser.close();
    }
  }, 400_000);
});
