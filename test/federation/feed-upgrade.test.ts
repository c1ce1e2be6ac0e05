import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import * as initial from '../../src/store/migrations/0001-initial.js';
import * as federation from '../../src/store/migrations/0002-federation.js';
import * as earlyWarning from '../../src/store/migrations/0003-early-warning.js';
import * as news from '../../src/store/migrations/0004-news.js';
import * as approvals from '../../src/store/migrations/0005-patrol-approval-records.js';
import { openStore } from '../../src/store/database.js';
import { OutboxRepository } from '../../src/store/outbox-repository.js';
import { removeFolder } from './nodes.js';

// A node of the earlier release had one global outbox sequence; its partners hold cursors in it.
// After the upgrade those cursors must stay valid: nothing skipped, nothing served twice.
const dir = mkdtempSync(join(tmpdir(), 'diboli-upgrade-'));
afterAll(() => removeFolder(dir));

const envelope = (id: string, version: number, releasableTo: string[], kind = 'incident') =>
  JSON.stringify({ origin: 'ML', kind, id, version, releasableTo, body: { id }, signedAt: '2026-01-01T00:00:00.000Z', signature: 'x' });

async function earlierReleaseNode(): Promise<void> {
  const sqlite = new SQLite(join(dir, 'diboli.db'));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  const migrations = {
    '0001-initial': initial,
    '0002-federation': federation,
    '0003-early-warning': earlyWarning,
    '0004-news': news,
    '0005-patrol-approval-records': approvals,
  };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
  const queue = sqlite.prepare(
    "INSERT INTO outbox (origin, kind, record_id, version, released_to, envelope, queued_at) VALUES ('ML', ?, ?, ?, ?, ?, '2026-01-01')",
  );
  const release = sqlite.prepare('INSERT INTO outbox_release (nation, seq) VALUES (?, ?)');
  const put = (kind: string, id: string, version: number, to: string[]) => {
    const { lastInsertRowid } = queue.run(kind, id, version, JSON.stringify(to), envelope(id, version, to, kind));
    for (const nation of to) release.run(nation, lastInsertRowid);
  };
  put('incident', 'a', 1, ['SN']); // seq 1
  put('incident', 'b', 1, ['MR']); // seq 2
  put('incident', 'a', 2, ['SN', 'MR']); // seq 3
  put('incident', 'c', 1, ['SN']); // seq 4
  put('retraction', 'incident:a', 3, ['SN']); // seq 5
  await db.destroy();
}

describe('upgrading a node with a global feed sequence', () => {
  it('keeps the positions partners have read up to, and numbers what follows per nation', async () => {
    await earlierReleaseNode();
    const store = await openStore(dir);
    try {
      const outbox = new OutboxRepository(store.db);
      // Senegal had read up to 3 (incident a v2): it gets c and the retraction, at their old numbers.
      const forSn = await outbox.page('SN', 3, 100);
      expect(forSn.envelopes.map((e) => JSON.parse(e).id)).toEqual(['c', 'incident:a']);
      expect(forSn.next).toBe(5);
      // From 0, only the newest envelope of each record is left.
      expect((await outbox.page('SN', 0, 100)).envelopes.map((e) => JSON.parse(e).version)).toEqual([1, 3]);
      expect((await outbox.page('MR', 0, 100)).envelopes.map((e) => JSON.parse(e).id)).toEqual(['b', 'a']);
      // Superseded envelopes left the outbox: a v1 went for good.
      expect((await store.db.selectFrom('outbox').select('seq').execute()).map((r) => r.seq)).toEqual([2, 3, 4, 5]);

      // The next envelope for Mauritania follows Mauritania's highest position, not the global one.
      await store.db
        .transaction()
        .execute((trx) => outbox.append(trx, [{ envelope: JSON.parse(envelope('d', 1, ['MR'])), subject: 'incident:d' }], '2026-01-02'));
      const forMr = await outbox.page('MR', 3, 100);
      expect(forMr.envelopes.map((e) => JSON.parse(e).id)).toEqual(['d']);
      expect(forMr.next).toBe(4);
    } finally {
      await store.close();
    }
  });
});
