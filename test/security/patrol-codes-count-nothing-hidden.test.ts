import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patrol } from '../../src/contracts/patrol.js';
import { storeNewPatrol } from '../../src/services/patrol-service.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { patrolRecord } from '../support/patrol-record.js';

// Finding (issue 17, while building the patrol codes): numbered by a counter, a patrol's code told
// a partner how many patrols it had not been shown (it saw ML-1 and ML-3: ML-2 exists and is
// national). The code is now drawn from the patrol's own id: the code of a patrol Senegal sees is
// the same whether or not Mali planned national patrols before it.

let quiet: DemoNode;
let busy: DemoNode;
beforeAll(async () => {
  [quiet, busy] = await Promise.all([startDemoNode(), startDemoNode()]);
});
afterAll(async () => Promise.all([quiet.close(), busy.close()]));

const at = '2026-12-01T08:00:00.000Z';
const patrol = (id: string, releasableTo: string[]): Patrol =>
  patrolRecord({ id, owner: 'ML', releasableTo, plannedStart: at, plannedEnd: at, createdAt: at, updatedAt: at });

describe('patrol codes', () => {
  it('of the patrols Senegal sees do not depend on the national patrols planned before them', async () => {
    for (let i = 0; i < 7; i++) await storeNewPatrol(busy.node, patrol(`national-${i}`, []));
    const codes = async (demo: DemoNode) => {
      const seen: string[] = [];
      for (const id of ['shared-1', 'shared-2', 'shared-3']) seen.push((await storeNewPatrol(demo.node, patrol(id, ['SN']))).code);
      return seen;
    };
    const [withoutNational, afterNational] = [await codes(quiet), await codes(busy)];
    expect(afterNational).toEqual(withoutNational);
    const asSeen = async (demo: DemoNode) =>
      (await demo.call('GET', '/api/v1/patrols', { as: 'coord.sn' })).body.features.map((f: { properties: { code: string } }) => f.properties.code).sort();
    expect(await asSeen(busy)).toEqual(await asSeen(quiet));
  });
});
