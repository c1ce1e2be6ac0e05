import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { syntheticAcledCsv } from '../support/acled-rows.js';

// A nation's history at full size: 10,000 ACLED rows imported (the time is printed, never
// asserted), nothing new on the second import, and exports of more than 100,000 incidents that
// answer whole for each nation, page by page.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ app: { earlyWarning: { tickMs: 0 } } });
});
afterAll(async () => demo.close());

async function importCsv(csv: string) {
  const response = await demo.app.inject({
    method: 'POST',
    url: '/api/v1/imports/acled',
    headers: { authorization: `Bearer ${await demo.token('analyst.ml')}`, 'content-type': 'text/csv' },
    payload: csv,
  });
  return { status: response.statusCode, body: response.json() as any };
}

/** Bulk rows straight into the store, as a node that has run for years holds them. */
function seedIncidents(count: number): void {
  const sqlite = demo.store.sqlite;
  const insert =
    sqlite.prepare(`INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision, lat, lon, geo_precision, place_name, section, event_type, sub_event_type, actors, fatalities, injured, abducted, narrative, source_kind, source_name, source_reliability, source_credibility, status, created_by)
    VALUES (?, ?, ?, 1, ?, ?, ?, 'day', ?, ?, 'exact', 'Lieu', NULL, 'Border activity', 'Smuggling', '[]', NULL, NULL, NULL, 'Saisie', 'patrol', NULL, NULL, NULL, 'unverified', NULL)`);
  const bbox = sqlite.prepare('INSERT INTO incident_bbox (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const owner = ['ML', 'ML', 'SN', 'MR'][i % 4]!;
      const releasable = owner === 'ML' ? (i % 8 === 0 ? '[]' : '["SN"]') : '["ML"]';
      const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
      const lat = 13 + (i % 1000) / 500;
      const lon = -12 + (i % 777) / 400;
      const { lastInsertRowid } = insert.run(`bulk-${i}`, owner, releasable, at, at, at, lat, lon);
      bbox.run(lastInsertRowid, lon, lon, lat, lat);
    }
  })();
}

describe('exchange at scale', () => {
  it('imports 10,000 ACLED rows, and the same file again creates nothing', async () => {
    const csv = syntheticAcledCsv(10_000);
    let started = performance.now();
    const first = await importCsv(csv);
    const firstMs = performance.now() - started;
    expect(first.status).toBe(200);
    expect(first.body.refused).toEqual([]);
    expect(first.body.created + first.body.duplicates.length).toBe(10_000);
    started = performance.now();
    const second = await importCsv(csv);
    const secondMs = performance.now() - started;
    expect(second.body).toMatchObject({ created: 0, rowsRead: 10_000 });
    expect(second.body.duplicates).toHaveLength(10_000);
    console.log(
      `ACLED import: 10,000 rows in ${Math.round(firstMs)} ms (${first.body.created} created, ${first.body.duplicates.length} duplicates); second import ${Math.round(secondMs)} ms, ${second.body.created} created`,
    );
  }, 300_000);

  it('exports more than 100,000 incidents whole, each nation its own', async () => {
    seedIncidents(95_000);
    const total = (demo.store.sqlite.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    expect(total).toBeGreaterThan(100_000);
    const visibleToSn = (
      demo.store.sqlite.prepare(`SELECT count(*) AS n FROM incidents WHERE owner = 'SN' OR releasable_to LIKE '%"SN"%'`).get() as { n: number }
    ).n;
    for (const [as, expected] of [
      [
        'coord.ml',
        (demo.store.sqlite.prepare(`SELECT count(*) AS n FROM incidents WHERE owner = 'ML' OR releasable_to LIKE '%"ML"%'`).get() as { n: number }).n,
      ],
      ['liaison.sn', visibleToSn],
    ] as const) {
      const started = performance.now();
      const response = await demo.app.inject({
        method: 'GET',
        url: '/api/v1/exports/incidents.csv',
        headers: { authorization: `Bearer ${await demo.token(as)}` },
      });
      const ms = performance.now() - started;
      expect(response.statusCode).toBe(200);
      const rows = parse(response.body, { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(expected);
      if (as === 'liaison.sn') expect(rows.some((r) => r.diboli_releasable_to === '' && r.diboli_owner === 'ML')).toBe(false);
      console.log(`CSV export for ${as}: ${rows.length} incidents, ${(response.rawPayload.length / 1e6).toFixed(1)} MB in ${Math.round(ms)} ms`);
    }
  }, 600_000);
});
