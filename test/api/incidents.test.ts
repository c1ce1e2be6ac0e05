import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentPropertiesSchema } from '../../src/contracts/incident.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

const NOW = '2026-11-29T12:00:00.000Z';
let demo: DemoNode;

const valid = {
  occurredAt: '2026-11-27T06:30:00Z',
  location: { lat: 14.44, lon: -12.18 },
  placeName: 'Diboli',
  eventType: 'Border activity',
  subEventType: 'Smuggling',
  actors: ['Contrebandiers'],
  source: { kind: 'patrol', name: 'GTIA Diboli', reliability: 'B', credibility: 2 },
};

async function incidentCount(): Promise<number> {
  return demo.node.repos.incidents.count();
}

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
});
afterAll(async () => demo.close());

describe('incidents over HTTP', () => {
  it('answers /healthz without a token and refuses the API without one', async () => {
    expect(await demo.call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const refused = await demo.call('GET', '/api/v1/incidents');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('stores an incident with owner, derived section and the mechanism’s default releasability', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'lead.ml', body: valid });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      owner: 'ML',
      releasableTo: ['SN'],
      section: 'ML-SN-02',
      version: 1,
      status: 'unverified',
      eventType: 'Border activity',
    });
    expect(created.body.id).toMatch(/[0-9a-f-]{36}/);

    const read = await demo.call('GET', `/api/v1/incidents/${created.body.id}`, { as: 'coord.sn' });
    expect(read.status).toBe(200);
    expect(read.body.location).toEqual(valid.location);
  });

  it('lists a viewport as a FeatureCollection and filters by time, type, section and owner', async () => {
    const viewport = await demo.call('GET', '/api/v1/incidents?bbox=-12.4,14.3,-12.0,14.6', { as: 'coord.ml' });
    expect(viewport.status).toBe(200);
    expect(viewport.body.type).toBe('FeatureCollection');
    const places = viewport.body.features.map((f: any) => f.properties.placeName);
    expect(places).toContain('Kidira');
    expect(places).not.toContain('Kayes');
    for (const f of viewport.body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(-12.4);
      expect(lat).toBeLessThanOrEqual(14.6);
    }
    const smuggling = await demo.call('GET', '/api/v1/incidents?eventType=Border%20activity&from=2026-01-01&to=2026-11-28', { as: 'coord.ml' });
    expect(smuggling.body.features.length).toBeGreaterThan(0);
    for (const f of smuggling.body.features) {
      expect(f.properties.eventType).toBe('Border activity');
      expect(f.properties.occurredAt >= '2026-01-01').toBe(true);
    }
    // The owner filter keeps Senegal's incidents, all of them and only them: an empty answer fails.
    const everyOwner = await demo.call('GET', '/api/v1/incidents', { as: 'coord.ml' });
    const fromSenegal = await demo.call('GET', '/api/v1/incidents?owner=SN', { as: 'coord.ml' });
    const senegalese = everyOwner.body.features.filter((f: any) => f.properties.owner === 'SN').map((f: any) => f.id);
    expect(senegalese.length).toBeGreaterThan(0);
    expect(everyOwner.body.features.length).toBeGreaterThan(senegalese.length);
    expect(fromSenegal.body.features.map((f: any) => f.id).sort()).toEqual(senegalese.sort());
    const section = await demo.call('GET', '/api/v1/incidents?section=ML-SN-02', { as: 'coord.ml' });
    expect(new Set(section.body.features.map((f: any) => f.properties.section))).toEqual(new Set(['ML-SN-02']));
  });

  it('lists each incident as it reads by id, with the documented fields only', async () => {
    const listed = await demo.call('GET', '/api/v1/incidents?limit=50', { as: 'coord.ml' });
    expect(listed.status).toBe(200);
    expect(listed.body.features.length).toBeGreaterThan(5);
    const documented = Object.keys(IncidentPropertiesSchema.properties).sort();
    for (const feature of listed.body.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(documented);
      const { location, ...properties } = (await demo.call('GET', `/api/v1/incidents/${feature.id}`, { as: 'coord.ml' })).body;
      expect(feature).toEqual({ type: 'Feature', id: properties.id, geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties });
    }
    const times = listed.body.features.map((feature: any) => feature.properties.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('hides national-only records from a partner’s user, in lists and by id', async () => {
    const asSenegal = await demo.call('GET', '/api/v1/incidents', { as: 'coord.sn' });
    const ids = asSenegal.body.features.map((f: any) => f.properties.id);
    expect(ids).not.toContain('demo-ml-0006');
    expect(ids).not.toContain('demo-mr-0001');
    expect(ids).toContain('demo-ml-0001');
    expect((await demo.call('GET', '/api/v1/incidents/demo-ml-0006', { as: 'coord.sn' })).status).toBe(404);
    const asMali = await demo.call('GET', '/api/v1/incidents', { as: 'coord.ml' });
    expect(asMali.body.features.map((f: any) => f.properties.id)).toEqual(expect.arrayContaining(['demo-ml-0006', 'demo-mr-0001', 'demo-sn-0001']));
  });

  it('lets the owner edit, bumping the version and re-deriving the section', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'analyst.ml', body: { ...valid, releasableTo: [] } });
    expect(created.body.releasableTo).toEqual([]);
    const moved = await demo.call('PATCH', `/api/v1/incidents/${created.body.id}`, {
      as: 'analyst.ml',
      body: { location: { lat: 14.9, lon: -12.45 }, status: 'confirmed', releasableTo: ['SN', 'MR'] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: 2, status: 'confirmed', section: 'MR-SN-28', releasableTo: ['MR', 'SN'], eventType: 'Border activity' });
  });

  it('answers in English when asked, in French otherwise', async () => {
    const body = { ...valid, occurredAt: '2027-01-01' };
    const fr = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body });
    const en = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body, lang: 'en-GB,en;q=0.9' });
    expect(fr.body.message).toBe('La date de l’événement est dans le futur.');
    expect(en.body.message).toBe('The event date is in the future.');
  });

  const bad: [string, { as?: string; body?: unknown; raw?: string; url?: string; method?: 'POST' | 'PATCH' }, number, string, string?][] = [
    ['malformed JSON', { raw: '{"occurredAt": ' }, 400, 'ERR_MALFORMED_JSON'],
    ['a missing field', { body: { ...valid, eventType: undefined } }, 400, 'ERR_VALIDATION', 'eventType'],
    ['an unknown property', { body: { ...valid, colour: 'red' } }, 400, 'ERR_VALIDATION', 'colour'],
    ['an unknown event type', { body: { ...valid, eventType: 'Picnic' } }, 422, 'ERR_UNKNOWN_EVENT_TYPE', 'eventType'],
    ['a sub-type of another type', { body: { ...valid, subEventType: 'Armed clash' } }, 422, 'ERR_SUB_EVENT_TYPE_MISMATCH', 'subEventType'],
    ['an unknown status', { body: { ...valid, status: 'maybe' } }, 400, 'ERR_VALIDATION', 'status'],
    ['a latitude out of range', { body: { ...valid, location: { lat: 95, lon: -12 } } }, 400, 'ERR_VALIDATION', 'location.lat'],
    ['a point far outside the area (Paris)', { body: { ...valid, location: { lat: 48.85, lon: 2.35 } } }, 422, 'ERR_OUTSIDE_AREA', 'location'],
    ['a date in the future', { body: { ...valid, occurredAt: '2026-12-25T00:00:00Z' } }, 422, 'ERR_OCCURRED_IN_FUTURE', 'occurredAt'],
    ['a date that is not one', { body: { ...valid, occurredAt: 'hier' } }, 400, 'ERR_VALIDATION', 'occurredAt'],
    ['a negative death toll', { body: { ...valid, fatalities: -3 } }, 400, 'ERR_VALIDATION', 'fatalities'],
    ['a grading out of the scale', { body: { ...valid, source: { kind: 'patrol', reliability: 'G' } } }, 400, 'ERR_VALIDATION', 'source.reliability'],
    ['release to a nation outside the mechanism', { body: { ...valid, releasableTo: ['FR'] } }, 422, 'ERR_RELEASE_OUTSIDE_MECHANISM', 'releasableTo'],
    ['a partner officer writing on this node', { as: 'coord.sn', body: valid }, 403, 'ERR_NOT_OWNER'],
    ['an observer writing', { as: 'observer.ml', body: valid }, 403, 'ERR_FORBIDDEN_ROLE'],
    ['a patrol leader choosing releasability', { as: 'lead.ml', body: { ...valid, releasableTo: ['SN'] } }, 403, 'ERR_FORBIDDEN_ROLE'],
    ['editing a partner’s record', { method: 'PATCH', url: '/api/v1/incidents/demo-sn-0001', body: { status: 'refuted' } }, 403, 'ERR_NOT_OWNER'],
    ['editing a record one cannot see', { method: 'PATCH', url: '/api/v1/incidents/does-not-exist', body: { status: 'refuted' } }, 404, 'ERR_NOT_FOUND'],
    ['an empty patch', { method: 'PATCH', url: '/api/v1/incidents/demo-ml-0001', body: {} }, 400, 'ERR_VALIDATION'],
  ];

  it.each(bad)('refuses %s with a coded error and writes nothing', async (_name, request, status, code, field) => {
    const before = await incidentCount();
    const beforePartner = await demo.call('GET', '/api/v1/incidents/demo-sn-0001', { as: 'coord.ml' });
    const response = await demo.call(request.method ?? 'POST', request.url ?? '/api/v1/incidents', {
      as: request.as ?? 'coord.ml',
      body: request.body,
      raw: request.raw,
    });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(typeof response.body.message).toBe('string');
    if (field) expect(response.body.field).toBe(field);
    expect(await incidentCount()).toBe(before);
    expect((await demo.call('GET', '/api/v1/incidents/demo-sn-0001', { as: 'coord.ml' })).body).toEqual(beforePartner.body);
  });

  it('rejects a malformed bbox and an inverted time range', async () => {
    const bbox = await demo.call('GET', '/api/v1/incidents?bbox=1,2,3', { as: 'coord.ml' });
    expect(bbox).toMatchObject({ status: 400, body: { code: 'ERR_BAD_BBOX', field: 'bbox' } });
    const range = await demo.call('GET', '/api/v1/incidents?from=2026-02-01&to=2026-01-01', { as: 'coord.ml' });
    expect(range).toMatchObject({ status: 400, body: { code: 'ERR_BAD_TIME_RANGE' } });
  });
});
