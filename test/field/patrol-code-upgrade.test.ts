import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import * as m1 from '../../src/store/migrations/0001-initial.js';
import * as m2 from '../../src/store/migrations/0002-federation.js';
import * as m3 from '../../src/store/migrations/0003-early-warning.js';
import * as m4 from '../../src/store/migrations/0004-news.js';
import * as m5 from '../../src/store/migrations/0005-patrol-approval-records.js';
import * as m6 from '../../src/store/migrations/0006-accounts.js';
import * as m7 from '../../src/store/migrations/0007-nation-feeds-and-secondments.js';
import * as m8 from '../../src/store/migrations/0008-derived-per-audience.js';
import * as m9 from '../../src/store/migrations/0009-imported-events.js';
import * as m10 from '../../src/store/migrations/0010-stream-log-and-alert-chains.js';
import * as m11 from '../../src/store/migrations/0011-incident-versions.js';
import * as m12 from '../../src/store/migrations/0012-incident-area-versions.js';
import type { Patrol } from '../../src/contracts/patrol.js';
import { patrolCode, patrolCodeNumber } from '../../src/domain/patrol-code.js';
import { openStore } from '../../src/store/database.js';
import { storeReceived } from '../../src/store/received-records.js';
import { PatrolRepository } from '../../src/store/patrol-repository.js';
import { removeFolder } from '../federation/nodes.js';

// A node of the release before patrol codes holds patrols of its own and copies of a partner's.
// The upgrade gives each the code drawn from its id, as the owner's node does for its own; should
// the owner have drawn again for one of them, the code it sends for another patrol wins over the
// number this node gave its copy.
const dir = mkdtempSync(join(tmpdir(), 'diboli-codes-'));
afterAll(() => removeFolder(dir));

const EARLIER: Record<string, Migration> = {
  '0001-initial': m1,
  '0002-federation': m2,
  '0003-early-warning': m3,
  '0004-news': m4,
  '0005-patrol-approval-records': m5,
  '0006-accounts': m6,
  '0007-nation-feeds-and-secondments': m7,
  '0008-derived-per-audience': m8,
  '0009-imported-events': m9,
  '0010-stream-log-and-alert-chains': m10,
  '0011-incident-versions': m11,
  '0012-incident-area-versions': m12,
};

async function earlierReleaseNode(): Promise<void> {
  const sqlite = new SQLite(join(dir, 'diboli.db'));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => EARLIER } }).migrateToLatest();
  if (error) throw error;
  const put = sqlite.prepare(
    `INSERT INTO patrols (id, owner, releasable_to, version, created_at, updated_at, name, kind, status, nations, unit_ids, planned_start, planned_end)
     VALUES (?, ?, '[]', 1, ?, ?, ?, 'national', 'draft', ?, '[]', '2026-01-01', '2026-01-02')`,
  );
  const patrol = (id: string, owner: string, createdAt: string) => put.run(id, owner, createdAt, createdAt, id, JSON.stringify([owner]));
  patrol('z-first', 'ML', '2026-01-01T08:00:00.000Z');
  patrol('a-third', 'ML', '2026-01-03T08:00:00.000Z');
  patrol('m-second', 'ML', '2026-01-02T08:00:00.000Z');
  patrol('sn-later', 'SN', '2026-01-05T08:00:00.000Z');
  patrol('sn-earlier', 'SN', '2026-01-04T08:00:00.000Z');
  await db.destroy();
}

describe('upgrading a node whose patrols have no code', () => {
  it('gives them the codes drawn from their ids, as their owners do', async () => {
    await earlierReleaseNode();
    const store = await openStore(dir);
    const drawn = (id: string, owner: string) => patrolCode(owner, patrolCodeNumber(id));
    try {
      const rows = await store.db.selectFrom('patrols').select(['id', 'code', 'leaderUserId', 'reporterUserIds']).orderBy('id').execute();
      expect(rows).toEqual(
        [
          ['a-third', 'ML'],
          ['m-second', 'ML'],
          ['sn-earlier', 'SN'],
          ['sn-later', 'SN'],
          ['z-first', 'ML'],
        ].map(([id, owner]) => ({ id, code: drawn(id!, owner!), leaderUserId: null, reporterUserIds: '[]' })),
      );
      const patrols = new PatrolRepository(store.db);

      // Senegal's node drew again for one of its patrols: the copy it sends gives the code this node
      // drew for sn-earlier to another patrol. The owner's code wins; the copy waits for its next version.
      const copy = (await store.db.transaction().execute((trx) => patrols.findIn(trx, 'sn-later')))!;
      const taken = drawn('sn-earlier', 'SN');
      const received: Patrol = { ...copy, id: 'sn-other', code: taken, version: 1, leaderUserId: 'sn-lead', reporterUserIds: [] };
      await store.db.transaction().execute((trx) => storeReceived(trx, 'patrol', received));
      const after = await store.db.selectFrom('patrols').select(['id', 'code']).where('owner', '=', 'SN').orderBy('id').execute();
      expect(after).toEqual([
        { id: 'sn-earlier', code: `${taken}~sn-earlier` },
        { id: 'sn-later', code: drawn('sn-later', 'SN') },
        { id: 'sn-other', code: taken },
      ]);
    } finally {
      await store.close();
    }
  });
});
