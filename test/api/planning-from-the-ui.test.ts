import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { addUser } from '../../src/services/auth-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// What the web UI reaches that had no route: a draft patrol changed before it is proposed, an
// override lifted before its expiry, and free-text search of the incident list.

let demo: DemoNode;

const draft = {
  name: 'Patrouille Diboli–Kidira',
  kind: 'joint',
  nations: ['ML', 'SN'],
  unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
  plannedStart: '2026-12-01T06:00:00Z',
  plannedEnd: '2026-12-01T18:00:00Z',
};

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
  await addUser(demo.node, { username: 'coord2.ml', nation: 'ML', role: 'coordinator', password: DEMO_PASSWORD, displayName: 'Second coordinateur' });
});
afterAll(async () => demo.close());

describe('a draft patrol', () => {
  it('is changed by the owner nation’s planners while it is a draft, and only then', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'lead.ml', body: draft });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const changed = await demo.call('PATCH', `/api/v1/patrols/${id}`, {
      as: 'lead.ml',
      body: { name: 'Patrouille de nuit', plannedStart: '2026-12-01T18:00:00Z', plannedEnd: '2026-12-02T06:00:00Z' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Patrouille de nuit', plannedStart: '2026-12-01T18:00:00.000Z', status: 'draft', nations: ['ML', 'SN'] });
    // The partner sees the new version.
    const seen = await demo.call('GET', `/api/v1/patrols/${id}`, { as: 'liaison.sn' });
    expect(seen.body.name).toBe('Patrouille de nuit');

    expect((await demo.call('PATCH', `/api/v1/patrols/${id}`, { as: 'observer.ml', body: { name: 'x' } })).status).toBe(403);
    expect((await demo.call('PATCH', `/api/v1/patrols/${id}`, { as: 'liaison.sn', body: { name: 'x' } })).status).toBe(403);
    const badWindow = await demo.call('PATCH', `/api/v1/patrols/${id}`, { as: 'lead.ml', body: { plannedEnd: '2026-12-01T00:00:00Z' } });
    expect(badWindow.status).toBe(422);
    expect(badWindow.body.field).toBe('plannedEnd');

    await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'coord.ml' });
    const late = await demo.call('PATCH', `/api/v1/patrols/${id}`, { as: 'coord.ml', body: { name: 'Trop tard' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ERR_PATROL_NOT_DRAFT');
  });
});

describe('an override', () => {
  const section = 'ML-SN-07';
  const force = (as: string) =>
    demo.call('POST', `/api/v1/sections/${section}/override`, { as, body: { level: 'critical', reason: 'Renseignement', expiresAt: '2026-12-31T00:00:00Z' } });

  it('is lifted early by the coordinator who set it, and the computed level shows again', async () => {
    const forced = await force('coord.ml');
    expect(forced.body).toMatchObject({ level: 'critical', source: 'override' });
    expect((await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'analyst.ml' })).status).toBe(403);
    expect((await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'coord.sn' })).status).toBe(403);
    const lifted = await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'coord.ml' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.source).toBe('computed');
    expect(lifted.body.override).toBeUndefined();
    const history = await demo.call('GET', `/api/v1/sections/${section}/history`, { as: 'coord.ml' });
    expect(history.body.history.at(-1)).toMatchObject({ source: 'computed' });
    const again = await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'coord.ml' });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('ERR_NO_OVERRIDE');
  });

  it('set by a colleague stands', async () => {
    await force('coord2.ml');
    const refused = await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'coord.ml' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_NOT_OVERRIDE_AUTHOR');
    expect((await demo.call('DELETE', `/api/v1/sections/${section}/override`, { as: 'coord2.ml' })).status).toBe(200);
  });
});

describe('free-text search of incidents', () => {
  const ids = async (q: string, as = 'coord.ml') =>
    (await demo.call('GET', `/api/v1/incidents?q=${encodeURIComponent(q)}`, { as })).body.features.map((f: { id: string }) => f.id).sort();

  it('finds words in any case, with or without accents, and type names in French', async () => {
    expect(await ids('FALEME')).toEqual(expect.arrayContaining(['demo-ml-0005']));
    expect(await ids('falémé pont')).toEqual(['demo-ml-0005']);
    const rustling = await ids('vol de bétail');
    expect(rustling.length).toBeGreaterThan(0);
    expect(await ids('contrebande')).toEqual(await ids('Smuggling'));
    expect(await ids('zzz-nothing')).toEqual([]);
    // Wildcards are letters like any other.
    expect(await ids('%')).toEqual([]);
  });

  it('applies the read rule: a partner never finds a national incident', async () => {
    const national = await ids('Enquête nationale');
    expect(national.length).toBeGreaterThan(0);
    expect(await ids('Enquête nationale', 'liaison.sn')).toEqual([]);
  });
});
