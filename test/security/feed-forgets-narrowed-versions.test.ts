import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident, feedPage, linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';

// Finding 6: once Mali narrows an incident, Senegal's node must not be able to read an earlier
// version of it back from Mali's feed by asking from cursor 0.
let ml: TestNode;
let sn: TestNode;

beforeAll(async () => {
  [ml, sn] = await Promise.all([startNode('ML'), startNode('SN')]);
  await linkAll([ml, sn]);
});

afterAll(async () => {
  for (const n of [ml, sn]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

async function pullAll(into: TestNode, from: TestNode) {
  for (;;) {
    const peer = (await into.node.repos.peers.byNation(from.nation))!;
    if (!(await into.puller.pullOnce(peer)).more) return;
  }
}

describe('the feed forgets the versions a nation lost', () => {
  it('serves a nation that lost access only the retraction, never the earlier body', async () => {
    const incident = await createIncident(ml, ['SN'], 'Récit confidentiel : informateur à Diboli');
    await ml.incidents.update(ml.coordinator, incident.id, { narrative: 'Deuxième version, encore partagée' });
    await pullAll(sn, ml);
    expect(await sn.incidentIds()).toContain(incident.id);

    await ml.incidents.update(ml.coordinator, incident.id, { releasableTo: [] });
    const page = await feedPage(sn, ml, 0);
    const about = page.envelopes.filter((e) => e.id === incident.id || (e.body as { id?: string }).id === incident.id);
    expect(about.map((e) => e.kind)).toEqual(['retraction']);
    expect(JSON.stringify(page)).not.toContain('informateur');
    expect(JSON.stringify(page)).not.toContain('Deuxième version');

    // The partner still applies the retraction exactly once, from wherever its cursor was.
    await pullAll(sn, ml);
    expect(await sn.incidentIds()).not.toContain(incident.id);
  });

  it('keeps only the newest version of a record in the outbox', async () => {
    const incident = await createIncident(ml, ['SN'], 'v1');
    for (const narrative of ['v2', 'v3', 'v4']) await ml.incidents.update(ml.coordinator, incident.id, { narrative });
    const stored = await ml.store.db.selectFrom('outbox').select(['version']).where('recordId', '=', incident.id).execute();
    expect(stored.map((r) => r.version)).toEqual([4]);
    const page = await feedPage(sn, ml, 0);
    expect(page.envelopes.filter((e) => e.id === incident.id).map((e) => e.version)).toEqual([4]);
    await pullAll(sn, ml);
    const copy = await sn.store.db.selectFrom('incidents').select(['version', 'narrative']).where('id', '=', incident.id).executeTakeFirstOrThrow();
    expect(copy).toEqual({ version: 4, narrative: 'v4' });
  });

  it('serves a nation that gets access back the newest version only', async () => {
    const incident = await createIncident(ml, ['SN'], 'partagé');
    await ml.incidents.update(ml.coordinator, incident.id, { releasableTo: [], narrative: 'national, à ne pas lire' });
    await ml.incidents.update(ml.coordinator, incident.id, { releasableTo: ['SN'], narrative: 'de nouveau partagé' });
    const page = await feedPage(sn, ml, 0);
    const about = page.envelopes.filter((e) => e.id === incident.id || (e.body as { id?: string }).id === incident.id);
    expect(about.map((e) => [e.kind, e.version])).toEqual([['incident', 3]]);
    expect(JSON.stringify(page)).not.toContain('à ne pas lire');
  });
});
