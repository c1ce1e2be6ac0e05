import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diboli } from '../support/cli-in-process.js';
import { screenshot, type Browser } from './browser.js';
import type { RunningNode } from './node.js';
import { authenticators, logIn } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

const PASSWORD = 'fromager hirondelle pagaie';
let session: UiSession;
let node: RunningNode;
let browser: Browser;

describe('second factor in the web UI', () => {
  beforeAll(async () => {
    session = await startUiSession();
    ({ node, browser } = session);
    // A coordinator the administrator has just added: no second factor yet.
    const added = await diboli(
      ['user', 'add', '--data', node.dataDir!, '--username', 'kadia.ml', '--nation', 'ML', '--role', 'coordinator', '--name', 'Cne Kadia Touré'],
      `${PASSWORD}\n`,
    );
    expect(added.code).toBe(0);
  });

  afterAll(async () => session?.stop());

  let secret: string;
  let recoveryCodes: string[];

  it('takes a new coordinator through enrolment: QR code, secret, first code, recovery codes shown once', async () => {
    const { page } = browser;
    await page.goto(`${node.origin}/`);
    await page.locator('#login-username').fill('kadia.ml');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form.login-card button[type=submit]').click();
    await page.getByRole('heading', { name: 'Activer la double authentification' }).waitFor();
    expect(await page.getByTestId('enrolment-qr').locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    secret = ((await page.getByTestId('enrolment-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, '21-second-factor-enrolment');

    await page.locator('#enrolment-code').fill('000000');
    await page.locator('form.login-card button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Code incorrect');

    await page.locator('#enrolment-code').fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await page.locator('form.login-card button[type=submit]').click();
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    recoveryCodes = (await list.locator('code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await screenshot(page, '22-second-factor-recovery-codes');
    await page.getByRole('button', { name: /J’ai noté mes codes/ }).click();
    await expect.poll(() => page.getByTestId('identity').textContent()).toContain('Coordinateur');
    // Shown once: back on the page, the codes are gone.
    await page.reload();
    await page.getByTestId('identity').waitFor();
    expect(await page.getByTestId('recovery-codes').count()).toBe(0);
  });

  it('asks for the code after the password, refuses a wrong one, and lets a recovery code stand in', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.locator('#login-username').fill('kadia.ml');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form.login-card button[type=submit]').click();
    await page.locator('#login-code').waitFor();
    await page.locator('#login-code').fill('123456');
    await page.locator('form.login-card button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Code incorrect');
    await screenshot(page, '23-second-factor-code-refused');
    await page.locator('#login-code').fill(recoveryCodes[0]!);
    await page.locator('form.login-card button[type=submit]').click();
    await expect.poll(() => page.getByTestId('identity').textContent()).toContain('Coordinateur');
  });

  it('logs the demo coordinator in with the code of his authenticator', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.locator('#login-username').fill('coord.ml');
    await page.locator('#login-password').fill((await import('../../src/cli/demo-content.js')).DEMO_PASSWORD);
    await page.locator('form.login-card button[type=submit]').click();
    await page.locator('#login-code').waitFor();
    await screenshot(page, '20-second-factor-code');
    await page.locator('#login-code').fill(authenticators.codeFor('coord.ml', new Date())!);
    await page.locator('form.login-card button[type=submit]').click();
    await expect.poll(() => page.getByTestId('identity').textContent()).toContain('Coordinateur');
    // The helper the other browser tests use goes through the same steps.
    await logIn(page, node.origin, 'admin.ml');
    await expect.poll(() => page.getByTestId('identity').textContent()).toContain('Administrateur');
  });
});
