import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { filesOf } from './test/tiers.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// Three tiers, one project each (test/tiers.ts says which file runs where). `vitest run` runs all
// of them; `vitest run --project unit` is the fast loop.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: filesOf('unit', root), pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'integration', include: filesOf('integration', root) } },
      { extends: true, test: { name: 'browser', include: filesOf('browser', root) } },
    ],
  },
});
