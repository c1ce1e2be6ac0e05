import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeFolder, removeFolder } from '../federation/nodes.js';
import { runDiboli } from '../support/node-process.js';

// Finding 13, second half: the triggers that make the audit log append-only were dropped (or
// rewritten to let changes through) by hand; `diboli audit verify` must say so.
let dir: string;

beforeAll(async () => {
  if (!existsSync('dist/src/cli/main.js')) throw new Error('build first: npx tsc -p tsconfig.build.json');
  dir = await initNodeFolder('ML');
}, 60_000);

afterAll(() => {
  if (dir) removeFolder(dir);
});

function onDatabase(work: (db: SQLite.Database) => void): void {
  const db = new SQLite(join(dir, 'diboli.db'));
  try {
    work(db);
  } finally {
    db.close();
  }
}

describe('audit verify and the append-only triggers', () => {
  it('passes while both triggers are in place', async () => {
    const run = await runDiboli(['audit', 'verify', '--data', dir]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('reports a dropped trigger, though no entry was touched', async () => {
    onDatabase((db) => db.exec('DROP TRIGGER audit_log_no_delete'));
    const run = await runDiboli(['audit', 'verify', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/audit_log_no_delete/);
    expect(run.stderr).toMatch(/missing/);
  }, 60_000);

  it('reports a trigger rewritten to let changes through', async () => {
    onDatabase((db) => db.exec('CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END'));
    const run = await runDiboli(['audit', 'verify', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/audit_log_no_delete/);
    expect(run.stderr).toMatch(/altered/);
  }, 60_000);
});
