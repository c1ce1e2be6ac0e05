import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patrolCode, patrolCodeNumber } from '../../src/domain/patrol-code.js';
import { isRecordBody } from '../../src/federation/record-bodies.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { PatrolService, storeNewPatrol } from '../../src/services/patrol-service.js';
import { linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { patrolRecord } from '../support/patrol-record.js';

// Issue 17: a patrol has a short code for SMS and radio, given by its owner node and never
// changed, a leader and further reporters; the field channels read "my patrols of the day".

const JOINT_UNITS = ['ml-gtia-diboli', 'sn-garsi-kidira'];
let demo: DemoNode;
const clock = fixedClock('2026-12-05T10:00:00.000Z');
const userId = async (username: string) => (await demo.node.repos.users.findByUsername(username))!.id;
const plan = (extra: Record<string, unknown> = {}) => ({
  name: 'Patrouille de la Falémé',
  kind: 'joint',
  unitIds: JOINT_UNITS,
  plannedStart: '2026-12-10T06:00:00.000Z',
  plannedEnd: '2026-12-10T18:00:00.000Z',
  ...extra,
});
const patrolCount = async () =>
  (
    await demo.store.db
      .selectFrom('patrols')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  demo = await startDemoNode({ clock });
});
afterAll(async () => demo.close());

describe('patrol codes and leaders on the owner node', () => {
  it('gives the demo’s patrols codes drawn from their ids, and lead.ml leads them', async () => {
    const launch = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch', { as: 'analyst.ml' });
    const december = await demo.call('GET', '/api/v1/patrols/demo-patrol-december', { as: 'analyst.ml' });
    expect([launch.body.code, december.body.code]).toEqual([
      patrolCode('ML', patrolCodeNumber('demo-patrol-launch')),
      patrolCode('ML', patrolCodeNumber('demo-patrol-december')),
    ]);
    expect(launch.body.code).toMatch(/^ML-[1-9]\d{4}$/);
    expect(launch.body.leaderUserId).toBe(await userId('lead.ml'));
    expect(december.body.reporterUserIds).toEqual([]);
  });

  it('gives each new patrol its code, finds it by the code typed any way, and never changes the code', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: plan({ leaderUserId: await userId('lead.ml') }) });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    expect(code).toBe(patrolCode('ML', patrolCodeNumber(created.body.id)));
    const digits = code.slice(3);
    const service = new PatrolService(demo.node);
    const analyst = { userId: await userId('analyst.ml'), username: 'analyst.ml', nation: 'ML', role: 'analyst' as const };
    for (const typed of [code, `ml${digits}`, `ml ${digits}`, ` Ml-0${digits} `]) expect((await service.byCode(analyst, typed)).id).toBe(created.body.id);
    await expect(service.byCode(analyst, 'ML-99')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    await expect(service.byCode(analyst, `SN-${digits}`)).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    await expect(service.byCode(analyst, 'garbage')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });

    const renamed = await demo.call('PATCH', `/api/v1/patrols/${created.body.id}`, { as: 'coord.ml', body: { name: 'Autre nom', leaderUserId: null } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code, leaderUserId: null });
  });

  it('refuses a leader or reporter who is not a user of this node’s nation whose role reports, and stores nothing', async () => {
    const before = await patrolCount();
    const cases = [
      { leaderUserId: 'nobody', field: 'leaderUserId' },
      { leaderUserId: await userId('observer.ml'), field: 'leaderUserId' },
      { leaderUserId: await userId('coord.sn'), field: 'leaderUserId' },
      { reporterUserIds: [await userId('lead.ml'), await userId('analyst.ml')], field: 'reporterUserIds' },
    ];
    for (const { field, ...named } of cases) {
      const refused = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: plan(named), lang: 'en' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'ERR_UNKNOWN_USER', field });
    }
    expect(await patrolCount()).toBe(before);
  });

  it('lists a user’s patrols of the day: led or reported for, planned for today or under way', async () => {
    const lead = await demo.call('GET', '/api/v1/field/patrols', { as: 'lead.ml' });
    expect(lead.status).toBe(200);
    expect(lead.body.map((p: { id: string }) => p.id)).toEqual(['demo-patrol-december']);
    const reporterOnly = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: plan({ plannedStart: '2026-12-05T06:00:00.000Z', plannedEnd: '2026-12-05T18:00:00.000Z', reporterUserIds: [await userId('coord.ml')] }),
    });
    await demo.call('POST', `/api/v1/patrols/${reporterOnly.body.id}/propose`, { as: 'coord.ml' });
    const coordinator = await demo.call('GET', '/api/v1/field/patrols', { as: 'coord.ml' });
    expect(coordinator.body.map((p: { id: string }) => p.id)).toEqual([reporterOnly.body.id]);
    // A draft is not a patrol of the day yet, and users who lead nothing read an empty list.
    expect((await demo.call('GET', '/api/v1/field/patrols', { as: 'analyst.ml' })).body).toEqual([]);
    expect((await demo.call('GET', '/api/v1/field/patrols', { as: 'coord.sn' })).body).toEqual([]);
  });

  it('offers planners the users who may lead a patrol', async () => {
    const offered = await demo.call('GET', '/api/v1/field/reporters', { as: 'coord.ml' });
    expect(offered.body.map((u: { username: string }) => u.username).sort()).toEqual(['coord.ml', 'lead.ml']);
    expect((await demo.call('GET', '/api/v1/field/reporters', { as: 'analyst.ml' })).status).toBe(403);
  });
});

describe('patrol codes between nodes', () => {
  let ml: TestNode;
  let sn: TestNode;
  beforeAll(async () => {
    ml = await startNode('ML');
    sn = await startNode('SN');
    await linkAll([ml, sn]);
  });
  afterAll(async () => {
    for (const node of [ml, sn]) {
      await node.close();
      removeFolder(node.dataDir);
    }
  });

  it('carry the code and leader with the patrol’s copy, and refuse a code of another nation’s series', async () => {
    const at = '2026-01-05T09:00:00.000Z';
    const stored = await storeNewPatrol(
      ml.node,
      patrolRecord({
        id: 'ml-patrol-coded',
        owner: 'ML',
        releasableTo: ['SN'],
        name: 'Patrouille RN1',
        kind: 'joint',
        nations: ['ML', 'SN'],
        plannedStart: at,
        plannedEnd: at,
        createdAt: at,
        updatedAt: at,
        leaderUserId: 'ml-lead',
        reporterUserIds: ['ml-second'],
      }),
    );
    expect(stored.code).toBe(patrolCode('ML', patrolCodeNumber('ml-patrol-coded')));
    const peer = (await sn.node.repos.peers.byNation('ML'))!;
    await sn.puller.pullOnce(peer);
    const copy = await sn.node.repos.patrols.findVisible('ml-patrol-coded', 'SN');
    expect(copy).toMatchObject({ code: stored.code, leaderUserId: 'ml-lead', reporterUserIds: ['ml-second'] });

    const body = { ...stored, releasableTo: ['SN'] };
    expect(isRecordBody('patrol', body)).toBe(true);
    expect(isRecordBody('patrol', { ...body, code: 'SN-1' })).toBe(false);
    expect(isRecordBody('patrol', { ...body, code: stored.code.replace('-', ' ') })).toBe(false);
    const { code: _code, ...uncoded } = body;
    expect(isRecordBody('patrol', uncoded)).toBe(false);
  });
});
