import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Mali's demo node holds Senegal's incident demo-sn-0005 as a copy received from Senegal's node.
let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('a record received from a partner is read-only on the receiving node', () => {
  it('refuses an edit by an officer of the owner nation seconded here, and the copy keeps its version', async () => {
    const before = await demo.call('GET', '/api/v1/incidents/demo-sn-0005', { as: 'coord.sn' });
    expect(before.status).toBe(200);
    const edit = await demo.call('PATCH', '/api/v1/incidents/demo-sn-0005', { as: 'coord.sn', body: { status: 'refuted' } });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'ERR_NOT_OWNER' });
    const after = await demo.call('GET', '/api/v1/incidents/demo-sn-0005', { as: 'coord.sn' });
    expect(after.body).toEqual(before.body);
  });

  it('refuses the same edit by the host nation’s coordinator', async () => {
    const edit = await demo.call('PATCH', '/api/v1/incidents/demo-sn-0005', { as: 'coord.ml', body: { status: 'refuted' } });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'ERR_NOT_OWNER' });
  });

  it('refuses a partner officer’s new incident on the host node (it would be owned by the host)', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.sn',
      body: { occurredAt: '2026-11-27T06:30:00Z', location: { lat: 14.44, lon: -12.18 }, eventType: 'Border activity', subEventType: 'Smuggling' },
    });
    expect(created.status).toBe(403);
  });
});
