import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/exchange/acled.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// ACLED's CSV brought in as Mali's own incidents, through the API: what each row becomes, the
// duplicate rules, the dry run, who may import, and refusals that write nothing.

const SAMPLE = readFileSync(new URL('../fixtures/acled/kayes-sample.csv', import.meta.url), 'utf8');

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function importCsv(
  csv: string,
  { as = 'analyst.ml', query = '', lang, type = 'text/csv' }: { as?: string; query?: string; lang?: string; type?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${await demo.token(as)}`, 'content-type': type };
  if (lang) headers['accept-language'] = lang;
  const response = await demo.app.inject({ method: 'POST', url: `/api/v1/imports/acled${query}`, headers, payload: csv });
  return { status: response.statusCode, body: response.json() as any };
}

const counts = () => ({
  incidents: (demo.store.sqlite.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n,
  imported: (demo.store.sqlite.prepare('SELECT count(*) AS n FROM imported_events').get() as { n: number }).n,
  outbox: (demo.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
});

describe('ACLED import', () => {
  it('reports on a dry run what each row would become, in French, and writes nothing', async () => {
    const before = counts();
    const { status, body } = await importCsv(SAMPLE, { query: '?dryRun=true' });
    expect(status).toBe(200);
    expect(counts()).toEqual(before);
    expect(body).toMatchObject({ dryRun: true, rowsRead: 14, created: 6, createdIds: [] });
    expect(body.duplicates).toEqual([
      { line: 6, key: 'MLI90002', rule: 'same-key', incidentId: null, duplicateOfLine: 3 },
      { line: 15, key: 'MLI90012', rule: 'same-event', incidentId: 'demo-ml-0002', duplicateOfLine: null },
    ]);
    expect(body.refused.map((r: any) => [r.line, r.key, r.code, r.field])).toEqual([
      [7, 'MLI90005', 'ERR_ACLED_VALUE', 'event_date'],
      [8, 'MLI90006', 'ERR_UNKNOWN_EVENT_TYPE', 'event_type'],
      [9, 'MLI90007', 'ERR_ACLED_VALUE', 'latitude'],
      [10, 'MLI90008', 'ERR_OUTSIDE_AREA', 'location'],
      [11, 'MLI90009', 'ERR_OCCURRED_IN_FUTURE', 'occurredAt'],
      [14, 'MLI90011', 'ERR_ACLED_VALUE', 'fatalities'],
    ]);
    expect(body.refused[0].reason).toBe('Valeur illisible dans la colonne event_date : « 2024-13-45 ».');
    const english = await importCsv(SAMPLE, { query: '?dryRun=true', lang: 'en' });
    expect(english.body.refused[1].reason).toBe('Unknown event type: Cyber attack.');
  });

  it('creates Mali’s own incidents from the accepted rows, with the mechanism’s default releasability', async () => {
    const before = counts();
    const { status, body } = await importCsv(SAMPLE);
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: false, rowsRead: 14, created: 6 });
    expect(body.createdIds).toHaveLength(6);
    expect(counts()).toMatchObject({ incidents: before.incidents + 6, imported: before.imported + 6 });
    // Each is released like any new incident: queued for Senegal, audited.
    expect(counts().outbox).toBeGreaterThan(before.outbox);

    const list = (await demo.call('GET', '/api/v1/incidents?from=2024-01-01&to=2024-12-31', { as: 'coord.ml' })).body.features.map((f: any) => ({
      ...f.properties,
      coordinates: f.geometry.coordinates,
    }));
    const byPlace = (name: string) => list.find((i: any) => i.placeName === name);
    expect(byPlace('Kéniéba')).toMatchObject({
      owner: 'ML',
      releasableTo: demo.node.mechanism.sharingPolicy.incident,
      occurredAt: '2024-03-12T00:00:00.000Z',
      datePrecision: 'day',
      geoPrecision: 'near',
      eventType: 'Violence against civilians',
      subEventType: 'Abduction/forced disappearance',
      actors: ['Hommes armés non identifiés', 'Civils (Mali)', 'Orpailleurs', 'Commerçants'],
      fatalities: 0,
      injured: null,
      narrative: 'Deux orpailleurs enlevés sur la route du site.',
      source: { kind: 'other', name: 'Radio locale' },
      status: 'unverified',
      coordinates: [-11.2364, 12.8411],
    });
    expect(byPlace('Nioro du Sahel')).toMatchObject({ eventType: 'Strategic developments', datePrecision: 'month' });
    expect(byPlace('Bafoulabé')).toMatchObject({ subEventType: 'Excessive force against protesters', occurredAt: '2024-05-20T00:00:00.000Z' });
    expect(byPlace('Diéma').narrative).toContain('\nDeux blessés évacués');
    // A partner's record of the same event is no reason to leave it out of Mali's own history.
    expect(
      (await demo.call('GET', '/api/v1/incidents?from=2025-03-02&to=2025-03-02', { as: 'coord.ml' })).body.features.map((f: any) => f.properties.owner).sort(),
    ).toEqual(['ML', 'SN']);
  });

  it('creates nothing the second time: every accepted row is a duplicate of the incident it became', async () => {
    const before = counts();
    const { body } = await importCsv(SAMPLE);
    expect(body).toMatchObject({ created: 0, createdIds: [] });
    expect(body.duplicates).toHaveLength(8);
    // The six imported keys, the repeated line among them, and the event Mali recorded by hand.
    expect(body.duplicates.filter((d: any) => d.rule === 'same-key' && d.incidentId)).toHaveLength(7);
    expect(new Set(body.duplicates.filter((d: any) => d.rule === 'same-key').map((d: any) => d.incidentId)).size).toBe(6);
    expect(body.refused).toHaveLength(6);
    expect(counts()).toEqual(before);
  });

  it('takes back its own export as duplicates, by ACLED key or by incident id', async () => {
    const exported = await demo.app.inject({
      method: 'GET',
      url: '/api/v1/exports/incidents.csv',
      headers: { authorization: `Bearer ${await demo.token('coord.ml')}` },
    });
    const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, ACLED_COLUMNS.length)).toEqual([...ACLED_COLUMNS]);
    const own = rows.filter((r) => r.diboli_owner === 'ML');
    expect(own.map((r) => r.event_id_cnty)).toEqual(expect.arrayContaining(['MLI90001', 'MLI90010', 'demo-ml-0001']));
    const before = counts();
    const { body } = await importCsv(exported.body, { query: '?dryRun=true' });
    // Mali's own rows are duplicates; the partners' (owned by SN or MR) are not Mali's and would be new.
    expect(body.duplicates.map((d: any) => d.key)).toEqual(expect.arrayContaining(own.map((r) => r.event_id_cnty)));
    expect(counts()).toEqual(before);
  });

  it('keeps national what is imported with an empty releasableTo, so Senegal never sees it', async () => {
    const row =
      SAMPLE.split('\n')[0] +
      '\n' +
      'MLI95001,2024-08-01,2024,1,,Battles,Armed clash,X,,,,,,,,466,,Mali,,,,Yélimané,15.1185,-10.5731,1,Presse,,Accrochage,1,,\n';
    const { body } = await importCsv(row, { as: 'coord.ml', query: '?releasableTo=' });
    expect(body.created).toBe(1);
    const [id] = body.createdIds;
    expect((await demo.call('GET', `/api/v1/incidents/${id}`, { as: 'coord.ml' })).body.releasableTo).toEqual([]);
    expect((await demo.call('GET', `/api/v1/incidents/${id}`, { as: 'liaison.sn' })).status).toBe(404);
  });

  it.each([
    ['a patrol leader', 'lead.ml', 403, 'ERR_FORBIDDEN_ROLE'],
    ['an observer', 'observer.ml', 403, 'ERR_FORBIDDEN_ROLE'],
    ['a seconded Senegalese coordinator', 'coord.sn', 403, 'ERR_NOT_OWNER'],
    ['a Senegalese liaison officer', 'liaison.sn', 403, 'ERR_NOT_OWNER'],
  ])('refuses %s and writes nothing', async (_who, as, status, code) => {
    const before = counts();
    const { status: got, body } = await importCsv(SAMPLE.replace(/MLI9/g, 'MLI8'), { as });
    expect([got, body.code]).toEqual([status, code]);
    expect(counts()).toEqual(before);
  });

  it('refuses other bodies and files that are not ACLED’s layout, whole', async () => {
    const before = counts();
    expect(await importCsv(JSON.stringify({ rows: [] }), { type: 'application/json' })).toMatchObject({ status: 415, body: { code: 'ERR_CSV_ONLY' } });
    expect(await importCsv('a,b\n1,2\n')).toMatchObject({ status: 422, body: { code: 'ERR_ACLED_COLUMNS_MISSING' } });
    expect(await importCsv('')).toMatchObject({ status: 422 });
    expect(await importCsv(`${SAMPLE.split('\n')[0]}\n"unclosed,2024-01-01\n`)).toMatchObject({ status: 422, body: { code: 'ERR_ACLED_UNREADABLE' } });
    const anonymous = await demo.app.inject({ method: 'POST', url: '/api/v1/imports/acled', headers: { 'content-type': 'text/csv' }, payload: SAMPLE });
    expect(anonymous.statusCode).toBe(401);
    expect(await importCsv(SAMPLE, { query: '?releasableTo=FR' })).toMatchObject({ status: 422, body: { code: 'ERR_RELEASE_OUTSIDE_MECHANISM' } });
    expect(counts()).toEqual(before);
  });
});
