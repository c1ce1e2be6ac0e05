import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// GPX 1.1 out (a patrol's planned route, its track as the position policy allows) and in (a
// planned route for a draft patrol), each file read back by togeojson over xmldom.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function get(url: string, as: string) {
  const response = await demo.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await demo.token(as)}` } });
  return { status: response.statusCode, type: String(response.headers['content-type']), body: response.body };
}

async function put(url: string, as: string, body: string, type = 'application/gpx+xml') {
  const response = await demo.app.inject({
    method: 'PUT',
    url,
    headers: { authorization: `Bearer ${await demo.token(as)}`, 'content-type': type },
    payload: body,
  });
  return { status: response.statusCode, body: response.json() as any };
}

const read = (text: string) => gpx(new DOMParser().parseFromString(text, 'text/xml') as never).features;

const PLANNED = `<?xml version="1.0"?>
<gpx version="1.1" creator="GPS de terrain" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Boucle Diboli</name><trkseg>
    <trkpt lat="14.4551123456789" lon="-12.1994512345678"/><trkpt lat="14.47" lon="-12.15"/>
  </trkseg><trkseg><trkpt lat="14.49" lon="-12.10"/><trkpt lat="14.5" lon="-12.05"/></trkseg></trk>
</gpx>`;

const plan = {
  name: 'Reconnaissance GPX',
  kind: 'national',
  unitIds: ['ml-gend-kayes'],
  plannedStart: '2026-12-20T06:00:00Z',
  plannedEnd: '2026-12-20T18:00:00Z',
};

describe('GPX', () => {
  it('gives a patrol’s planned route as a GPX route', async () => {
    const patrols = (await demo.call('GET', '/api/v1/patrols', { as: 'coord.sn' })).body.features;
    const routed = patrols.find((f: any) => f.geometry?.type === 'LineString');
    const answer = await get(`/api/v1/patrols/${routed.id}/route.gpx`, 'coord.sn');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/gpx+xml; charset=utf-8');
    const [route] = read(answer.body);
    expect(route!.properties).toMatchObject({ _gpxType: 'rte', name: routed.properties.name });
    expect(route!.geometry).toEqual(routed.geometry);
  });

  it('gives the track’s positions to the owner and none to a partner outside the position policy', async () => {
    const owner = read((await get('/api/v1/patrols/demo-patrol-launch/track.gpx', 'coord.ml')).body);
    expect(owner[0]!.geometry).toMatchObject({ type: 'LineString' });
    expect((owner[0]!.geometry as any).coordinates).toHaveLength(5);
    expect((owner[0]!.properties as any).coordinateProperties.times).toHaveLength(5);
    const partner = await get('/api/v1/patrols/demo-patrol-launch/track.gpx', 'coord.sn');
    expect(partner.status).toBe(200);
    expect(partner.body).not.toContain('<trkpt');
    expect(read(partner.body).filter((f) => f.geometry)).toEqual([]);
  });

  it('replaces a draft’s route with a GPX track, segments joined, at 6 decimals', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: plan });
    const updated = await put(`/api/v1/patrols/${created.body.id}/route.gpx`, 'coord.ml', PLANNED);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      route: {
        type: 'LineString',
        coordinates: [
          [-12.199451, 14.455112],
          [-12.15, 14.47],
          [-12.1, 14.49],
          [-12.05, 14.5],
        ],
      },
    });
    const back = read((await get(`/api/v1/patrols/${created.body.id}/route.gpx`, 'coord.ml')).body);
    expect(back[0]!.geometry).toEqual(updated.body.route);
    const converted = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/imports/gpx',
      headers: { authorization: `Bearer ${await demo.token('lead.ml')}`, 'content-type': 'application/gpx+xml' },
      payload: PLANNED,
    });
    expect(converted.json()).toEqual({ type: 'Feature', geometry: updated.body.route, properties: { name: 'Boucle Diboli' } });
  });

  it('refuses a route for a patrol past its draft, a partner’s officer, and files that are not GPX, writing nothing', async () => {
    const created = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', body: plan });
    const id = created.body.id;
    const version = () => demo.store.sqlite.prepare('SELECT version FROM patrols WHERE id = ?').get(id) as { version: number };
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.sn', PLANNED)).toMatchObject({ status: 403 });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'observer.ml', PLANNED)).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN_ROLE' } });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml', '<gpx><rte><rtept lat="14" lon="-12"/></rte></gpx>')).toMatchObject({
      status: 422,
      body: { code: 'ERR_GPX_NO_ROUTE' },
    });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml', '<gpx><rte>')).toMatchObject({ status: 422, body: { code: 'ERR_GPX_UNREADABLE' } });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml', '<kml/>')).toMatchObject({ status: 422, body: { code: 'ERR_GPX_UNREADABLE' } });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml', '{"type":"LineString"}', 'application/json')).toMatchObject({
      status: 415,
      body: { code: 'ERR_GPX_ONLY' },
    });
    expect(version()).toEqual({ version: 1 });
    await demo.call('POST', `/api/v1/patrols/${id}/propose`, { as: 'coord.ml' });
    expect(await put(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml', PLANNED)).toMatchObject({ status: 409, body: { code: 'ERR_PATROL_NOT_DRAFT' } });
    expect(version()).toEqual({ version: 2 });
    expect((await get(`/api/v1/patrols/${id}/route.gpx`, 'coord.ml')).status).toBe(404);
  });
});
