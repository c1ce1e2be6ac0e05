import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/*
 * The store's handles as the layers above hold them: they pass a handle or a transaction on to
 * repositories and never write SQL themselves, so they need not know the query builder.
 */

/** The node's database, through the query builder. */
export type DatabaseHandle = Kysely<Database>;
/** A transaction open on it: repositories given it write inside it. */
export type DatabaseTransaction = Transaction<Database>;
/** The raw connection under the same database, for the store's prepared hot paths. */
export type SqliteConnection = SQLite.Database;
