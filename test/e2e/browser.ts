import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';

export const SCREENSHOTS = 'test-output/screenshots';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every request the pages made to anything but the node (data: and blob: stay in the page). */
  foreignRequests: string[];
  /** What the node's Content-Security-Policy blocked in any page: none may be blocked. */
  policyViolations: string[];
  /** Closes the browser; fails when a page broke the node's Content-Security-Policy. */
  close: () => Promise<void>;
}

/**
 * Reports each `securitypolicyviolation` of every page and frame to the test. Workers report
 * theirs to the console of the page that started them, which is watched too.
 */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  window.__reportPolicyViolation?.(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + event.documentURI);
});`;

/** `locale` is the browser's own language (French by default); the UI's language is chosen in the UI. */
export async function openBrowser(origin: string, viewport = { width: 1280, height: 800 }, locale = 'fr-FR'): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'diboli-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    // The Chromium the node prints reports with: DIBOLI_CHROMIUM, else the configured default.
    executablePath: loadConfig({ dataDir: profile }, process.env).chromiumPath,
    headless: true,
    viewport,
    locale,
    args: [`--lang=${locale}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  const policyViolations: string[] = [];
  await context.exposeBinding('__reportPolicyViolation', (_source, text: string) => void policyViolations.push(text));
  await context.addInitScript(REPORT_VIOLATIONS);
  const watchConsole = (page: Page) =>
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
  context.pages().forEach(watchConsole);
  context.on('page', watchConsole);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    foreignRequests,
    policyViolations,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (policyViolations.length > 0) throw new Error(`the node's Content-Security-Policy blocked:\n${[...new Set(policyViolations)].join('\n')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
