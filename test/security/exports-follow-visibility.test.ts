import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/exchange/acled.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Exports are one more channel: a partner's export holds exactly what the partner may list, and
// never a national incident. Each file is read back by a real reader (csv-parse, xmldom with
// togeojson, JSON.parse) rather than by the code that wrote it.

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
      actors: ['FAMa'],
      fatalities: 2,
      narrative: 'Note nationale.',
      releasableTo: [],
    },
  });
  nationalId = created.body.id;
});
afterAll(async () => demo.close());

async function exportAs(as: string, format: 'csv' | 'kml' | 'geojson', query = '') {
  const response = await demo.app.inject({
    method: 'GET',
    url: `/api/v1/exports/incidents.${format}${query}`,
    headers: { authorization: `Bearer ${await demo.token(as)}` },
  });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    disposition: String(response.headers['content-disposition']),
    body: response.body,
  };
}

async function listedIds(as: string, query = ''): Promise<string[]> {
  return (await demo.call('GET', `/api/v1/incidents?limit=50000${query}`, { as })).body.features.map((f: any) => f.id);
}

function kmlIds(text: string): string[] {
  const document = new DOMParser().parseFromString(text, 'text/xml');
  return kml(document as never).features.map((f) => String(f.properties?.id));
}

describe('incident exports honour the caller’s visibility', () => {
  it.each(['coord.ml', 'liaison.sn', 'coord.sn'])('CSV for %s: ACLED’s columns, exactly the incidents the list gives', async (as) => {
    const exported = await exportAs(as, 'csv');
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/^text\/csv/);
    expect(exported.disposition).toMatch(/attachment; filename="incidents-(ML|SN)-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, ACLED_COLUMNS.length)).toEqual([...ACLED_COLUMNS]);
    expect(rows.map((r) => r.diboli_id)).toEqual(await listedIds(as));
    const national = rows.find((r) => r.diboli_id === nationalId);
    if (as === 'coord.ml') {
      expect(national).toMatchObject({
        event_date: '2026-11-01',
        year: '2026',
        event_type: 'Battles',
        disorder_type: 'Political violence',
        country: 'Mali',
        iso: '466',
        location: 'Kayes « nord », <secteur> & co',
        fatalities: '2',
        diboli_releasable_to: '',
      });
    } else {
      expect(national).toBeUndefined();
      expect(rows.every((r) => r.diboli_owner === 'SN' || (r.diboli_releasable_to ?? '').split(' ').includes('SN'))).toBe(true);
    }
  });

  it.each(['coord.ml', 'liaison.sn'])('KML for %s: placemarks with ExtendedData, in the schema’s order', async (as) => {
    const exported = await exportAs(as, 'kml');
    expect(exported.type).toBe('application/vnd.google-earth.kml+xml; charset=utf-8');
    const ids = kmlIds(exported.body);
    expect(ids).toEqual(await listedIds(as));
    expect(ids.includes(nationalId)).toBe(as === 'coord.ml');
    const document = new DOMParser().parseFromString(exported.body, 'text/xml');
    expect(document.documentElement!.namespaceURI).toBe('http://www.opengis.net/kml/2.2');
    const placemark = document.getElementsByTagName('Placemark')[0]!;
    const order = ['name', 'description', 'TimeStamp', 'ExtendedData', 'Point'];
    const children = Array.from(placemark.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as unknown as { localName: string }).localName);
    expect(children).toEqual(order.filter((name) => children.includes(name)));
  });

  it.each(['coord.ml', 'liaison.sn'])('GeoJSON for %s: application/geo+json, the same features as the list', async (as) => {
    const exported = await exportAs(as, 'geojson');
    expect(exported.type).toBe('application/geo+json; charset=utf-8');
    const collection = JSON.parse(exported.body);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f: any) => f.id)).toEqual(await listedIds(as));
    const listed = (await demo.call('GET', '/api/v1/incidents', { as })).body.features;
    expect(collection.features).toEqual(listed);
  });

  it('applies the list’s filters and limit', async () => {
    const query = '&eventType=Battles&from=2025-01-01';
    const rows = parse((await exportAs('coord.ml', 'csv', `?${query.slice(1)}`)).body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.diboli_id)).toEqual(await listedIds('coord.ml', query));
    expect(rows.every((r) => r.event_type === 'Battles')).toBe(true);
    const two = parse((await exportAs('coord.ml', 'csv', '?limit=2')).body, { columns: true });
    expect(two).toHaveLength(2);
    expect((await exportAs('coord.ml', 'kml', '?from=2026-01-01&to=2025-01-01')).status).toBe(400);
    expect((await demo.app.inject({ method: 'GET', url: '/api/v1/exports/incidents.csv' })).statusCode).toBe(401);
  });
});
