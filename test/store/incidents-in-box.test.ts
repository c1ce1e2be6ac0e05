import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { IncidentRepository } from '../../src/store/incident-repository.js';
import { IncidentTileRepository } from '../../src/store/incident-tile-repository.js';
import { incidentRecord } from '../support/incident-record.js';

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

const incident = (id: string, lon: number, lat: number) => incidentRecord({ id, owner: 'ML', location: { lon, lat } });

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
      const marks = await new IncidentTileRepository(store).marks('ML', { bbox }, 10);
      expect(marks.map((m) => m.id).sort()).toEqual(expected);
    });
  }

  it('reads a tile of a few kilometres through the index of places, covering every column it needs', () => {
    const bbox: [number, number, number, number] = [-12.5, 14.1, -12.41, 14.19];
    const query = new IncidentTileRepository(store).marksQuery('ML', { bbox, from: '2020-01-01', eventType: 'Battles', status: 'unverified' }, 1001).compile();
    const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING COVERING INDEX incidents_by_place');
  });
});
