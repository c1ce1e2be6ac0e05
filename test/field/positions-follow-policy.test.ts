import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17: a partner sees a patrol's positions only as the mechanism's position policy says,
// whether they came from the field app or the API (SMS, radio and TAK call the same service).

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
});
afterAll(async () => demo.close());

const trackOf = async (id: string, as: string) => (await demo.call('GET', `/api/v1/patrols/${id}/track`, { as })).body.properties.positions as number;

describe('positions from every channel follow the position policy', () => {
  it('withholds them from a partner the policy leaves out, and gives them once the policy names it', async () => {
    const lead = (await demo.node.repos.users.findByUsername('lead.ml'))!.id;
    const created = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: {
        name: 'Patrouille conjointe de terrain',
        kind: 'joint',
        unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
        plannedStart: '2027-03-01T08:00:00Z',
        plannedEnd: '2027-03-01T18:00:00Z',
        leaderUserId: lead,
      },
    });
    const id = created.body.id as string;
    expect((await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'coord.ml' })).status).toBe(200);
    for (const as of ['coord.ml', 'coord.sn']) expect((await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as })).status).toBe(200);
    expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).status).toBe(200);
    const at = (i: number) => new Date(Date.parse('2027-03-01T09:00:00Z') + i * 60_000).toISOString();
    for (const [i, reportedVia] of [
      [0, 'field'],
      [1, 'api'],
    ] as const) {
      const sent = await demo.call('POST', `/api/v1/patrols/${id}/positions`, {
        as: 'lead.ml',
        body: { positions: [{ at: at(i), lat: 14.4551, lon: -12.1995, clientId: `p-${i}` }], reportedVia },
      });
      expect(sent.body).toEqual({ accepted: 1, duplicates: 0 });
    }

    expect(demo.node.mechanism.sharingPolicy.position).toEqual([]);
    expect(await trackOf(id, 'coord.ml')).toBe(2);
    expect(await trackOf(id, 'coord.sn')).toBe(0);
    expect(await trackOf(id, 'liaison.sn')).toBe(0);

    // The same node under a mechanism whose policy releases positions to Senegal.
    demo.node.mechanism.sharingPolicy.position = ['SN'];
    try {
      expect(await trackOf(id, 'coord.sn')).toBe(2);
    } finally {
      demo.node.mechanism.sharingPolicy.position = [];
    }
  });
});
