import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { tileBounds, type TileAddress } from '../../src/geo/web-tiles.js';
import type { NationCode } from '../../src/kernel/nation.js';
import { IncidentTileMaker } from '../../src/services/incident-tile-maker.js';
import { openReader } from '../../src/store/database.js';
import { IncidentCellCountRepository } from '../../src/store/incident-cell-counts.js';
import { IncidentTileRepository } from '../../src/store/incident-tile-repository.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { addIncidents, tileAt } from '../support/incident-tiles.js';

// Tile threads run the compiled node (a thread cannot load TypeScript): this test reads the build
// that `npm test` makes first, and fails without it.
const BUILT = new URL('../../dist/src/services/tile-threads.js', import.meta.url);

interface TileThreads {
  make(order: unknown): Promise<Uint8Array>;
  close(): Promise<void>;
}

let demo: DemoNode;
let threads: TileThreads;
const PLACE = { lon: -11.43, lat: 14.43 };

beforeAll(async () => {
  demo = await startDemoNode();
  addIncidents(
    demo,
    Array.from({ length: 1300 }, (_, i) => ({
      id: `thread-${i}`,
      owner: i % 3 === 0 ? 'SN' : 'ML',
      releasableTo: i % 3 === 0 ? ['ML'] : i % 3 === 1 ? ['SN'] : [],
      lon: PLACE.lon + ((i * 37) % 100) / 2000,
      lat: PLACE.lat + ((i * 53) % 100) / 2000,
      eventType: i % 2 ? 'Battles' : 'Riots',
      occurredAt: new Date(Date.parse('2026-10-01') + (i % 20) * 86_400_000).toISOString(),
    })),
  );
  expect(existsSync(BUILT), 'run `npm run build` first: tile threads run the compiled node').toBe(true);
  const { startTileThreads } = (await import(BUILT.href)) as { startTileThreads: (dataDir: string, threads: number) => TileThreads | undefined };
  threads = startTileThreads(demo.store.dataDir, 2)!;
});
afterAll(async () => {
  await threads?.close();
  await demo.close();
});

const idsIn = (bytes: Uint8Array) => {
  const layer = new VectorTile(new Pbf(bytes)).layers.incidents;
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties.id ?? `cell ${layer!.feature(i).properties.point_count}`);
};

describe('tiles made on tile threads', () => {
  it.each([
    ['ML', 8],
    ['ML', 12],
    ['ML', 15],
    ['SN', 8],
    ['SN', 12],
    ['SN', 15],
  ] as const)('for %s at zoom %i are the bytes the node’s thread makes, partner tiles without national incidents', async (nation, z) => {
    const address: TileAddress = tileAt(z, PLACE.lon + 0.02, PLACE.lat + 0.02);
    const order = { nation: nation as NationCode, address, query: { from: '2026-09-01T00:00:00.000Z', bbox: tileBounds(address) } };
    const here = await new IncidentTileMaker(new IncidentTileRepository(demo.store), new IncidentCellCountRepository(demo.store.db)).make(order);
    const there = await threads.make(order);
    expect(Buffer.from(there).equals(Buffer.from(here))).toBe(true);
    const ids = idsIn(there);
    expect(ids.length).toBeGreaterThan(0);
    // Senegal sees its own incidents and Mali's released to it (i % 3 === 1), never Mali's national ones.
    if (nation === 'SN') expect(ids.filter((id) => /^thread-\d+$/.test(String(id)) && Number(String(id).slice(7)) % 3 === 2)).toEqual([]);
  });

  it('read through a connection that cannot write', () => {
    const reader = openReader(demo.store.dataDir);
    try {
      expect(() => reader.sqlite.prepare("UPDATE incidents SET status = 'verified'").run()).toThrow(/readonly/);
    } finally {
      reader.sqlite.close();
    }
  });
});
