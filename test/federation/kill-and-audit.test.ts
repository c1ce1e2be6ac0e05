import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/database.js';
import { createNodeContext } from '../../src/composition.js';
import { registerPeer } from '../../src/services/peer-registration.js';
import { storeNewIncident } from '../../src/services/incident-service.js';
import { initNodeFolder, removeFolder } from './nodes.js';
import { incidentRecord } from '../support/incident-record.js';
import { runDiboli as runCli } from '../support/node-process.js';
import { freePort, startCli, startServe, stopProcess, until, type Running } from './processes.js';

const RELEASED = 6000;
let mlDir: string;
let snDir: string;
let mlPort: number;
let snPort: number;
const running: Running[] = [];

/** Opens a node folder in this process for a moment (the node's processes are not running on it then). */
async function withNode<T>(dataDir: string, work: (node: Awaited<ReturnType<typeof createNodeContext>>) => Promise<T>): Promise<T> {
  const store = await openStore(dataDir);
  try {
    return await work(await createNodeContext(loadConfig({ dataDir }, {}), store));
  } finally {
    await store.close();
  }
}

function incident(i: number): Incident {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return incidentRecord({
    id: `ml-bulk-${i}`,
    owner: 'ML',
    releasableTo: ['SN'],
    createdAt: at,
    updatedAt: at,
    occurredAt: at,
    location: { lat: 14.4 + (i % 50) / 1000, lon: -12.2 },
    narrative: `Rapport ${i}`,
    source: { kind: 'patrol', name: null, reliability: 'B', credibility: 2 },
  });
}

/** Reads the SN node's state from outside its process. */
function snState(): { cursor: number; received: number } {
  const db = new SQLite(join(snDir, 'diboli.db'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const cursor = (db.prepare("SELECT cursor FROM peers WHERE nation = 'ML'").get() as { cursor: number } | undefined)?.cursor ?? 0;
    const received = (db.prepare("SELECT count(*) AS n FROM incidents WHERE owner = 'ML'").get() as { n: number }).n;
    return { cursor, received };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!existsSync('dist/src/cli/main.js')) throw new Error('build first: npx tsc -p tsconfig.build.json');
  [mlDir, snDir] = await Promise.all([initNodeFolder('ML'), initNodeFolder('SN')]);
  [mlPort, snPort] = [await freePort(), await freePort()];
  const mlKey = await withNode(mlDir, async (node) => {
    for (let i = 0; i < RELEASED; i++) await storeNewIncident(node, incident(i));
    return (await node.repos.keys.keys())!.publicKey;
  });
  const snKey = await withNode(snDir, async (node) => {
    await registerPeer(node, { nation: 'ML', url: `http://127.0.0.1:${mlPort}`, key: mlKey });
    return (await node.repos.keys.keys())!.publicKey;
  });
  await withNode(mlDir, (node) => registerPeer(node, { nation: 'SN', url: `http://127.0.0.1:${snPort}`, key: snKey }));
}, 180_000);

afterAll(async () => {
  for (const r of running) await stopProcess(r, 'SIGKILL');
  for (const dir of [mlDir, snDir]) if (dir) removeFolder(dir);
});

describe('killed processes', () => {
  it('a puller killed mid-pull leaves whole pages only, and a restart resumes from its cursor', async () => {
    const ml = await startServe(mlDir, mlPort);
    running.push(ml);

    const sync = startCli(['sync', '--data', snDir]);
    running.push(sync);
    expect(await until(() => snState().cursor > 0, 60_000)).toBe(true);
    sync.child.kill('SIGKILL');
    await sync.exited;
    const atKill = snState();
    expect(atKill.cursor).toBeLessThan(RELEASED);
    // Records and cursor moved together: exactly the records up to the cursor are there.
    expect(atKill.received).toBe(atKill.cursor);

    // Now the serving node dies while the puller is working.
    const second = startCli(['sync', '--data', snDir]);
    running.push(second);
    await until(() => snState().cursor > atKill.cursor, 60_000);
    ml.child.kill('SIGKILL');
    await ml.exited;
    expect(await second.exited).not.toBe(0);
    const afterServerKill = snState();
    expect(afterServerKill.received).toBe(afterServerKill.cursor);

    // Both back: the Senegal node, serving, pulls the rest by itself.
    running.push(await startServe(mlDir, mlPort));
    const sn = await startServe(snDir, snPort);
    running.push(sn);
    expect(await until(() => snState().received === RELEASED, 90_000, 200)).toBe(true);
    expect(snState().cursor).toBe(RELEASED);
    await stopProcess(sn);
  }, 240_000);

  it('audit verify passes on an untouched log and names the entry edited or removed by hand', async () => {
    for (const r of running) await stopProcess(r);
    const intact = await runCli(['audit', 'verify', '--data', snDir]);
    expect(intact.code).toBe(0);

    const db = new SQLite(join(snDir, 'diboli.db'));
    // The entries are edited with the append-only triggers dropped (which verify reports too) and
    // checked again once they are back as they were.
    const triggersBack = () =>
      db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
    const verifiedWithTriggers = async () => {
      triggersBack();
      try {
        return await runCli(['audit', 'verify', '--data', snDir]);
      } finally {
        db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      }
    };
    try {
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      const original = db.prepare('SELECT detail FROM audit_log WHERE seq = 3').get() as { detail: string };
      db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 3').run(original.detail.replace('"SN"', '"MR"').replace('ML', 'MR'));
      const edited = await runCli(['audit', 'verify', '--data', snDir]);
      expect(edited.code).toBe(1);
      expect(edited.stderr).toMatch(/entry 3\b/);

      db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 3').run(original.detail);
      expect((await verifiedWithTriggers()).code).toBe(0);

      const fifth = db.prepare('SELECT * FROM audit_log WHERE seq = 5').get() as Record<string, unknown>;
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      const removed = await runCli(['audit', 'verify', '--data', snDir]);
      expect(removed.code).toBe(1);
      expect(removed.stderr).toMatch(/entry 5\b/);
      db.prepare('INSERT INTO audit_log (seq, at, action, detail, prev_hash, hash) VALUES (@seq, @at, @action, @detail, @prev_hash, @hash)').run(fifth);
      expect((await verifiedWithTriggers()).code).toBe(0);

      const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
      // Cutting the newest entry off leaves no gap in the chain; the recorded head still tells.
      const truncated = await runCli(['audit', 'verify', '--data', snDir]);
      expect(truncated.code).toBe(1);
      expect(truncated.stderr).toMatch(new RegExp(`entry ${last - 1}|entry ${last}\\b`));
    } finally {
      db.close();
    }
  }, 60_000);
});
