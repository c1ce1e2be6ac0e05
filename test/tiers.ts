import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which tier each test file runs in (vitest projects of the same names, see vitest.config.ts).
 *
 * - `unit`: pure code, as plain data in and out. No SQLite file, no server, no child process, no
 *   browser; reading the repository's own files is fine. The whole tier stays under 10 seconds:
 *   `npm run test:unit` is the loop to run while editing.
 * - `integration`: a real SQLite file, the real server, CLI processes, several nodes as peers.
 * - `browser`: drives Chromium, through the web UI or the situation report's PDF printer.
 *
 * An entry is a folder (ending in `/`) or one file. A file takes the tier of its longest matching
 * entry, so one file named here overrides its folder. A test file that matches no entry runs in no
 * project: test/tiers.test.ts fails and names it.
 */
export const TIERS = {
  unit: [
    'test/architecture/',
    'test/contract/',
    'test/domain/',
    'test/geo/',
    'test/osint/',
    'test/web/',
    'test/tiers.test.ts',
    'test/early-warning/alert-rules.test.ts',
    'test/early-warning/cap-document.test.ts',
    'test/early-warning/cap-schema.test.ts',
    'test/early-warning/coverage.test.ts',
    'test/early-warning/early-warning-config.test.ts',
    'test/early-warning/patrol-recommendation.test.ts',
    'test/early-warning/threat-level.test.ts',
    'test/early-warning/threat-score.test.ts',
    'test/federation/protocol.test.ts',
    'test/map/tile-cache.test.ts',
    'test/map/mvt-point-layer.test.ts',
    'test/security/hostile-article-is-read-in-bounded-work.test.ts',
    'test/tak/cot-mapping.test.ts',
    'test/tak/cot-reading.test.ts',
  ],
  integration: [
    'test/api/',
    'test/early-warning/',
    'test/federation/',
    'test/field/',
    'test/field-messages/',
    'test/news/',
    'test/map/',
    'test/node/',
    'test/security/',
    'test/store/',
    'test/tak/',
    // Runs the CLI on files in a temporary folder.
    'test/osint/cli-extract.test.ts',
  ],
  browser: [
    'test/e2e/',
    'test/security/browser-hardening-headers.test.ts',
    'test/security/buttons-follow-node-permissions.test.ts',
    'test/security/one-browser-prints-reports.test.ts',
    'test/security/report-marking-names-who-may-receive-it.test.ts',
    'test/early-warning/node-sitrep.test.ts',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Tier = keyof typeof TIERS;

/** The tiers a file matches at its longest entry: one when it is classified, none or several when not. */
export function tiersOf(file: string): Tier[] {
  let longest = 0;
  let found: Tier[] = [];
  for (const [tier, entries] of Object.entries(TIERS) as [Tier, readonly string[]][]) {
    for (const entry of entries) {
      const matches = entry.endsWith('/') ? file.startsWith(entry) : file === entry;
      if (!matches || entry.length < longest) continue;
      if (entry.length > longest) found = [];
      longest = entry.length;
      if (!found.includes(tier)) found.push(tier);
    }
  }
  return found;
}

/** Every test file of the repository, as a path from its root with forward slashes. */
export function testFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'test'));
  return files.sort();
}

/** The test files of one tier (the vitest project's `include`). */
export function filesOf(tier: Tier, root: string): string[] {
  return testFiles(root).filter((file) => {
    const tiers = tiersOf(file);
    return tiers.length === 1 && tiers[0] === tier;
  });
}
