import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS, openStore } from '../../src/store/database.js';
import { removeFolder } from '../federation/nodes.js';

/**
 * What a migration that fills a table from data already stored must match: `read` of a node that
 * held the data written by `write` before `migration` and was then upgraded, and of a node that
 * was upgraded first and had the same data written afterwards (its triggers did the work).
 */
export async function readUpgradedAndFresh<T>(
  migration: string,
  write: (sqlite: SQLite.Database) => void,
  read: (sqlite: SQLite.Database) => T,
): Promise<{ upgraded: T; fresh: T }> {
  const dir = mkdtempSync(join(tmpdir(), `diboli-upgrade-${migration}-`));
  try {
    const [upgradedDir, freshDir] = [join(dir, 'upgraded'), join(dir, 'fresh')];
    mkdirSync(upgradedDir);
    mkdirSync(freshDir);
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < migration));
    const old = new SQLite(join(upgradedDir, 'diboli.db'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: old }), plugins: [new CamelCasePlugin()] });
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before as Record<string, Migration> } }).migrateToLatest();
    if (error) throw error;
    write(old);
    await db.destroy();

    const upgradedStore = await openStore(upgradedDir);
    const freshStore = await openStore(freshDir);
    write(freshStore.sqlite);
    const found = { upgraded: read(upgradedStore.sqlite), fresh: read(freshStore.sqlite) };
    await upgradedStore.close();
    await freshStore.close();
    return found;
  } finally {
    removeFolder(dir);
  }
}
