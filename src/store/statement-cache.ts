import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Distinct statements kept ready; a statement's text varies only with the length of its IN lists. */
const STATEMENTS_KEPT = 512;

/**
 * The connection as Kysely sees it, with each statement prepared once and kept. Kysely prepares the
 * statement of every query it runs afresh, and on the map's hot path (a hundred tiles a second,
 * each with its session, its area version and its rows) preparing took a third of the time SQLite
 * spent. A kept statement that is still being read (an open iterator) is not handed out twice: a
 * fresh one is prepared for the second reader. SQLite prepares a kept statement again by itself
 * when a migration changes the schema.
 */
export function withKeptStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new LRUCache<string, SQLite.Statement>({ max: STATEMENTS_KEPT });
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const statement = kept.get(text);
      if (statement && !statement.busy) return statement;
      const prepared = sqlite.prepare(text);
      kept.set(text, prepared);
      return prepared;
    },
  };
}
