import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrivateKey } from '../../src/federation/node-keys.js';
import { newNonce, signRequest } from '../../src/federation/request-signature.js';
import { addUser } from '../../src/services/auth-service.js';
import { OrganisationService } from '../../src/services/organisation-service.js';
import { PatrolService, storeNewPatrol, storePatrolVersion } from '../../src/services/patrol-service.js';
import { createIncident, linkAll, removeFolder, startNode, type TestNode } from './nodes.js';
import { patrolRecord } from '../support/patrol-record.js';

let ml: TestNode;
let sn: TestNode;
let mr: TestNode;

beforeAll(async () => {
  [ml, sn, mr] = await Promise.all([startNode('ML'), startNode('SN'), startNode('MR')]);
  await linkAll([ml, sn, mr]);
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

/** A feed request signed with `node`'s key, for replay and forgery checks. */
async function signedFeedRequest(node: TestNode, audience: string, path = '/federation/v1/feed?after=0&limit=10&wait=0', timestamp = Date.now()) {
  const keys = (await node.node.repos.keys.keys())!;
  return signRequest({ method: 'GET', pathAndQuery: path, audience, timestamp, nonce: newNonce() }, parsePrivateKey(keys.privateKey), keys.publicKey);
}

describe('three nodes on loopback', () => {
  it('delivers a record to the nation it is released to and to no other', async () => {
    const incident = await createIncident(ml, ['SN'], 'Vol de bétail à Diboli');
    await pull(sn, ml);
    await pull(mr, ml);
    expect(await sn.incidentIds()).toContain(incident.id);
    expect(await mr.incidentIds()).not.toContain(incident.id);

    // A Senegalese officer of the SN node sees it through the ordinary API, owned by Mali.
    await addUser(sn.node, { username: 'awa.sn', nation: 'SN', role: 'liaison', password: 'une longue phrase secrète', displayName: 'Awa' });
    const login = await fetch(`${sn.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'awa.sn', password: 'une longue phrase secrète' }),
    });
    const { token } = (await login.json()) as { token: string };
    const list = await fetch(`${sn.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
    const features = ((await list.json()) as { features: { id: string; properties: { owner: string; narrative: string } }[] }).features;
    const received = features.find((f) => f.id === incident.id);
    expect(received?.properties).toMatchObject({ owner: 'ML', narrative: 'Vol de bétail à Diboli' });
  });

  it('never passes on a received record, and refuses changes to it from anyone but its origin', async () => {
    const incident = await createIncident(ml, ['SN', 'MR']);
    await pull(sn, ml);
    expect(await sn.incidentIds()).toContain(incident.id);
    const snOutbox = await sn.store.db.selectFrom('outbox').select('recordId').execute();
    expect(snOutbox.map((r) => r.recordId)).not.toContain(incident.id);
    await expect(sn.incidents.update(sn.coordinator, incident.id, { narrative: 'changé' })).rejects.toMatchObject({ code: 'ERR_NOT_OWNER' });
  });

  it('applies a later version and ignores the same page twice', async () => {
    const incident = await createIncident(ml, ['SN']);
    await ml.incidents.update(ml.coordinator, incident.id, { narrative: 'Version 2', status: 'confirmed' });
    const first = await pull(sn, ml);
    // Only the newest version is still in the feed: version 1 was superseded before Senegal pulled.
    expect(first.applied).toBeGreaterThanOrEqual(1);
    const copy = await sn.store.db.selectFrom('incidents').selectAll().where('id', '=', incident.id).executeTakeFirstOrThrow();
    expect([copy.version, copy.narrative, copy.status, copy.owner]).toEqual([2, 'Version 2', 'confirmed', 'ML']);
    // Pulling again from an earlier cursor brings the same envelopes: nothing changes.
    await sn.store.db.updateTable('peers').set({ cursor: 0 }).where('nation', '=', 'ML').execute();
    const again = await sn.puller.syncAll();
    expect(again.find((o) => o.peer === 'ML')?.result?.applied).toBe(0);
    const still = await sn.store.db.selectFrom('incidents').select(['version']).where('id', '=', incident.id).executeTakeFirstOrThrow();
    expect(still.version).toBe(2);
  });

  it('deletes the copy held by a nation that loses access (retraction)', async () => {
    const incident = await createIncident(ml, ['SN', 'MR']);
    await pull(sn, ml);
    await pull(mr, ml);
    expect(await mr.incidentIds()).toContain(incident.id);
    await ml.incidents.update(ml.coordinator, incident.id, { releasableTo: ['SN'] });
    await pull(sn, ml);
    await pull(mr, ml);
    expect(await mr.incidentIds()).not.toContain(incident.id);
    expect(await sn.incidentIds()).toContain(incident.id);
    await ml.incidents.update(ml.coordinator, incident.id, { releasableTo: [] });
    await pull(sn, ml);
    expect(await sn.incidentIds()).not.toContain(incident.id);
  });

  it('refuses a replayed request, an unknown key, a stale timestamp and a request meant for another node', async () => {
    const feed = `${ml.url}/federation/v1/feed?after=0&limit=10&wait=0`;
    const headers = await signedFeedRequest(sn, 'ML');
    expect((await fetch(feed, { headers })).status).toBe(200);
    const replay = await fetch(feed, { headers });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'ERR_FEDERATION_UNAUTHENTICATED' });

    const stranger = await startNode('SN');
    try {
      const unknown = await fetch(feed, { headers: await signedFeedRequest(stranger, 'ML') });
      expect(unknown.status).toBe(401);
      expect(await unknown.text()).not.toContain('envelopes');
    } finally {
      await stranger.close();
      removeFolder(stranger.dataDir);
    }
    expect((await fetch(feed, { headers: await signedFeedRequest(sn, 'ML', undefined, Date.now() - 301_000) })).status).toBe(401);
    expect((await fetch(feed, { headers: await signedFeedRequest(sn, 'MR') })).status).toBe(401);
    expect((await fetch(feed)).status).toBe(401);
    // A signed request for a different page than the one asked for.
    expect((await fetch(`${ml.url}/federation/v1/feed?after=0&limit=11&wait=0`, { headers: await signedFeedRequest(sn, 'ML') })).status).toBe(401);

    const refusals = (await ml.node.repos.audit.recent(50)).filter((e) => e.action === 'feed.refused').map((e) => e.detail.reason);
    expect(refusals).toEqual(
      expect.arrayContaining(['replayed-nonce', 'unknown-key', 'stale-timestamp', 'bad-signature', 'missing-or-malformed-signature-headers']),
    );
  });

  it('serves a peer only the envelopes released to its nation', async () => {
    const forMr = await createIncident(ml, ['MR']);
    const forSn = await createIncident(ml, ['SN']);
    const answer = await fetch(`${ml.url}/federation/v1/feed?after=0&limit=1000&wait=0`, {
      headers: await signedFeedRequest(sn, 'ML', '/federation/v1/feed?after=0&limit=1000&wait=0'),
    });
    const page = (await answer.json()) as { envelopes: { id: string; releasableTo: string[] }[] };
    const ids = page.envelopes.map((e) => e.id);
    expect(ids).toContain(forSn.id);
    expect(ids).not.toContain(forMr.id);
    expect(page.envelopes.every((e) => e.releasableTo.includes('SN'))).toBe(true);
  });

  it('rejects an oversize page request', async () => {
    const path = '/federation/v1/feed?after=0&limit=100000&wait=0';
    const answer = await fetch(`${ml.url}${path}`, { headers: await signedFeedRequest(sn, 'ML', path) });
    expect(answer.status).toBe(400);
  });

  it('brings a long-polling partner a new release within the wait', async () => {
    await sn.puller.syncAll();
    const current = (await sn.node.repos.peers.byNation('ML'))!;
    const waiting = sn.puller.pullOnce(current, 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const incident = await createIncident(ml, ['SN']);
    const result = await waiting;
    expect(result.applied).toBe(1);
    expect(await sn.incidentIds()).toContain(incident.id);
  });

  it('accepts a caller whose clock is off by less than the replay window', async () => {
    const feed = `${ml.url}/federation/v1/feed?after=0&limit=10&wait=0`;
    expect((await fetch(feed, { headers: await signedFeedRequest(sn, 'ML', undefined, Date.now() - 250_000) })).status).toBe(200);
    expect((await fetch(feed, { headers: await signedFeedRequest(sn, 'ML', undefined, Date.now() + 250_000) })).status).toBe(200);
  });

  it('carries units, posts and patrols too', async () => {
    const at = '2026-01-05T09:00:00.000Z';
    await new OrganisationService(ml.node).addUnit(
      { id: 'ml-unit-fed', owner: 'ML', releasableTo: ['SN'], nation: 'ML', name: 'GTIA Diboli', callSign: 'DIB-1', parentId: null },
      at,
    );
    await new OrganisationService(ml.node).addPost(
      {
        id: 'ml-post-fed',
        owner: 'ML',
        releasableTo: ['MR'],
        nation: 'ML',
        name: 'Poste de Diboli',
        kind: 'border_post',
        location: { lat: 14.45, lon: -12.2 },
        section: null,
      },
      at,
    );
    await storeNewPatrol(
      ml.node,
      patrolRecord({
        id: 'ml-patrol-fed',
        owner: 'ML',
        releasableTo: ['SN'],
        name: 'Patrouille RN1',
        kind: 'joint',
        nations: ['ML', 'SN'],
        unitIds: ['ml-unit-fed'],
        plannedStart: '2026-02-01T06:00:00.000Z',
        plannedEnd: '2026-02-01T18:00:00.000Z',
        createdAt: at,
        updatedAt: at,
      }),
    );
    await pull(sn, ml);
    await pull(mr, ml);
    const snUnits = await sn.node.repos.organisation.unitsVisibleTo('SN');
    expect(snUnits.map((u) => u.id)).toContain('ml-unit-fed');
    expect((await sn.node.repos.patrols.findVisible('ml-patrol-fed', 'SN'))?.name).toBe('Patrouille RN1');
    expect((await mr.node.repos.organisation.postsVisibleTo('MR')).map((p) => p.id)).toContain('ml-post-fed');
    expect((await sn.node.repos.organisation.postsVisibleTo('SN')).map((p) => p.id)).not.toContain('ml-post-fed');
    expect(await mr.node.repos.patrols.findVisible('ml-patrol-fed', 'MR')).toBeUndefined();
    // The copy is read-only on the Senegal node: it moves on Mali's node only.
    await expect(new PatrolService(sn.node).act(sn.coordinator, 'ml-patrol-fed', 'propose')).rejects.toMatchObject({ code: 'ERR_NOT_OWNER' });

    // Senegal noted something on the patrol (its own record), then Mali takes the patrol back.
    await sn.store.db
      .insertInto('observations')
      .values({
        id: 'sn-obs-1',
        owner: 'SN',
        releasableTo: '[]',
        version: 1,
        createdAt: at,
        updatedAt: at,
        patrolId: 'ml-patrol-fed',
        at,
        lat: null,
        lon: null,
        section: null,
        text: 'Convoi suspect',
        createdBy: null,
      })
      .execute();
    const patrol = (await ml.node.repos.patrols.findVisible('ml-patrol-fed', 'ML'))!;
    await storePatrolVersion(ml.node, { ...patrol, releasableTo: [], version: 2 });
    const after = await createIncident(ml, ['SN']);
    await sn.puller.syncAll();
    expect(await sn.node.repos.patrols.findVisible('ml-patrol-fed', 'SN')).toBeUndefined();
    const stub = await sn.store.db.selectFrom('patrols').selectAll().where('id', '=', 'ml-patrol-fed').executeTakeFirst();
    expect(stub?.name).toBe('');
    expect(await sn.incidentIds()).toContain(after.id);
  });

  it('keeps every audit chain whole through all of this', async () => {
    for (const n of [ml, sn, mr]) expect(await n.node.repos.audit.verify()).toMatchObject({ ok: true });
  });
});
