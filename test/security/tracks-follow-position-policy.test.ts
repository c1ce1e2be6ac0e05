import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { NEAR_DIBOLI } from '../early-warning/node-helpers.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding: with `position: []` in the mechanism's sharing policy, a partner coordinator got every
// position of a joint patrol from `GET …/track` (the live stream withheld them). Tracks, and the
// coverage built on them, now follow the position policy: a nation outside it reads no position,
// and its coverage counts the patrol's planned route only.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
});
afterAll(async () => demo.close());

type Coverage = { sections: { section: string; at: string | null; patrol: string | null }[] };

describe('tracks and coverage follow the position-sharing policy', () => {
  it('gives a partner outside the policy no position of a joint patrol, and the owner all of them', async () => {
    expect(demo.node.mechanism.sharingPolicy.position).toEqual([]);
    const owner = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch/track', { as: 'coord.ml' });
    expect(owner.status).toBe(200);
    expect(owner.body.properties.positions).toBe(5);
    for (const partner of ['coord.sn', 'liaison.sn']) {
      const patrol = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch', { as: partner });
      expect(patrol.status).toBe(200);
      const track = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch/track', { as: partner });
      expect(track.status).toBe(200);
      expect(track.body.properties).toMatchObject({ positions: 0, times: [] });
      expect(track.body.geometry).toBeNull();
    }
  });

  it('counts, for a partner outside the policy, where the patrol was planned to go, not where its positions put it', async () => {
    const sections = (await demo.call('GET', '/api/v1/sections', { as: 'coord.ml' })).body.features as {
      id: string;
      geometry: { coordinates: [number, number][] };
    }[];
    const planned = sections.find((s) => s.id === demo.node.sectionAt(NEAR_DIBOLI))!;
    // A section of the same border far from the planned one: only the positions go there.
    const [x0, y0] = planned.geometry.coordinates[0]!;
    const far = sections.find((s) => s.id.startsWith('ML-SN') && Math.hypot(s.geometry.coordinates[0]![0] - x0, s.geometry.coordinates[0]![1] - y0) > 1.5)!;
    expect(far).toBeDefined();

    const created = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: {
        name: 'Patrouille de contrôle',
        kind: 'national',
        unitIds: ['ml-gtia-diboli'],
        route: { type: 'LineString', coordinates: planned.geometry.coordinates },
        plannedStart: '2027-03-01T08:00:00Z',
        plannedEnd: '2027-03-01T18:00:00Z',
        releasableTo: ['SN'],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' })).status).toBe(200);
    expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).status).toBe(200);
    const positions = far.geometry.coordinates.map(([lon, lat], i) => ({
      at: new Date(Date.parse('2027-03-01T09:00:00Z') + i * 60_000).toISOString(),
      lat,
      lon,
    }));
    expect((await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'lead.ml', body: { positions } })).status).toBe(200);
    expect((await demo.call('POST', `/api/v1/patrols/${id}/complete`, { as: 'lead.ml' })).status).toBe(200);

    const mali = (await demo.call('GET', '/api/v1/coverage', { as: 'coord.ml' })).body as Coverage;
    expect(mali.sections.find((s) => s.section === far.id)?.patrol).toBe(id);
    const senegal = (await demo.call('GET', '/api/v1/coverage', { as: 'coord.sn' })).body as Coverage;
    expect(senegal.sections.find((s) => s.section === far.id)?.patrol).not.toBe(id);
    expect(senegal.sections.find((s) => s.section === planned.id)).toMatchObject({ patrol: id, at: '2027-03-01T12:00:00.000Z' });
  });
});
