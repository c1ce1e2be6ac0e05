import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { auth, battle, demoNode, NEAR_DIBOLI, putEarlyWarningSettings, sectionLevel, type TestNode, UNREACHABLE_THRESHOLDS } from './node-helpers.js';

// A full recompute reads incidents by spans of their numbers, not by counts of matching rows (a
// page of matching rows scanned a whole table of unplaced incidents in one call). Two clashes
// thousands of numbers apart, with unplaced incidents between them, must both be counted.

const clock = fixedClock('2027-03-01T12:00:00.000Z');
const UNPLACED_BETWEEN = 12_000;
let t: TestNode;
let coord: string;

const levelOf = (section: string) => sectionLevel(t, coord, section);

beforeAll(async () => {
  t = await demoNode({ clock });
  coord = await t.login('coord.ml');
});
afterAll(() => t.close());

describe('a full recompute of the threat levels', () => {
  it('counts incidents far apart in the table, with unplaced ones between them', async () => {
    const section = t.node.sectionAt(NEAR_DIBOLI)!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle('2027-03-01T10:00:00Z') })).statusCode).toBe(
      201,
    );
    const fill = t.store.sqlite.prepare(`INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision,
      lat, lon, geo_precision, place_name, section, event_type, sub_event_type, actors, source_kind, status)
      VALUES (?, 'ML', '[]', 1, ?, ?, ?, 'day', 15.5, -9.5, 'exact', NULL, NULL, 'Protests', 'Peaceful protest', '[]', 'other', 'unverified')`);
    t.store.sqlite.transaction(() => {
      for (let i = 0; i < UNPLACED_BETWEEN; i++) fill.run(`unplaced-${i}`, '2027-02-20T08:00:00Z', '2027-02-20T08:00:00Z', '2027-02-20T08:00:00Z');
    })();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle('2027-03-01T11:00:00Z') })).statusCode).toBe(
      201,
    );
    expect(await levelOf(section)).toBe('critical');

    // A change of settings recomputes every score from the incidents held.
    expect(await putEarlyWarningSettings(t, coord, UNREACHABLE_THRESHOLDS)).toBe(200);
    expect(await levelOf(section)).toBe('low');
    expect(await putEarlyWarningSettings(t, coord, {})).toBe(200);
    // Both clashes again, read from spans of numbers 12,000 apart: one alone is only « high ».
    expect(await levelOf(section)).toBe('critical');
  });
});
