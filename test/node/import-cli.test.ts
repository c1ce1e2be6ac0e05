import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { diboli } from '../support/cli-in-process.js';

// `diboli import acled FILE --data DIR [--dry-run]` on a demo node's data folder.

const dir = mkdtempSync(join(tmpdir(), 'diboli-import-'));
const SAMPLE = fileURLToPath(new URL('../fixtures/acled/kayes-sample.csv', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counts() {
  const store = await openStore(dir);
  try {
    const n = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { incidents: n('incidents'), imported: n('imported_events') };
  } finally {
    await store.close();
  }
}

describe('diboli import acled', () => {
  it('reports a dry run without writing, imports, then finds every row already there', async () => {
    expect((await diboli(['demo', '--data', dir])).code).toBe(0);
    const before = await counts();
    const dry = await diboli(['import', 'acled', SAMPLE, '--data', dir, '--dry-run']);
    expect(dry.stdout.split('\n')[0]).toBe('14 lignes lues; 6 incident(s) seraient créés; 2 doublon(s); 6 refusée(s)');
    expect(dry.stdout).toContain('ligne 7 MLI90005: Valeur illisible dans la colonne event_date : « 2024-13-45 ».');
    expect(dry.code).toBe(1);
    expect(await counts()).toEqual(before);

    const done = await diboli(['import', 'acled', SAMPLE, '--data', dir, '--lang', 'en']);
    expect(done.stdout.split('\n')[0]).toBe('14 rows read; 6 incident(s) created; 2 duplicate(s); 6 refused');
    expect(done.stdout).toContain('line 15 MLI90012: same type, day and place as demo-ml-0002');
    expect(await counts()).toEqual({ incidents: before.incidents + 6, imported: before.imported + 6 });

    const again = await diboli(['import', 'acled', SAMPLE, '--data', dir, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, rowsRead: 14 });
    expect(await counts()).toEqual({ incidents: before.incidents + 6, imported: before.imported + 6 });
  }, 120_000);

  it('says how it is used', async () => {
    expect((await diboli(['import', '--help'])).stdout).toContain('diboli import acled FILE --data DIR [--dry-run]');
    expect((await diboli(['--help'])).stdout).toMatch(/import\s+import a nation’s history from ACLED’s CSV/);
    expect((await diboli(['import', 'gpx', SAMPLE, '--data', dir])).code).toBe(2);
    expect((await diboli(['import', 'acled', join(dir, 'missing.csv'), '--data', dir])).code).toBe(2);
  });
});
