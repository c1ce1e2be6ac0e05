import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 14: an incident's version history names who recorded what. Issue 13's rule holds for it:
// a partner reads only the versions released to it — never one its owner kept national, nor, once
// it lost access, what it had been shown before.

let demo: DemoNode;

const incident = {
  occurredAt: '2026-11-27T06:30:00Z',
  location: { lat: 14.44, lon: -12.18 },
  eventType: 'Border activity',
  subEventType: 'Smuggling',
};

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

const versions = (id: string, as: string) => demo.call('GET', `/api/v1/incidents/${id}/versions`, { as });

describe('an incident’s versions', () => {
  it('names the officer who recorded each version, with what it said', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'lead.ml', body: { ...incident, fatalities: null, releasableTo: undefined } });
    expect(created.status).toBe(201);
    await demo.call('PATCH', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml', body: { status: 'confirmed', fatalities: 2 } });
    const answer = await versions(created.body.id, 'analyst.ml');
    expect(answer.status).toBe(200);
    expect(answer.body.map((v: any) => [v.version, v.recordedBy?.username, v.incident.status, v.incident.fatalities])).toEqual([
      [1, 'lead.ml', 'unverified', null],
      [2, 'coord.ml', 'confirmed', 2],
    ]);
    expect(answer.body[0].incident).not.toHaveProperty('createdBy');
  });

  it('shows a partner only the versions released to it, from the last time it gained access', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, narrative: 'v1 national', releasableTo: [] } });
    const id = created.body.id;
    await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { narrative: 'v2 released', releasableTo: ['SN'] } });
    await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { narrative: 'v3 national again', releasableTo: [] } });
    expect((await versions(id, 'liaison.sn')).status).toBe(404);
    await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { narrative: 'v4 released', releasableTo: ['SN'] } });
    await demo.call('PATCH', `/api/v1/incidents/${id}`, { as: 'coord.ml', body: { status: 'confirmed' } });

    const partner = await versions(id, 'liaison.sn');
    expect(partner.status).toBe(200);
    expect(partner.body.map((v: any) => [v.version, v.incident.narrative])).toEqual([
      [4, 'v4 released'],
      [5, 'v4 released'],
    ]);
    const owner = await versions(id, 'coord.ml');
    expect(owner.body.map((v: any) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers 404 to a nation that may not see the incident at all', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, releasableTo: [] } });
    expect((await versions(created.body.id, 'liaison.sn')).status).toBe(404);
    expect((await versions(created.body.id, 'coord.sn')).status).toBe(404);
  });
});
