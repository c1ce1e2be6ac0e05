import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

const clock = fixedClock('2026-11-29T12:00:00.000Z');
let demo: DemoNode;

const plan = {
  name: 'Patrouille conjointe Kidira–Kayes',
  kind: 'joint',
  unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
  axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
  plannedStart: '2026-11-29T14:00:00Z',
  plannedEnd: '2026-11-30T18:00:00Z',
};

beforeAll(async () => {
  demo = await startDemoNode({ clock });
});
afterAll(async () => demo.close());

describe('joint patrols over HTTP', () => {
  it('is approved only once every participating nation has approved, then runs and records its track', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: plan });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', owner: 'ML', nations: ['ML', 'SN'], pendingApprovals: ['ML', 'SN'], releasableTo: ['SN'] });
    expect(created.body.route.coordinates.length).toBeGreaterThan(2);
    expect(created.body.units.map((u: any) => u.callSign)).toEqual(['FAMA-DIB', 'GARSI-KID']);
    const id = created.body.id;

    expect((await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'coord.ml' })).body.code).toBe('ERR_PATROL_TRANSITION');
    expect((await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'liaison.sn' })).body.status).toBe('proposed');

    const mali = await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'coord.ml' });
    expect(mali.body).toMatchObject({ status: 'proposed', pendingApprovals: ['SN'] });

    const twice = await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'coord.ml' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'ERR_ALREADY_APPROVED' } });

    const early = await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' });
    expect(early).toMatchObject({ status: 409, body: { code: 'ERR_PATROL_NOT_APPROVED' } });

    expect((await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'liaison.sn' })).status).toBe(403);
    const senegal = await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'coord.sn' });
    expect(senegal.body).toMatchObject({ status: 'approved', pendingApprovals: [] });
    expect(senegal.body.approvals.map((a: any) => a.nation)).toEqual(['ML', 'SN']);

    const refusedPositions = await demo.call('POST', `/api/v1/patrols/${id}/positions`, {
      as: 'lead.ml',
      body: { positions: [{ at: '2026-11-29T11:00:00Z', lat: 14.45, lon: -12.2 }] },
    });
    expect(refusedPositions).toMatchObject({ status: 409, body: { code: 'ERR_PATROL_NOT_UNDERWAY' } });

    expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).body.status).toBe('underway');
    const positions = Array.from({ length: 50 }, (_, i) => ({
      at: new Date(Date.parse('2026-11-29T10:00:00Z') + i * 60_000).toISOString(),
      lat: 14.456,
      lon: -12.2 + i * 0.01,
    }));
    const reported = await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'lead.ml', body: { positions } });
    expect(reported).toEqual({ status: 200, body: { accepted: 50, duplicates: 0 } });

    const track = await demo.call('GET', `/api/v1/patrols/${id}/track`, { as: 'coord.ml' });
    expect(track.body.geometry.coordinates).toHaveLength(50);
    expect(track.body.geometry.coordinates[0]).toEqual([-12.2, 14.456]);
    // The demo mechanism releases positions to no partner: Senegal's officers read none.
    // …and no LineString without coordinates (RFC 7946 wants two positions at least): no geometry.
    expect((await demo.call('GET', `/api/v1/patrols/${id}/track`, { as: 'coord.sn' })).body.geometry).toBeNull();

    const seen = await demo.call('POST', `/api/v1/patrols/${id}/observations`, {
      as: 'lead.ml',
      body: { at: '2026-11-29T10:30:00Z', location: { lat: 14.45, lon: -12.19 }, text: 'Dépôt de carburant informel près du pont' },
    });
    expect(seen.status).toBe(201);
    expect(seen.body).toMatchObject({ section: 'ML-SN-02', releasableTo: ['SN'], owner: 'ML' });
    expect((await demo.call('GET', `/api/v1/patrols/${id}/observations`, { as: 'coord.sn' })).body.map((o: any) => o.text)).toEqual([
      'Dépôt de carburant informel près du pont',
    ]);
    expect((await demo.call('PUT', `/api/v1/patrols/${id}/debrief`, { as: 'lead.ml', body: { text: 'Trop tôt' } })).body.code).toBe('ERR_PATROL_TRANSITION');

    const done = await demo.call('POST', `/api/v1/patrols/${id}/complete`, { as: 'lead.ml' });
    expect(done.body).toMatchObject({ status: 'completed', completedAt: '2026-11-29T12:00:00.000Z' });
    expect((await demo.call('POST', `/api/v1/patrols/${id}/cancel`, { as: 'coord.ml' })).body.code).toBe('ERR_PATROL_TRANSITION');
    const debrief = await demo.call('PUT', `/api/v1/patrols/${id}/debrief`, { as: 'lead.ml', body: { text: 'Axe calme ; trois passeurs interpellés.' } });
    expect(debrief.body).toMatchObject({ debrief: 'Axe calme ; trois passeurs interpellés.', version: 7 });
    expect((await demo.call('PUT', `/api/v1/patrols/${id}/debrief`, { as: 'coord.sn', body: { text: 'x' } })).body.code).toBe('ERR_NOT_OWNER');
  });

  it('lists the demo patrols for both nations, with who has approved', async () => {
    const list = await demo.call('GET', '/api/v1/patrols', { as: 'coord.sn' });
    expect(list.body.type).toBe('FeatureCollection');
    const patrols = list.body.features.map((f: any) => ({ ...f.properties, route: f.geometry }));
    const launch = patrols.find((p: any) => p.id === 'demo-patrol-launch');
    expect(launch).toMatchObject({ status: 'completed', plannedStart: '2025-02-20T08:00:00.000Z' });
    const december = patrols.find((p: any) => p.id === 'demo-patrol-december');
    expect(december).toMatchObject({ status: 'proposed', pendingApprovals: ['SN'] });
    const track = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch/track', { as: 'coord.ml' });
    expect(track.body.properties.positions).toBe(5);
  });

  it.each([
    ['a joint patrol without a unit of each nation', { ...plan, unitIds: ['ml-gtia-diboli'] }, 422, 'ERR_JOINT_NEEDS_UNITS', 'unitIds'],
    ['an unknown unit', { ...plan, unitIds: ['ml-gtia-diboli', 'nobody'] }, 422, 'ERR_UNKNOWN_UNIT', 'unitIds'],
    ['an unknown axis', { ...plan, axisId: 'RN99' }, 422, 'ERR_UNKNOWN_AXIS', 'axisId'],
    ['a window that ends before it starts', { ...plan, plannedEnd: '2026-11-28T00:00:00Z' }, 422, 'ERR_BAD_WINDOW', 'plannedEnd'],
    [
      'a route with one point',
      { ...plan, axisId: undefined, route: { type: 'LineString', coordinates: [[-12, 14]] } },
      400,
      'ERR_VALIDATION',
      'route.coordinates',
    ],
    ['an unknown kind', { ...plan, kind: 'secret' }, 400, 'ERR_VALIDATION', 'kind'],
    ['a nation outside the mechanism', { ...plan, nations: ['ML', 'SN', 'FR'] }, 422, 'ERR_RELEASE_OUTSIDE_MECHANISM', 'nations'],
  ])('refuses %s and writes nothing', async (_name, body, status, code, field) => {
    const before = (await demo.call('GET', '/api/v1/patrols', { as: 'coord.ml' })).body.features.length;
    const response = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, field });
    expect((await demo.call('GET', '/api/v1/patrols', { as: 'coord.ml' })).body.features.length).toBe(before);
  });

  it('refuses a batch with one bad position as a whole', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: { ...plan, kind: 'national', unitIds: ['ml-gend-kayes'] } });
    const id = created.body.id;
    await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'coord.ml' });
    expect((await demo.call('POST', `/api/v1/patrols/${id}/approve`, { as: 'coord.ml' })).body.status).toBe('approved');
    await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'coord.ml' });
    const batch = [
      { at: '2026-11-29T10:00:00Z', lat: 14.45, lon: -12.2 },
      { at: '2026-11-29T10:01:00Z', lat: 48.85, lon: 2.35 },
    ];
    const response = await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'coord.ml', body: { positions: batch } });
    expect(response).toMatchObject({ status: 422, body: { code: 'ERR_OUTSIDE_AREA', field: 'positions/1' } });
    expect((await demo.call('GET', `/api/v1/patrols/${id}/track`, { as: 'coord.ml' })).body.properties.positions).toBe(0);
  });
});
