import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../src/store/audit-repository.js';
import { createIncident, linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';
import { runDiboli } from '../support/node-process.js';

// Finding 13: someone with the database in hand edits an audit entry, recomputes the whole chain
// and its stored head, and puts the triggers back. The node alone cannot tell; a partner that
// pulled Mali's feed before the rewrite holds anchors of the old chain, and says so.
let ml: TestNode;
let sn: TestNode;

beforeAll(async () => {
  if (!existsSync('dist/src/cli/main.js')) throw new Error('build first: npx tsc -p tsconfig.build.json');
  [ml, sn] = await Promise.all([startNode('ML'), startNode('SN')]);
  await linkAll([ml, sn]);
}, 60_000);

afterAll(async () => {
  for (const n of [ml, sn]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

const TRIGGERS = [
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
];

/** Edits the entry that recorded `recordId`, then recomputes every hash after it and the stored head. */
function rewriteChain(dataDir: string, recordId: string): void {
  const db = new SQLite(join(dataDir, 'diboli.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      const target = db.prepare("SELECT seq, detail FROM audit_log WHERE action = 'record.write' AND detail LIKE ?").get(`%${recordId}%`) as {
        seq: number;
        detail: string;
      };
      db.prepare('UPDATE audit_log SET detail = ? WHERE seq = ?').run(target.detail.replace('"releasableTo":["SN"]', '"releasableTo":[]'), target.seq);
      const rows = db.prepare('SELECT seq, at, action, detail FROM audit_log ORDER BY seq').all() as {
        seq: number;
        at: string;
        action: string;
        detail: string;
      }[];
      let prev = GENESIS_HASH;
      const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
      for (const row of rows) {
        const hash = auditHash(prev, row.seq, row.at, row.action, row.detail);
        update.run(prev, hash, row.seq);
        prev = hash;
      }
      db.prepare("UPDATE node_meta SET value = ? WHERE key = 'auditHead'").run(`${rows.at(-1)!.seq}:${prev}`);
      for (const trigger of TRIGGERS) db.exec(trigger);
    })();
  } finally {
    db.close();
  }
}

describe('a rewritten audit chain', () => {
  it('is intact by its own hashes but caught against the anchors Senegal holds', async () => {
    const incident = await createIncident(ml, ['SN'], 'Passage de convoi');
    const peer = (await sn.node.repos.peers.byNation('ML'))!;
    await sn.puller.pullOnce(peer);
    expect(await sn.incidentIds()).toContain(incident.id);
    expect((await runDiboli(['audit', 'verify', '--data', ml.dataDir])).code).toBe(0);

    rewriteChain(ml.dataDir, incident.id);
    expect(await ml.node.repos.audit.verify()).toMatchObject({ ok: true });
    const run = await runDiboli(['audit', 'verify', '--data', ml.dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SN/);
  }, 60_000);
});
