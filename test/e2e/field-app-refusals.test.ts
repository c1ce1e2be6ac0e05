import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { api, heldByNode, logInApi, logInField, openFieldApp, planPatrol, smallTargets, START, waiting } from './field-app.js';
import { freePort, type NodeProcess, startNodeProcess } from './node.js';

// What the node refuses is kept on the device and shown to the leader with the node's reason,
// never dropped: here the patrol is cancelled at headquarters while its leader, offline on a
// rugged tablet, goes on recording.

const TABLET = { width: 800, height: 1280 };

describe('the field app keeps what the node refuses', () => {
  let dataDir: string;
  let node: NodeProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'diboli-field-'));
    node = await startNodeProcess(dataDir, await freePort());
  }, 120_000);

  afterAll(async () => {
    await node?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the records of a patrol cancelled meanwhile with the node’s reason, and the node stores none of them', async () => {
    const patrol = await planPatrol(node.origin, 'Patrouille annulée en route');
    const browser = await openFieldApp(node.origin, TABLET);
    const { page, context } = browser;
    try {
      await logInField(page, node.origin);
      await page.getByRole('button', { name: patrol.name }).click();
      await page.getByRole('button', { name: 'Démarrer', exact: true }).click();
      await expect.poll(() => page.getByTestId('last-sync').textContent(), { timeout: 15_000 }).not.toContain('jamais');
      await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe(0);
      const sentOnline = (await heldByNode(node.origin, patrol.id)).positions;
      await context.setOffline(true);

      const positions = page.getByTestId('positions');
      const first = Number(await positions.getAttribute('data-count'));
      for (let i = 1; i <= 3; i++) {
        await context.setGeolocation({ latitude: START.lat + i * 0.0001, longitude: START.lon, accuracy: 10 });
        await expect.poll(async () => Number(await positions.getAttribute('data-count'))).toBe(first + i);
      }
      await page.getByRole('button', { name: 'Observation', exact: true }).click();
      await page.locator('#field-note').fill('Troupeau traversant la rivière');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByRole('button', { name: 'Terminer', exact: true }).waitFor();
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, 'field-tablet-patrol');

      const coordinator = await logInApi(node.origin, 'coord.ml');
      expect((await api(node.origin, coordinator, 'POST', `/api/v1/patrols/${patrol.id}/cancel`, {})).status).toBe(200);
      await context.setOffline(false);
      await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(0);

      await page.getByTestId('refused-count').click();
      const refused = page.getByTestId('refused-item');
      await expect.poll(() => refused.count()).toBe(2);
      expect(await refused.nth(0).textContent()).toContain('Position × 3');
      expect(await refused.nth(0).textContent()).toContain('Les positions ne sont acceptées que pour une patrouille en cours.');
      expect(await refused.nth(1).textContent()).toContain('Observation');
      await screenshot(page, 'field-tablet-refused');

      // Still there after a reload: refused items are kept on the device.
      await page.reload();
      await page.getByTestId('refused-count').click();
      await expect.poll(() => page.getByTestId('refused-item').count()).toBe(2);
      const held = await heldByNode(node.origin, patrol.id);
      expect(held).toMatchObject({ positions: sentOnline, observations: 0, status: 'cancelled' });
    } finally {
      await browser.close();
    }
  }, 300_000);
});
