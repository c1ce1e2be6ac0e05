import { demoToken } from './demo-session.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import SQLite from 'better-sqlite3';
import { buildApp, createNodeContext } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { loadConfig } from '../src/config.js';
import { tileBounds, type TileAddress } from '../src/geo/web-tiles.js';
import { trackLevelFor, trackLines } from '../src/services/track-tiles.js';
import { openStore } from '../src/store/database.js';
import { TRACK_AREA, fillTracks } from './fill-tracks.js';
import { percentile, rate, seededRandom } from './figures.js';
import { tileAt } from '../src/geo/web-tiles.js';
import { fetchTile } from './tiles.js';

/** DIBOLI_BENCH_TRACK_POSITIONS lowers the count where ten million take too long to store. */
const POSITIONS = Number(process.env.DIBOLI_BENCH_TRACK_POSITIONS ?? 10_000_000);
const TILES_PER_ZOOM = 20;
const ZOOMS = [8, 10, 12, 14];

type Row = { patrolId: string; at: string; lon: number; lat: number };

/**
 * The raw limit of one tile, in process: the same rows out of SQLite (the thinned level or the
 * positions' area index, the read rule, the period) through a statement written by hand, the
 * same lines (simplified, clipped) and the same MVT encoding; no HTTP, no query builder, no ETag.
 */
function rawTile(db: SQLite.Database) {
  const visible = `patrol_id IN (SELECT id FROM patrols WHERE owner = 'ML' OR releasable_to LIKE '%"ML"%')`;
  return (address: TileAddress, from: string): { bytes: number; rows: number } => {
    const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
    const [dLon, dLat] = [(maxLon - minLon) / 8, (maxLat - minLat) / 8];
    const box = [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat] as const;
    const level = trackLevelFor(address.z);
    const cell = (degrees: number, l: number) => Math.floor(((degrees + 180) / 360) * 2 ** l);
    const columns = (l: number) => Array.from({ length: cell(box[2], l) - cell(box[0], l) + 1 }, (_, i) => cell(box[0], l) + i).join(',');
    const rows = (
      level === undefined
        ? db
            .prepare(`SELECT patrol_id AS patrolId, at, lon, lat FROM positions WHERE CAST((lon + 180) / 360 * (1 << 16) AS INTEGER) IN (${columns(16)})
              AND lat >= ? AND lat <= ? AND lon >= ? AND lon <= ? AND at >= ? AND ${visible} ORDER BY patrol_id, at, seq`)
            .all(box[1], box[3], box[0], box[2], from)
        : db
            .prepare(`SELECT patrol_id AS patrolId, at, lon, lat FROM track_vertices WHERE level = ? AND cell_x IN (${columns(level)})
              AND cell_y >= ? AND cell_y <= ? AND at >= ? AND ${visible} ORDER BY patrol_id, at`)
            .all(level, cell(box[1], level), cell(box[3], level), from)
    ) as Row[];
    const layer = { features: trackLines(address, rows) } as never;
    return { bytes: fromGeojsonVt({ tracks: layer }, { version: 2, extent: 4096 }).byteLength, rows: rows.length };
  };
}

export async function benchTracks(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-tracks-'));
  try {
    print(`# Patrol track tiles (issue 16), ${rate(POSITIONS)} positions over 2°×1.5°`);
    const config = loadConfig({ dataDir: join(dir, 'node') }, {});
    const store = await openStore(config.dataDir);
    await installDemo(store, config);
    const started = performance.now();
    const { patrols } = fillTracks(config.dataDir, POSITIONS);
    print(
      `stored ${rate(POSITIONS)} positions of ${rate(patrols)} patrols (thinned tracks and area counters kept by triggers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const file = new SQLite(join(config.dataDir, 'diboli.db'), { readonly: true });
    const levels = file.prepare('SELECT level, count(*) AS n FROM track_vertices GROUP BY level').all() as { level: number; n: number }[];
    print(`thinned points per level: ${levels.map((l) => `${l.level}: ${rate(l.n)}`).join(', ')}`);
    const node = await createNodeContext(config, store);
    // Every patrol's positions are shown to Mali: the tiles hold all of them.
    node.mechanism.sharingPolicy.position = ['ML', 'SN'];
    const app = await buildApp(node, { webRoot: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const headers = { authorization: `Bearer ${await demoToken(url, 'coord.ml')}` };
    const raw = rawTile(file);
    const random = seededRandom(16);
    let request = 0;
    // Each request asks with its own period start (before every position): a tile made for it,
    // never one the node kept from before.
    const freshFrom = () => new Date(Date.parse('2020-01-01') + request++ * 60_000).toISOString();
    const { minLon, minLat, maxLon, maxLat } = TRACK_AREA;

    for (const z of ZOOMS) {
      const made: number[] = [];
      const inProcess: number[] = [];
      const revalidated: number[] = [];
      let bytes = 0;
      let rows = 0;
      for (let i = 0; i < TILES_PER_ZOOM; i++) {
        const address = tileAt(z, minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat));
        const from = freshFrom();
        const path = `${url}/api/v1/tiles/tracks/${address.z}/${address.x}/${address.y}.mvt?from=${from}`;
        let t = performance.now();
        const response = await fetchTile(path, headers);
        made.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
        bytes += response.bytes;
        t = performance.now();
        rows += raw(address, from).rows;
        inProcess.push(performance.now() - t);
        t = performance.now();
        const again = await fetchTile(path, { ...headers, 'if-none-match': response.etag });
        if (again.status !== 304) throw new Error(`expected 304, got ${again.status}`);
        revalidated.push(performance.now() - t);
      }
      const p95 = percentile(made, 0.95);
      const rawP95 = percentile(inProcess, 0.95);
      const level = trackLevelFor(z);
      print(
        `tile z${String(z).padEnd(2)} (${level === undefined ? 'every position' : `level ${level}`}, ${rate(Math.round(rows / TILES_PER_ZOOM))} points/tile): p50 ${percentile(made, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 50 ms) | in-process query + lines + MVT: p50 ${percentile(inProcess, 0.5).toFixed(1)} ms, p95 ${rawP95.toFixed(1)} ms → ${(p95 / rawP95).toFixed(2)}× (target ≤ 3×) | 304: p95 ${percentile(revalidated, 0.95).toFixed(1)} ms | ${(bytes / TILES_PER_ZOOM / 1024).toFixed(1)} KiB/tile`,
      );
    }
    await app.close();
    file.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
