import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFolder, startNode, type TestNode } from '../federation/nodes.js';

// Finding 12, second half: a flood of unsigned feed requests must not grow the audit log by one
// entry each; refusals are counted per reason, caller and minute.
let ml: TestNode;

beforeAll(async () => {
  ml = await startNode('ML');
});

afterAll(async () => {
  if (!ml) return;
  await ml.close();
  removeFolder(ml.dataDir);
});

async function refusalEntries(node: TestNode) {
  const rows = await node.store.db.selectFrom('auditLog').select(['detail']).where('action', '=', 'feed.refused').execute();
  return rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
}

describe('refused feed calls', () => {
  it('1,000 unsigned requests leave a handful of audit entries that count them all', async () => {
    const before = (await ml.store.db.selectFrom('auditLog').select('seq').execute()).length;
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${ml.url}/federation/v1/feed?after=0`)));
      expect(answers.every((a) => a.status === 401)).toBe(true);
    }
    // Closing the node writes the minute still being counted.
    const dir = ml.dataDir;
    await ml.close();
    ml = await startNode('ML', dir);

    const entries = await refusalEntries(ml);
    const after = (await ml.store.db.selectFrom('auditLog').select('seq').execute()).length;
    // The first refusal of the minute at once, the rest in one count when the minute closed (two
    // minutes at most if the flood straddled a minute's end).
    expect(after - before).toBeLessThanOrEqual(4);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.length).toBeLessThanOrEqual(4);
    expect(entries.every((e) => e.reason === 'missing-or-malformed-signature-headers')).toBe(true);
    expect(entries.reduce((sum, e) => sum + Number(e.count), 0)).toBe(1000);
    expect(await ml.node.repos.audit.verify()).toMatchObject({ ok: true });
  }, 60_000);
});
