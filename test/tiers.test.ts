import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIERS, testFiles, tiersOf } from './tiers.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('test tiers', () => {
  it('puts every test file in exactly one tier, so that none silently runs in no project', () => {
    const files = testFiles(root);
    expect(files.length).toBeGreaterThan(100);
    const unclassified = files.filter((file) => tiersOf(file).length !== 1);
    expect(unclassified, 'add these files to test/tiers.ts').toEqual([]);
  });

  it('names no file or folder that does not exist', () => {
    const files = testFiles(root);
    const stale = Object.values(TIERS)
      .flat()
      .filter((entry) => !files.some((file) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)));
    expect(stale).toEqual([]);
  });

  it('takes the longest entry, so that one file named in a tier overrides its folder', () => {
    expect(tiersOf('test/osint/cli-extract.test.ts')).toEqual(['integration']);
    expect(tiersOf('test/osint/lexicon.test.ts')).toEqual(['unit']);
    expect(tiersOf('test/security/one-browser-prints-reports.test.ts')).toEqual(['browser']);
    expect(tiersOf('test/elsewhere/new.test.ts')).toEqual([]);
  });
});
