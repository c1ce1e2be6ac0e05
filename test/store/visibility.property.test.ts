import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import type { Patrol } from '../../src/contracts/patrol.js';
import { isVisibleTo, positionsAudience } from '../../src/domain/sovereignty.js';
import { openStore, type Store } from '../../src/store/database.js';
import { IncidentRepository } from '../../src/store/incident-repository.js';
import { PatrolRepository } from '../../src/store/patrol-repository.js';
import { TRACK_LEVELS, TrackTileRepository } from '../../src/store/track-tile-repository.js';
import { incidentRecord } from '../support/incident-record.js';
import { patrolRecord } from '../support/patrol-record.js';

const NATIONS = ['ML', 'SN', 'MR', 'GN'] as const;
const nation = fc.constantFrom(...NATIONS);
const releasable = fc.uniqueArray(nation, { maxLength: 4 });

let dir: string;
let store: Store;
let run = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-visibility-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function incident(id: string, owner: string, releasableTo: string[], lon: number, lat: number): Incident {
  return incidentRecord({ id, owner, releasableTo: releasableTo.filter((n) => n !== owner), location: { lat, lon } });
}

let patrolCodes = 0;

function patrol(id: string, owner: string, releasableTo: string[]): Patrol {
  return patrolRecord({
    id,
    owner,
    releasableTo: releasableTo.filter((n) => n !== owner),
    plannedEnd: '2026-01-02T00:00:00.000Z',
    code: `${owner}-${++patrolCodes}`,
  });
}

describe('the store applies the visibility rule', () => {
  it('never returns a record to a nation it is not owned by nor released to', async () => {
    const records = fc.array(
      fc.record({
        owner: nation,
        releasableTo: releasable,
        lon: fc.double({ min: -13, max: -11, noNaN: true }),
        lat: fc.double({ min: 13, max: 15, noNaN: true }),
      }),
      { minLength: 1, maxLength: 25 },
    );
    await fc.assert(
      fc.asyncProperty(records, nation, async (drafts, viewer) => {
        run += 1;
        // Each run sits in its own longitude band, so its records can be queried apart from earlier runs'.
        const band = -170 + run * 0.5;
        const incidents = new IncidentRepository(store.db);
        const patrols = new PatrolRepository(store.db);
        const written = drafts.map((d, i) => incident(`r${run}-i${i}`, d.owner, d.releasableTo, band + (d.lon + 13) / 10, d.lat));
        await store.db.transaction().execute(async (trx) => {
          for (const record of written) await incidents.insertIn(trx, record);
          for (const [i, d] of drafts.entries()) await patrols.insertIn(trx, patrol(`r${run}-p${i}`, d.owner, d.releasableTo));
        });

        const expected = written
          .filter((r) => isVisibleTo(r, viewer))
          .map((r) => r.id)
          .sort();
        const listed = await incidents.search(viewer, { bbox: [band, 12, band + 0.49, 16], limit: 1000 });
        expect(listed.map((r) => r.id).sort()).toEqual(expected);
        for (const record of written) {
          expect((await incidents.findVisible(record.id, viewer)) !== undefined).toBe(isVisibleTo(record, viewer));
        }
        const visiblePatrols = (await patrols.listVisible(viewer)).filter((p) => p.id.startsWith(`r${run}-`));
        for (const p of visiblePatrols) expect(isVisibleTo(p, viewer)).toBe(true);
        expect(visiblePatrols.length).toBe(drafts.filter((d) => isVisibleTo({ owner: d.owner, releasableTo: d.releasableTo }, viewer)).length);
      }),
      { numRuns: 60 },
    );
  });

  it('reads positions for the map only of the patrols whose positions the nation may be shown', async () => {
    const patrolDrafts = fc.array(fc.record({ owner: nation, releasableTo: releasable }), { minLength: 1, maxLength: 12 });
    const policy = fc.uniqueArray(nation, { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(patrolDrafts, policy, nation, async (drafts, position, viewer) => {
        run += 1;
        const band = -170 + run * 0.5;
        const patrols = new PatrolRepository(store.db);
        const written = drafts.map((d, i) => patrol(`r${run}-p${i}`, d.owner, d.releasableTo));
        await store.db.transaction().execute(async (trx) => {
          for (const p of written) await patrols.insertIn(trx, p);
        });
        for (const [i, p] of written.entries()) {
          const at = (minute: number) => `2026-01-01T0${i % 10}:${String(minute).padStart(2, '0')}:00.000Z`;
          await patrols.insertPositions(
            p.id,
            [
              { at: at(0), lon: band + 0.01 * i, lat: 14, section: null },
              { at: at(1), lon: band + 0.01 * i, lat: 14.05, section: null },
            ],
            'test',
          );
        }
        const mechanism = { sharingPolicy: { incident: [], patrol: [], position, post: [], unit: [] } };
        const expected = written.filter((p) => isVisibleTo(positionsAudience(p, mechanism), viewer)).map((p) => p.id);
        const tracks = new TrackTileRepository(store);
        const box: [number, number, number, number] = [band - 0.001, 13.9, band + 0.2, 14.1];
        const ids = (points: { patrolId: string }[]) => [...new Set(points.map((p) => p.patrolId))].sort();
        expect(ids(await tracks.positions({ nation: viewer, mechanism }, { tile: box, read: box, crossing: box }, {}))).toEqual(expected.sort());
        for (const level of TRACK_LEVELS) expect(ids(await tracks.vertices({ nation: viewer, mechanism }, level, box, {}))).toEqual(expected.sort());
      }),
      { numRuns: 40 },
    );
  });
});
