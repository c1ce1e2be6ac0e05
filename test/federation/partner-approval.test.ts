import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patrol } from '../../src/contracts/patrol.js';
import { addUser } from '../../src/services/auth-service.js';
import { OrganisationService } from '../../src/services/organisation-service.js';
import { PatrolService, storeApproval } from '../../src/services/patrol-service.js';
import { linkAll, removeFolder, startNode, type TestNode } from './nodes.js';

// A joint Mali–Senegal patrol planned on Mali's node is approved by Senegal from Senegal's node.

let ml: TestNode;
let sn: TestNode;
let mr: TestNode;
let patrol: Patrol;

const at = '2026-01-05T09:00:00.000Z';

beforeAll(async () => {
  [ml, sn, mr] = await Promise.all([startNode('ML'), startNode('SN'), startNode('MR')]);
  await linkAll([ml, sn, mr]);
  // Mali plans with its own unit and a Senegalese one released to it.
  await new OrganisationService(ml.node).addUnit(
    { id: 'ml-unit', owner: 'ML', releasableTo: ['SN'], nation: 'ML', name: 'GTIA Diboli', callSign: 'DIB-1', parentId: null },
    at,
  );
  await new OrganisationService(sn.node).addUnit(
    { id: 'sn-unit', owner: 'SN', releasableTo: ['ML'], nation: 'SN', name: 'Escadron Kidira', callSign: 'KID-1', parentId: null },
    at,
  );
  await pull(ml, sn);
});

