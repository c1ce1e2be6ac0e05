import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 9 of issue 13: an explicit `"fatalities": null` (what the web form sends for every blank
// count) was stored as 0 — "nobody died" instead of "not known" — and PATCH could not set a count
// back to unknown.

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

describe('a blank count stays unknown', () => {
  it('stores null counts as unknown, not as zero, and answers them as null', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, fatalities: null, injured: null, abducted: 0 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fatalities: null, injured: null, abducted: 0 });
    const read = await demo.call('GET', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml' });
    expect(read.body).toMatchObject({ fatalities: null, injured: null, abducted: 0 });
    const stored = await demo.node.repos.incidents.findVisible(created.body.id, 'ML');
    expect(stored).toMatchObject({ fatalities: null, injured: null, abducted: 0 });
  });

  it('sets a count back to unknown with PATCH null, and leaves the others as they were', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, fatalities: 3, injured: 1 } });
    const patched = await demo.call('PATCH', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml', body: { fatalities: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ fatalities: null, injured: 1, abducted: null, version: 2 });
    const read = await demo.call('GET', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml' });
    expect(read.body).toMatchObject({ fatalities: null, injured: 1 });
  });

  it('keeps other nullable fields null too (place name, narrative, source grades)', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: { ...incident, placeName: null, narrative: null, source: { kind: 'patrol', name: null, reliability: null, credibility: null } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ placeName: null, narrative: null, source: { kind: 'patrol', name: null, reliability: null, credibility: null } });
  });
});
