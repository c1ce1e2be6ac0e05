import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import { openStore, type Store } from '../../src/store/database.js';
import { IncidentRepository, incidentsMatching } from '../../src/store/incident-repository.js';
import { IncidentTileRepository } from '../../src/store/incident-tile-repository.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-in-box-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function incident(id: string, lon: number, lat: number): Incident {
  return {
    id,
    owner: 'ML',
    releasableTo: [],
    version: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    datePrecision: 'day',
    location: { lat, lon },
    geoPrecision: 'exact',
    placeName: null,
    section: null,
    eventType: 'Battles',
    subEventType: 'Armed clash',
    actors: [],
    fatalities: null,
    injured: null,
    abducted: null,
    narrative: null,
    source: { kind: 'other', name: null, reliability: null, credibility: null },
    status: 'unverified',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: null,
  };
}

// Coordinates a 32-bit float cannot hold: the R*Tree keeps them rounded outwards.
const EDGE_LON = -12.345678901;
const EDGE_LAT = 14.123456789;

describe('an incident lies in a box by its own coordinates, edges included', () => {
  beforeAll(async () => {
    const incidents = new IncidentRepository(store.db);
    await store.db.transaction().execute(async (trx) => {
      await incidents.insertIn(trx, incident('on-the-corner', EDGE_LON, EDGE_LAT));
      await incidents.insertIn(trx, incident('just-outside', EDGE_LON - 1e-9, EDGE_LAT));
    });
  });

  // Boxes read through the index of places (up to 8°) and through the R*Tree (wider).
  for (const [name, box] of [
    ['a tile’s box', [EDGE_LON, EDGE_LAT, EDGE_LON + 0.05, EDGE_LAT + 0.05]],
    ['a view of 3°', [EDGE_LON, EDGE_LAT, EDGE_LON + 3, EDGE_LAT + 3]],
    ['a view of 3° ending on it', [EDGE_LON - 3, EDGE_LAT - 3, EDGE_LON, EDGE_LAT]],
    ['a view of 20°', [EDGE_LON, EDGE_LAT, EDGE_LON + 20, EDGE_LAT + 20]],
    ['a view of 20° ending on it', [EDGE_LON - 20, EDGE_LAT - 20, EDGE_LON, EDGE_LAT]],
  ] as const) {
    it(`on ${name}: listed, counted on the map, and its neighbour outside is not`, async () => {
      const bbox = [...box] as [number, number, number, number];
      const listed = await new IncidentRepository(store.db).search('ML', { bbox, limit: 10 });
      const expected = box[0] === EDGE_LON ? ['on-the-corner'] : ['just-outside', 'on-the-corner'];
      expect(listed.map((i) => i.id).sort()).toEqual(expected);
      const marks = await new IncidentTileRepository(store.db).marks('ML', { bbox }, 10);
      expect(marks.map((m) => m.id).sort()).toEqual(expected);
    });
  }

  it('reads a tile of a few kilometres through the index of places, covering every column it needs', () => {
    const bbox: [number, number, number, number] = [-12.5, 14.1, -12.41, 14.19];
    const query = incidentsMatching(store.db, 'ML', { bbox, from: '2020-01-01', eventType: 'Battles', status: 'unverified' })
      .select([
        'incidents.id',
        'incidents.lon',
        'incidents.lat',
        'incidents.eventType',
        'incidents.occurredAt',
        'incidents.owner',
        'incidents.releasableTo',
        'incidents.status',
      ])
      .orderBy('incidents.occurredAt', 'desc')
      .orderBy('incidents.seq', 'desc')
      .compile();
    const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING COVERING INDEX incidents_by_place');
  });
});
