import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident, feedPage, linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';

// What Senegal's node reads from Mali's feed, cursors included, must not depend on how much Mali
// released to Mauritania (or kept national) in between.
let ml: TestNode;
let sn: TestNode;
let mr: TestNode;

beforeAll(async () => {
  [ml, sn, mr] = await Promise.all([startNode('ML'), startNode('SN'), startNode('MR')]);
  await linkAll([ml, sn, mr]);
});

afterAll(async () => {
  for (const n of [ml, sn, mr]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

describe('each partner nation has its own feed sequence', () => {
  it('moves a nation’s cursor by one per envelope for that nation, whatever went to others', async () => {
    const first = await createIncident(ml, ['SN']);
    const before = await feedPage(sn, ml, 0);
    expect(before.envelopes.map((e) => e.id)).toEqual([first.id]);
    expect(before.next).toBe(1);

    for (let i = 0; i < 7; i++) await createIncident(ml, ['MR']);
    for (let i = 0; i < 5; i++) await createIncident(ml, []);
    const second = await createIncident(ml, ['SN', 'MR']);

    const after = await feedPage(sn, ml, before.next);
    expect(after.envelopes.map((e) => e.id)).toEqual([second.id]);
    expect(after.next).toBe(2);
    // Mauritania's sequence counts its own envelopes only: seven, then the shared one.
    const forMr = await feedPage(mr, ml, 0);
    expect(forMr.envelopes).toHaveLength(8);
    expect(forMr.next).toBe(8);

    // The puller stores the per-nation cursor it was given.
    const peer = (await sn.node.repos.peers.byNation('ML'))!;
    await sn.puller.pullOnce(peer);
    expect((await sn.node.repos.peers.byNation('ML'))!.cursor).toBe(2);
  });
});
