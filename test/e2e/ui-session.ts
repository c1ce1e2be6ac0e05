import { existsSync } from 'node:fs';
import { openBrowser, type Browser } from './browser.js';
import { startDemoNode, type RunningNode } from './node.js';

export interface UiSession {
  node: RunningNode;
  browser: Browser;
  stop: () => Promise<void>;
}

/** A demo node and a browser on it, for one test file. Fails at once when the UI was not built. */
export async function startUiSession(options: { locale?: string } = {}): Promise<UiSession> {
  if (!existsSync('web/dist/index.html') && !process.env.DIBOLI_E2E_ORIGIN) {
    throw new Error('web/dist is missing: run `npm run build` (it builds the web UI) first');
  }
  const node = await startDemoNode();
  let browser: Browser;
  try {
    browser = await openBrowser(node.origin, undefined, options.locale);
  } catch (error) {
    await node.stop();
    throw error;
  }
  return {
    node,
    browser,
    stop: async () => {
      try {
        await browser.close();
      } finally {
        await node.stop();
      }
    },
  };
}
