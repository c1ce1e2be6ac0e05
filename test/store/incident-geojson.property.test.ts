import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import { isVisibleTo } from '../../src/domain/sovereignty.js';
import { round6 } from '../../src/geo/geojson-output.js';
import { openStore, type Store } from '../../src/store/database.js';
import { IncidentRepository } from '../../src/store/incident-repository.js';

const NATIONS = ['ML', 'SN', 'MR'] as const;
const nation = fc.constantFrom(...NATIONS);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Kidira', 'Gouré « nord »', 'a"b\\c\n\td', '\u2028', '😀'));
const count = fc.option(fc.nat({ max: 500 }), { nil: null });
const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2026-11-29T00:00:00Z') }).map((ms) => new Date(ms).toISOString());

let dir: string;
let store: Store;
let run = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-geojson-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const draft = fc.record({
  owner: nation,
  releasableTo: fc.uniqueArray(nation, { maxLength: 3 }),
  occurredAt: instant,
  // Inside the box, off its edges: the R*Tree keeps boxes in single precision.
  lon: fc.double({ min: 0.001, max: 0.048, noNaN: true }),
  lat: fc.double({ min: 12.5, max: 15.5, noNaN: true }),
  placeName: fc.option(text, { nil: null }),
  section: fc.option(fc.constantFrom('ML-SN-01', 'ML-SN-02'), { nil: null }),
  actors: fc.array(text, { maxLength: 3 }),
  fatalities: count,
  injured: count,
  abducted: count,
  narrative: fc.option(text, { nil: null }),
  sourceName: fc.option(text, { nil: null }),
  credibility: fc.option(fc.constantFrom(...([1, 2, 3, 4, 5, 6] as const)), { nil: null }),
});

/** What the API listed before the store wrote the JSON: the record, located, without its author. */
function asFeature(incident: Incident) {
  const { location, createdBy: _createdBy, ...properties } = incident;
  return { type: 'Feature', id: incident.id, geometry: { type: 'Point', coordinates: [round6(location.lon), round6(location.lat)] }, properties };
}

async function geoJson(incidents: IncidentRepository, ...[viewer, query]: Parameters<IncidentRepository['searchAsGeoJson']>): Promise<unknown> {
  return JSON.parse((await incidents.searchAsGeoJson(viewer, query)).toString('utf8'));
}

describe('the incident list written by SQLite', () => {
  it('is, feature for feature and in the same order, the records the viewer may see', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 20 }), nation, async (drafts, viewer) => {
        run += 1;
        // Each run sits in its own longitude band, so that it can be queried apart from the earlier ones.
        const band = -170 + run * 0.05;
        const incidents = new IncidentRepository(store.db);
        const written: Incident[] = drafts.map((d, i) => ({
          id: `r${run}-${i}`,
          owner: d.owner,
          releasableTo: d.releasableTo.filter((n) => n !== d.owner),
          version: 1 + i,
          occurredAt: d.occurredAt,
          datePrecision: 'day',
          location: { lon: band + d.lon, lat: d.lat },
          geoPrecision: 'exact',
          placeName: d.placeName,
          section: d.section,
          eventType: 'Border activity',
          subEventType: 'Smuggling',
          actors: d.actors,
          fatalities: d.fatalities,
          injured: d.injured,
          abducted: d.abducted,
          narrative: d.narrative,
          source: { kind: 'patrol', name: d.sourceName, reliability: d.credibility === null ? null : 'B', credibility: d.credibility },
          status: 'unverified',
          createdAt: d.occurredAt,
          updatedAt: d.occurredAt,
          createdBy: 'someone',
        }));
        await store.db.transaction().execute(async (trx) => {
          for (const record of written) await incidents.insertIn(trx, record);
        });

        const query = { bbox: [band, 12, band + 0.049, 16] as [number, number, number, number], limit: 1000 };
        const listed = (await geoJson(incidents, viewer, query)) as { type: string; features: unknown[] };
        const found = await incidents.search(viewer, query);
        expect(listed.type).toBe('FeatureCollection');
        expect(listed.features).toEqual(found.map(asFeature));
        expect(found.map((record) => record.id).sort()).toEqual(
          written
            .filter((record) => isVisibleTo(record, viewer))
            .map((record) => record.id)
            .sort(),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the server-side filters and the limit', async () => {
    const incidents = new IncidentRepository(store.db);
    const days = ['2024-03-01', '2024-06-01', '2025-01-01', '2025-06-01', '2026-03-01'];
    for (const [i, day] of days.entries()) {
      for (const section of ['ML-SN-01', 'ML-SN-02']) {
        const at = `${day}T08:00:00.000Z`;
        await store.db.transaction().execute((trx) =>
          incidents.insertIn(trx, {
            id: `filters-${section}-${i}`,
            owner: 'ML',
            releasableTo: [],
            version: 1,
            occurredAt: at,
            datePrecision: 'day',
            location: { lon: 175 + i / 100, lat: 14 },
            geoPrecision: 'exact',
            placeName: null,
            section,
            eventType: 'Battles',
            subEventType: 'Armed clash',
            actors: [],
            fatalities: 1,
            injured: null,
            abducted: null,
            narrative: null,
            source: { kind: 'patrol', name: null, reliability: null, credibility: null },
            status: 'unverified',
            createdAt: at,
            updatedAt: at,
            createdBy: null,
          }),
        );
      }
    }
    const ids = async (query: Parameters<IncidentRepository['searchAsGeoJson']>[1]) =>
      ((await geoJson(incidents, 'ML', { bbox: [174, 13, 176, 15], ...query })) as { features: { id: string }[] }).features.map((f) => f.id);
    expect(await ids({ from: '2024-06-01T00:00:00.000Z', to: '2025-12-31T23:59:59.999Z', section: 'ML-SN-02', limit: 100 })).toEqual([
      'filters-ML-SN-02-3',
      'filters-ML-SN-02-2',
      'filters-ML-SN-02-1',
    ]);
    expect(await ids({ eventType: 'Battles', limit: 3 })).toEqual(['filters-ML-SN-02-4', 'filters-ML-SN-01-4', 'filters-ML-SN-02-3']);
    expect(await ids({ eventType: 'Riots', limit: 10 })).toEqual([]);
    expect(await ids({ owner: 'SN', limit: 10 })).toEqual([]);
    // Not released to Senegal: national records stay at home.
    expect(await geoJson(incidents, 'SN', { bbox: [174, 13, 176, 15], limit: 100 })).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
