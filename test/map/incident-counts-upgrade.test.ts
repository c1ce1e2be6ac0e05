import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readUpgradedAndFresh } from '../support/upgraded-node.js';
import { addIncidentsTo, type IncidentRow } from '../support/incident-tiles.js';

// A node of the release before year counts holds incidents counted by month and day. The upgrade
// (migration 0018) adds their years from the months and their days over the whole area from the
// cells' days; a node that received the same incidents after the upgrade counts them by its
// triggers: both must hold the same counts, row for row.

/** Three years of incidents (February 2023 to January 2026) of both nations, some released, some
 * retyped or deleted afterwards. */
const INCIDENTS: IncidentRow[] = Array.from({ length: 900 }, (_, i) => ({
  id: `upgrade-${i}`,
  owner: i % 3 === 0 ? 'SN' : 'ML',
  releasableTo: i % 5 === 0 ? [] : i % 3 === 0 ? ['ML'] : ['SN'],
  lon: -12.5 + (i % 37) * 0.04,
  lat: 13.6 + (i % 41) * 0.03,
  eventType: ['Battles', 'Riots', 'Protests'][i % 3]!,
  occurredAt: new Date(Date.parse('2023-02-11T00:00:00Z') + i * 29 * 3_600_000).toISOString(),
}));

function write(sqlite: SQLite.Database): void {
  addIncidentsTo(sqlite, INCIDENTS);
  sqlite.prepare(`UPDATE incidents SET event_type = 'Riots' WHERE id LIKE 'upgrade-%' AND (seq % 7) = 0`).run();
  sqlite.prepare(`DELETE FROM incident_bbox WHERE id IN (SELECT seq FROM incidents WHERE id LIKE 'upgrade-%' AND (seq % 11) = 0)`).run();
  sqlite.prepare(`DELETE FROM incidents WHERE id LIKE 'upgrade-%' AND (seq % 11) = 0`).run();
}

const counts = (sqlite: SQLite.Database) =>
  sqlite
    .prepare(
      `SELECT audience, level, span, cell_x, cell_y, period, event_type, owner, status, section, count, round(sum_lon, 6) AS lon, round(sum_lat, 6) AS lat
       FROM incident_cell_counts WHERE count > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    )
    .all() as { level: number; span: string; period: string }[];

describe('migration 0018 on a node that holds incidents', () => {
  it('counts the stored incidents by year and over the whole area as its triggers count new ones', async () => {
    const { upgraded: a, fresh: b } = await readUpgradedAndFresh('0018', write, counts);
    // Both levels 10 and 12, and each year from 2023 to 2026.
    expect(new Set(a.filter((row) => row.span === 'y').map((row) => JSON.stringify([row.level, row.period]))).size).toBe(8);
    expect(a).toEqual(b);
  });
});