afterAll(async () => {
  for (const n of [ml, sn, mr]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

async function pull(into: TestNode, from: TestNode) {
  const peer = (await into.node.repos.peers.byNation(from.nation))!;
  return into.puller.pullOnce(peer);
}

/** A new coordinator of the node, logged in through the second-factor set-up every coordinator goes through. */
async function tokenOf(node: TestNode, username: string): Promise<string> {
  const password = 'une longue phrase secrète';
  await addUser(node.node, { username, nation: node.nation, role: 'coordinator', password, displayName: username });
  const post = async (path: string, body: unknown) =>
    (await fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<
      Record<string, any>
    >;
  const { secret } = await post('/api/v1/auth/login/enrolment', { username, password });
  const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
  return (await post('/api/v1/auth/login/enrolment/confirm', { username, password, code })).token;
}

async function auditActions(node: TestNode, action: string) {
  return (await node.node.repos.audit.recent(500)).filter((e) => e.action === action);
}

const patrolOn = async (node: TestNode) => (await node.node.repos.patrols.findVisible(patrol.id, node.nation))!;

describe('a partner approves a joint patrol from its own node', () => {
  it('carries the approval to the owner, which approves the patrol and releases it back', async () => {
    const mlPatrols = new PatrolService(ml.node);
    const created = await mlPatrols.create(ml.coordinator, {
      name: 'Patrouille conjointe RN1',
      kind: 'joint',
      unitIds: ['ml-unit', 'sn-unit'],
      plannedStart: '2026-02-01T06:00:00.000Z',
      plannedEnd: '2026-02-01T18:00:00.000Z',
    });
    expect(created.nations).toEqual(['ML', 'SN']);
    await mlPatrols.act(ml.coordinator, created.id, 'propose');
    patrol = await mlPatrols.act(ml.coordinator, created.id, 'approve');
    expect(patrol.status).toBe('proposed');
    await pull(sn, ml);
    expect((await patrolOn(sn)).approvals.map((a) => a.nation)).toEqual(['ML']);

    // Senegal's coordinator approves on the Senegal node: the answer is the copy as Mali last sent it.
    const token = await tokenOf(sn, 'coord.kidira');
    const answer = await fetch(`${sn.url}/api/v1/patrols/${patrol.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { status: string; version: number; pendingApprovals: string[] };
    expect(body).toMatchObject({ status: 'proposed', version: patrol.version, pendingApprovals: ['SN'] });
    const queued = await sn.store.db.selectFrom('outbox').select(['kind', 'releasedTo']).where('kind', '=', 'patrol-approval').execute();
    expect(queued).toHaveLength(1);
    expect(JSON.parse(queued[0]!.releasedTo)).toEqual(['ML']);
    // A second approval from Senegal is refused at once.
    const again = await fetch(`${sn.url}/api/v1/patrols/${patrol.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(409);

    // Mali pulls: the approval is applied in the page's transaction, as a new version of the patrol.
    await pull(ml, sn);
    const onMl = await patrolOn(ml);
    expect(onMl.status).toBe('approved');
    expect(onMl.version).toBe(patrol.version + 1);
    expect(onMl.approvals.map((a) => [a.nation, a.userId])).toEqual([
      ['ML', ml.coordinator.userId],
      ['SN', expect.any(String)],
    ]);
    expect(await auditActions(ml, 'patrol-approval.applied')).toHaveLength(1);
    const released = await ml.store.db.selectFrom('outbox').select(['kind', 'recordId', 'version']).where('recordId', '=', patrol.id).execute();
    expect(released.map((r) => r.version)).toContain(onMl.version);

    // Senegal pulls: its copy is approved too, and it is no longer pending.
    await pull(sn, ml);
    const onSn = await patrolOn(sn);
    expect([onSn.status, onSn.version]).toEqual(['approved', onMl.version]);
    expect(onSn.approvals.map((a) => a.nation)).toEqual(['ML', 'SN']);
  });

  it('refuses every other action on the received copy', async () => {
    const snPatrols = new PatrolService(sn.node);
    for (const action of ['propose', 'start', 'complete', 'cancel'] as const) {
      await expect(snPatrols.act(sn.coordinator, patrol.id, action)).rejects.toMatchObject({ code: 'ERR_NOT_OWNER' });
    }
  });

  it('changes nothing when the same approval is pulled again', async () => {
    const before = await patrolOn(ml);
    await ml.store.db.updateTable('peers').set({ cursor: 0 }).where('nation', '=', 'SN').execute();
    const outcomes = await ml.puller.syncAll();
    expect(outcomes.find((o) => o.peer === 'SN')?.error).toBeUndefined();
    expect(await patrolOn(ml)).toEqual(before);
    expect(await auditActions(ml, 'patrol-approval.applied')).toHaveLength(1);
  });

  it('records a duplicated approval but changes nothing', async () => {
    const before = await patrolOn(ml);
    // Written straight to Senegal's store, past the check its API makes.
    await storeApproval(sn.node, {
      id: 'sn-approval-dup',
      owner: 'SN',
      releasableTo: ['ML'],
      version: 1,
      createdAt: at,
      updatedAt: at,
      patrolId: patrol.id,
      patrolVersion: patrol.version,
      nation: 'SN',
      userId: 'someone-else',
      at,
    });
    await pull(ml, sn);
    expect(await patrolOn(ml)).toEqual(before);
    const stored = await ml.store.db.selectFrom('patrolApprovalRecords').select('id').where('id', '=', 'sn-approval-dup').execute();
    expect(stored).toHaveLength(1);
    const ignored = (await auditActions(ml, 'patrol-approval.ignored')).find((e) => e.detail.id === 'sn-approval-dup');
    expect(ignored?.detail).toMatchObject({ from: 'SN', reason: 'already-approved' });
  });

  it('records an approval from a nation that does not take part but changes nothing', async () => {
    const before = await patrolOn(ml);
    await storeApproval(mr.node, {
      id: 'mr-approval',
      owner: 'MR',
      releasableTo: ['ML'],
      version: 1,
      createdAt: at,
      updatedAt: at,
      patrolId: patrol.id,
      patrolVersion: 1,
      nation: 'MR',
      userId: 'coord-MR',
      at,
    });
    const page = await pull(ml, mr);
    expect(page.applied).toBe(1);
    expect(await patrolOn(ml)).toEqual(before);
    const ignored = (await auditActions(ml, 'patrol-approval.ignored')).find((e) => e.detail.id === 'mr-approval');
    expect(ignored?.detail).toMatchObject({ from: 'MR', reason: 'not-a-participant' });
  });

  it('keeps every audit chain whole', async () => {
    for (const n of [ml, sn, mr]) expect(await n.node.repos.audit.verify()).toMatchObject({ ok: true });
  });
});
