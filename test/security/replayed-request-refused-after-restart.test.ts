import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedAnswer, linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';

// Finding 12: a signed feed request captured on the wire must not be served a second time, even
// when the serving node restarted in between (its timestamp is still inside the replay window).
let ml: TestNode;
let sn: TestNode;

beforeAll(async () => {
  [ml, sn] = await Promise.all([startNode('ML'), startNode('SN')]);
  await linkAll([ml, sn]);
});

afterAll(async () => {
  for (const n of [ml, sn]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

describe('a replayed feed request after a restart', () => {
  it('is refused by the restarted node', async () => {
    const first = await feedAnswer(sn, ml, 0, 10);
    expect(first.status).toBe(200);
    const path = '/federation/v1/feed?after=0&limit=10&wait=0';

    await ml.close();
    ml = await startNode('ML', ml.dataDir);
    const replay = await fetch(`${ml.url}${path}`, { headers: first.headers });
    expect(replay.status).toBe(401);
    expect(await replay.text()).not.toContain('envelopes');

    // An honest request signed afresh is still served.
    expect((await feedAnswer(sn, ml, 0, 10)).status).toBe(200);
  });
});
