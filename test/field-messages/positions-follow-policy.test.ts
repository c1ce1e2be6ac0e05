import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { FieldSenders } from '../../src/services/field-senders.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17: a partner sees a joint patrol's positions only as the mechanism's position policy
// says, when they came by SMS or by radio as when they came from the field app or the API.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
});
afterAll(async () => demo.close());

const trackOf = async (id: string, as: string) => (await demo.call('GET', `/api/v1/patrols/${id}/track`, { as })).body.properties.positions as number;

describe('positions sent by SMS and radio follow the position policy', () => {
  it('withholds them from a partner the policy leaves out, and gives them once the policy names it', async () => {
    const lead = (await demo.node.repos.users.findByUsername('lead.ml'))!.id;
    const created = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: {
        name: 'Patrouille conjointe par SMS',
        kind: 'joint',
        unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
        plannedStart: '2027-03-01T08:00:00Z',
        plannedEnd: '2027-03-01T18:00:00Z',
        leaderUserId: lead,
      },
    });
    const { id, code } = created.body as { id: string; code: string };
    expect((await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'coord.ml' })).status).toBe(200);
    for (const as of ['coord.ml', 'coord.sn']) expect((await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as })).status).toBe(200);

    const senders = new FieldSenders(demo.node);
    const { token } = await senders.addGateway('Passerelle');
    await senders.bindPhone(undefined, 'lead.ml', '+22376000001');
    const sms = async (text: string) =>
      (
        await demo.app.inject({
          method: 'POST',
          url: '/api/v1/field/sms',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ id: text, from: '+22376000001', text }),
        })
      ).json().reply as string;
    expect(await sms(`DEBUT ${code}`)).toMatch(/démarrée/);
    expect(await sms(`POS ${code} 14.4551 -12.1995 0900`)).toMatch(/^Position .* enregistrée/);
    expect(await sms(`POS ${code} 1427.3N 01212.0W 0910`)).toMatch(/^Position .* enregistrée/);
    const radio = await demo.call('POST', '/api/v1/field/radio', { as: 'coord.ml', body: { senderUserId: lead, text: `POS ${code} 28PHA0192999902 0920` } });
    expect(radio.body.outcome).toBe('recorded');

    expect(demo.node.mechanism.sharingPolicy.position).toEqual([]);
    expect(await trackOf(id, 'coord.ml')).toBe(3);
    expect(await trackOf(id, 'coord.sn')).toBe(0);
    expect(await trackOf(id, 'liaison.sn')).toBe(0);
    demo.node.mechanism.sharingPolicy.position = ['SN'];
    try {
      expect(await trackOf(id, 'coord.sn')).toBe(3);
    } finally {
      demo.node.mechanism.sharingPolicy.position = [];
    }
  });
});
