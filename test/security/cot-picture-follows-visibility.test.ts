import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { CoT, type TakFeature } from '../tak/tak-library.js';

// The CoT picture is one more channel: a partner reads there exactly the incidents it may list,
// never a national incident, and positions only as the position policy gives them. Every event is
// read back by the TAK community's library (@tak-ps/node-cot), not by the code that wrote it.

let demo: DemoNode;
let nationalId: string;

beforeAll(async () => {
  demo = await startDemoNode();
  const created = await demo.call('POST', '/api/v1/incidents', {
    as: 'coord.ml',
    body: {
      occurredAt: '2026-11-01',
      location: { lat: 14.43, lon: -11.43 },
      placeName: 'Kayes « nord », <secteur> & co',
      eventType: 'Battles',
      subEventType: 'Armed clash',
      narrative: 'Note nationale.',
      releasableTo: [],
    },
  });
  expect(created.status).toBe(201);
  nationalId = created.body.id;
});
afterAll(async () => demo.close());

async function picture(as: string, query = ''): Promise<{ status: number; type: string; features: TakFeature[] }> {
  const response = await demo.app.inject({ method: 'GET', url: `/api/v1/cot${query}`, headers: { authorization: `Bearer ${await demo.token(as)}` } });
  const document = new DOMParser().parseFromString(response.body, 'text/xml');
  const list = document.documentElement;
  const events = list ? Array.from(list.getElementsByTagName('event')) : [];
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    features: events.map((event) => new CoT(new XMLSerializer().serializeToString(event)).to_geojson()),
  };
}

const incidentIdsOf = (features: TakFeature[]) =>
  features
    .map((f) => f.id)
    .filter((uid) => uid.startsWith('diboli.incident.'))
    .map((uid) => uid.slice('diboli.incident.'.length));

async function listedIds(as: string, query = ''): Promise<string[]> {
  return (await demo.call('GET', `/api/v1/incidents?limit=50000${query}`, { as })).body.features.map((f: { id: string }) => f.id);
}

describe('GET /api/v1/cot', () => {
  it.each(['coord.ml', 'liaison.sn', 'coord.sn'])('for %s: an <events> list of the incidents the list gives, each read by a TAK library', async (as) => {
    const { status, type, features } = await picture(as);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/xml/);
    expect(incidentIdsOf(features).sort()).toEqual((await listedIds(as)).sort());
    expect(incidentIdsOf(features).includes(nationalId)).toBe(as === 'coord.ml');
    for (const feature of features) {
      expect(feature.properties.type).toMatch(/^[a-z](-[A-Za-z0-9_.]+)+$/);
      expect(Date.parse(String(feature.properties.time))).not.toBeNaN();
    }
    const remarks = features.filter((f) => f.id.startsWith('diboli.incident.')).map((f) => String(f.properties.remarks));
    expect(remarks.every((r) => /^(ML|SN|MR) (NATIONAL|REL [A-Z ]+)\n/.test(r))).toBe(true);
    expect(features.some((f) => f.id.startsWith('diboli.axis.') && f.geometry.type === 'LineString')).toBe(true);
  });

  it('keeps to the box and the period', async () => {
    const query = '?bbox=-11.5,14.4,-11.4,14.5&from=2026-11-01&to=2026-11-01';
    const { features } = await picture('coord.ml', query);
    expect(incidentIdsOf(features).sort()).toEqual((await listedIds('coord.ml', '&bbox=-11.5,14.4,-11.4,14.5&from=2026-11-01&to=2026-11-01')).sort());
    expect(incidentIdsOf(features)).toContain(nationalId);
  });

  it('a partner reads positions only as the position policy gives them (the demo’s policy gives partners none)', async () => {
    const now = demo.node.clock.now();
    const created = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: {
        name: 'Patrouille Kayes',
        kind: 'national',
        unitIds: ['ml-gend-kayes'],
        axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
        plannedStart: now.toISOString(),
        plannedEnd: new Date(now.getTime() + 36e5 * 8).toISOString(),
        releasableTo: ['SN'],
      },
    });
    const id = created.body.id as string;
    for (const action of ['propose', 'approve', 'start']) await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' });
    const reported = await demo.call('POST', `/api/v1/patrols/${id}/positions`, {
      as: 'coord.ml',
      body: { positions: [{ at: new Date(now.getTime() - 60_000).toISOString(), lat: 14.45, lon: -12.2 }] },
    });
    expect(reported.status).toBe(200);
    expect(demo.node.mechanism.sharingPolicy.position).not.toContain('SN');
    const uid = `diboli.patrol.${id}`;
    const ml = await picture('coord.ml');
    const sn = await picture('liaison.sn');
    expect(ml.features.find((f) => f.id === uid)?.properties).toMatchObject({ type: 'a-f-G-U-C', how: 'm-g' });
    expect(ml.features.some((f) => f.id === `diboli.route.${id}`)).toBe(true);
    // The patrol and its route are released to Senegal; where it is, is not.
    expect(sn.features.some((f) => f.id === `diboli.route.${id}`)).toBe(true);
    expect(sn.features.some((f) => f.id.startsWith('diboli.patrol.'))).toBe(false);
  });

  it('refuses a bad box, an inverted period and an anonymous caller', async () => {
    expect((await demo.call('GET', '/api/v1/cot?bbox=1,2,3', { as: 'coord.ml' })).body.code).toBe('ERR_BAD_BBOX');
    expect((await demo.call('GET', '/api/v1/cot?from=2026-11-02&to=2026-11-01', { as: 'coord.ml' })).body.code).toBe('ERR_BAD_TIME_RANGE');
    expect((await demo.call('GET', '/api/v1/cot')).status).toBe(401);
  });
});
