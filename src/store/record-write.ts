import type { Transaction } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import type { WrittenRecord } from '../federation/release-plan.js';
import type { Database } from './schema.js';

/** One local write of a shared record, told to the hook inside the write's own transaction. */
export interface RecordWrite {
  record: WrittenRecord;
  /** Releasability before the write; undefined for a new record. */
  previous: NationCode[] | undefined;
  deleted?: boolean;
}

/** Runs in the write's transaction: whatever it adds commits or rolls back with the write. */
export type RecordWriteHook = (trx: Transaction<Database>, write: RecordWrite) => Promise<void>;
