import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What happened, in the audit log's words: `record.write`, `envelope.queued`, `feed.served`, … */
export interface AuditEntry {
  action: string;
  detail: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'auditHead';

/** Hash of one entry: it covers the previous entry's hash, so no entry can change or go unseen. */
export function auditHash(prevHash: string, seq: number, at: string, action: string, detail: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${at}\n${action}\n${detail}`).digest('hex');
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; firstBad: number; problem: string };

/**
 * The two triggers that refuse UPDATE and DELETE on the audit log, exactly as migration 0002 made
 * them. Someone who drops or rewrites them can edit the log; `diboli audit verify` says so.
 */
const APPEND_ONLY_TRIGGERS: Record<string, string> = {
  audit_log_no_update: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
  audit_log_no_delete: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
};

const sameSql = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * The node's append-only audit log. Entries are appended inside the caller's transaction, so an
 * entry exists exactly when the change it records does. The newest entry's seq and hash are also
 * kept in node_meta: removing entries from the end of the chain leaves it pointing at nothing.
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends in the caller's transaction; answers the hash of the newest entry (undefined when nothing was appended). */
  async append(trx: Db, at: string, entries: readonly AuditEntry[]): Promise<string | undefined> {
    if (entries.length === 0) return undefined;
    const last = await trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      seq += 1;
      const detail = JSON.stringify(entry.detail);
      const hash = auditHash(prevHash, seq, at, entry.action, detail);
      const row = { seq, at, action: entry.action, detail, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // Chunks stay under SQLite's limit of bound parameters.
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('auditLog')
        .values(rows.slice(i, i + 500))
        .execute();
    const head = `${seq}:${prevHash}`;
    await trx
      .insertInto('nodeMeta')
      .values({ key: HEAD_KEY, value: head })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: head }))
      .execute();
    return prevHash;
  }

  /** Appends in a transaction of its own, for events that change nothing else (a refused request). */
  async record(at: string, entries: readonly AuditEntry[]): Promise<string | undefined> {
    return this.db.transaction().execute((trx) => this.append(trx, at, entries));
  }

  async recent(limit: number): Promise<{ seq: number; at: string; action: string; detail: Record<string, unknown> }[]> {
    const rows = await this.db.selectFrom('auditLog').select(['seq', 'at', 'action', 'detail']).orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  /** What is wrong with the triggers that keep the log append-only: missing, altered or added ones. */
  async triggerProblems(): Promise<string[]> {
    const rows = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`.execute(
      this.db,
    );
    const found = new Map(rows.rows.map((r) => [r.name, r.sql ?? '']));
    const problems: string[] = [];
    for (const [name, text] of Object.entries(APPEND_ONLY_TRIGGERS)) {
      const actual = found.get(name);
      if (actual === undefined) problems.push(`the append-only trigger ${name} is missing`);
      else if (!sameSql(actual, text)) problems.push(`the append-only trigger ${name} was altered`);
    }
    for (const name of found.keys()) if (!(name in APPEND_ONLY_TRIGGERS)) problems.push(`an unexpected trigger ${name} is on the audit log`);
    return problems;
  }

  /**
   * Walks the whole chain; names the first entry that was edited, removed or inserted. `anchors`
   * are hashes partners hold of this chain (see `federation/anchors.ts`): a whole chain rewritten
   * with fresh hashes no longer holds them, and `missingAnchors` names those it lacks.
   */
  async verify(anchors: Iterable<string> = []): Promise<AuditVerdict & { missingAnchors: string[] }> {
    const missing = new Set(anchors);
    const verdict = await this.walk(missing);
    return { ...verdict, missingAnchors: [...missing] };
  }

  private async walk(missingAnchors: Set<string>): Promise<AuditVerdict> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let entries = 0;
    const pageSize = 5000;
    for (;;) {
      const rows = await this.db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        if (row.seq !== expectedSeq) return { ok: false, entries, firstBad: expectedSeq, problem: `entry ${expectedSeq} is missing` };
        if (row.prevHash !== prevHash) return { ok: false, entries, firstBad: row.seq, problem: `entry ${row.seq} does not follow entry ${row.seq - 1}` };
        if (auditHash(prevHash, row.seq, row.at, row.action, row.detail) !== row.hash) {
          return { ok: false, entries, firstBad: row.seq, problem: `entry ${row.seq} was changed after it was written` };
        }
        prevHash = row.hash;
        missingAnchors.delete(row.hash);
        expectedSeq += 1;
        entries += 1;
      }
      if (rows.length < pageSize) break;
    }
    const head = await this.db.selectFrom('nodeMeta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
    if (head) {
      const [seqText, hash] = head.value.split(':');
      const headSeq = Number(seqText);
      if (headSeq !== entries || hash !== prevHash) {
        const firstBad = Math.min(headSeq, entries + 1);
        return { ok: false, entries, firstBad, problem: `the log ends at entry ${entries} but entry ${headSeq} was written` };
      }
    } else if (entries > 0) {
      return { ok: false, entries, firstBad: 1, problem: 'the record of the newest entry is missing' };
    }
    return { ok: true, entries };
  }
}
