import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial.js';
import * as federation from './migrations/0002-federation.js';
import * as earlyWarning from './migrations/0003-early-warning.js';
import * as news from './migrations/0004-news.js';
import * as patrolApprovalRecords from './migrations/0005-patrol-approval-records.js';
import * as accounts from './migrations/0006-accounts.js';
import * as nationFeedsAndSecondments from './migrations/0007-nation-feeds-and-secondments.js';
import * as derivedPerAudience from './migrations/0008-derived-per-audience.js';
import * as importedEvents from './migrations/0009-imported-events.js';
import * as streamLogAndAlertChains from './migrations/0010-stream-log-and-alert-chains.js';
import * as incidentVersions from './migrations/0011-incident-versions.js';
import * as incidentAreaVersions from './migrations/0012-incident-area-versions.js';
import * as fieldReporting from './migrations/0013-field-reporting.js';
import * as fieldMessages from './migrations/0014-field-messages.js';
import * as takCertificates from './migrations/0015-tak-certificates.js';
import * as incidentCellCounts from './migrations/0016-incident-cell-counts.js';
import * as trackVertices from './migrations/0017-track-vertices.js';
import * as incidentCountsByYearAndArea from './migrations/0018-incident-counts-by-year-and-area.js';
import * as trackCellCounts from './migrations/0019-track-cell-counts.js';
import * as incidentsByPlace from './migrations/0020-incidents-by-place.js';
import * as trackLongSegments from './migrations/0021-track-long-segments.js';
import { makeFilesPrivate, makePrivate } from './private-folder.js';
import type { Database } from './schema.js';
import { withKeptStatements } from './statement-cache.js';
import { registerTextFunctions } from './text-search.js';

export const DATABASE_FILE = 'diboli.db';

/** Numbered migrations, applied in order; a shipped one is never edited. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-federation': federation,
  '0003-early-warning': earlyWarning,
  '0004-news': news,
  '0005-patrol-approval-records': patrolApprovalRecords,
  '0006-accounts': accounts,
  '0007-nation-feeds-and-secondments': nationFeedsAndSecondments,
  '0008-derived-per-audience': derivedPerAudience,
  '0009-imported-events': importedEvents,
  '0010-stream-log-and-alert-chains': streamLogAndAlertChains,
  '0011-incident-versions': incidentVersions,
  '0012-incident-area-versions': incidentAreaVersions,
  '0013-field-reporting': fieldReporting,
  '0014-field-messages': fieldMessages,
  '0015-tak-certificates': takCertificates,
  '0016-incident-cell-counts': incidentCellCounts,
  '0017-track-vertices': trackVertices,
  '0018-incident-counts-by-year-and-area': incidentCountsByYearAndArea,
  '0019-track-cell-counts': trackCellCounts,
  '0020-incidents-by-place': incidentsByPlace,
  '0021-track-long-segments': trackLongSegments,
};

export interface Store {
  db: Kysely<Database>;
  /** The raw connection, for the few hot paths where a prepared statement is measurably faster. */
  sqlite: SQLite.Database;
  /** The data folder the database lives in (photos are files beside it). */
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * A second connection to a node's database that only reads, for a thread beside the node's (the
 * map's tile threads): no migration (the node ran them), and SQLite refuses any write on it.
 */
export function openReader(dataDir: string): Store {
  const sqlite = new SQLite(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  registerTextFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withKeptStatements(sqlite) }), plugins: [new CamelCasePlugin()] });
  return { db, sqlite, dataDir, close: () => db.destroy() };
}

export interface OpenOptions {
  synchronous?: 'normal' | 'full';
}

/**
 * Opens (and migrates) the node's database in `dataDir`. WAL mode: a write is durable once its
 * transaction commits, so an acknowledged write survives the process being killed.
 */
export async function openStore(dataDir: string, options: OpenOptions = {}): Promise<Store> {
  makePrivate(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const sqlite = new SQLite(file);
  // Before the first read: the WAL and shared-memory files SQLite makes next take this mode.
  makeFilesPrivate([file]);
  sqlite.pragma('journal_mode = WAL');
  makeFilesPrivate([`${file}-wal`, `${file}-shm`]);
  sqlite.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerTextFunctions(sqlite);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withKeptStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, sqlite, dataDir, close: () => db.destroy() };
}
