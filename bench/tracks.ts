import { demoToken } from './demo-session.js';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import SQLite from 'better-sqlite3';
import { buildApp, createNodeContext } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { loadConfig } from '../src/config.js';
import { tileBounds, type TileAddress } from '../src/geo/web-tiles.js';
import { deepTileBoxes, trackLevelFor, trackLines } from '../src/services/track-tiles.js';
import { inBox } from '../src/geo/box-around.js';
import { crossesUndrawn, crossingSegments, segmentKey, stretchesOf } from '../src/geo/crossing-segments.js';
import type { TrackPoint } from '../src/store/track-tile-repository.js';
import { POINT_BUDGET, countedDays, coverageLevelFor, coverageSquares, estimatedPoints } from '../src/services/track-coverage.js';
import { openStore } from '../src/store/database.js';
import { TRACK_AREA, fillTracks } from './fill-tracks.js';
import { collectGarbage, percentile, rate, seededRandom } from './figures.js';
import { tileAt } from '../src/geo/web-tiles.js';
import { fetchTile, firstTiles } from './tiles.js';

/** DIBOLI_BENCH_TRACK_POSITIONS lowers the count where ten million take too long to store. */
const POSITIONS = Number(process.env.DIBOLI_BENCH_TRACK_POSITIONS ?? 10_000_000);
/**
 * DIBOLI_BENCH_TRACK_DIR keeps the filled node in that folder, and a later run with the same
 * count reads its tiles again without storing the positions anew (the fill takes minutes).
 */
const KEPT_DIR = process.env.DIBOLI_BENCH_TRACK_DIR;
const TILES_PER_ZOOM = 20;
/**
 * Tiles made untimed per zoom by the node and in process alike, then timed: 100, or 1,000 where the
 * node's untimed tiles took under 5 ms each (median). The p95 of 20 was their second slowest, one
 * collection or one wait for a core (zoom 11: 17.6 ms against a median of 5.9 ms); where a tile
 * takes a millisecond or two, the p95 of 100 is still that of a run of answers slowed by one
 * collection (zoom 6: 4.9 ms in one run, 1.9–2.4 ms over 400 tiles in four). The tile as lines
 * (before coverage, up to half a second each) is made for the first 20 only.
 */
const WARMING_TILES = 100;
const timedTiles = (warmMedian: number) => (warmMedian < 5 ? 1_000 : 100);
const ZOOMS = [6, 8, 10, 11, 12, 14, 16];

type Row = { patrolId: string; at: string; lon: number; lat: number };

/**
 * The raw limit of one tile, in process: the same rows out of SQLite (the kept patrol-days, or the
 * thinned level or the positions' area index, and below the thinned levels each patrol's stretch
 * through the read box and the segments crossing the tile; the read rule, the period) through
 * statements written by hand, the same squares or lines and the same MVT encoding; no HTTP, no
 * query builder, no ETag. `lines` is what the tile was before coverage: every zoom drawn as lines.
 */
function rawTile(db: SQLite.Database) {
  const visible = `(owner = 'ML' OR releasable_to LIKE '%"ML"%')`;
  // Patrol by patrol, as the node asks (a list of every visible patrol is built afresh per query).
  const visiblePatrol = (table: string) => `EXISTS (SELECT 1 FROM patrols WHERE patrols.id = ${table}.patrol_id AND ${visible})`;
  const cell = (degrees: number, l: number) => Math.floor(((degrees + 180) / 360) * 2 ** l);
  const columns = (box: readonly number[], l: number) =>
    Array.from({ length: cell(box[2]!, l) - cell(box[0]!, l) + 1 }, (_, i) => cell(box[0]!, l) + i).join(',');
  const positionsIn = (box: readonly number[], from: string) =>
    db
      .prepare(`SELECT patrol_id AS patrolId, at, lon, lat FROM positions WHERE CAST((lon + 180) / 360 * (1 << 16) AS INTEGER) IN (${columns(box, 16)})
        AND lat >= ? AND lat <= ? AND lon >= ? AND lon <= ? AND at >= ? AND ${visiblePatrol('positions')} ORDER BY patrol_id, at, seq`)
      .all(box[1], box[3], box[0], box[2], from) as Row[];
  // A patrol's positions from the one before its first in the read box to the one after its last.
  const stretch = db.prepare(`SELECT patrol_id AS patrolId, at, lon, lat FROM positions WHERE patrol_id = ?
    AND at >= coalesce((SELECT at FROM positions WHERE patrol_id = ? AND at < ? AND at >= ? ORDER BY at DESC LIMIT 1), ?)
    AND at <= coalesce((SELECT at FROM positions WHERE patrol_id = ? AND at > ? ORDER BY at LIMIT 1), ?) ORDER BY at, seq`);
  const nextAt = db.prepare('SELECT at FROM positions WHERE patrol_id = ? AND at > ? ORDER BY at LIMIT 1').pluck();
  // The long segments over the tile, out of their R*Tree (migration 0021), both ends in the period.
  const longOver = db.prepare(`SELECT a.patrol_id AS patrolId, a.at, a.lon, a.lat, b.at AS toAt, b.lon AS toLon, b.lat AS toLat
    FROM track_long_segments AS s JOIN positions AS a ON a.seq = s.id JOIN positions AS b ON b.seq = s.to_seq
    WHERE s.max_lon >= ? AND s.min_lon <= ? AND s.max_lat >= ? AND s.min_lat <= ? AND a.at >= ? AND ${visiblePatrol('a')} ORDER BY a.patrol_id, a.at`);
  /** A tile deeper than the thinned levels, as the node draws it: stretches through its read box and segments crossing it. */
  const deepPoints = (address: TileAddress, read: [number, number, number, number], from: string): TrackPoint[] => {
    const { tile, crossing } = deepTileBoxes(address, read);
    const near = positionsIn(crossing ?? read, from);
    const stretches = stretchesOf(crossing ? near.filter((p) => inBox([p.lon, p.lat], read)) : near);
    const points: TrackPoint[] = [];
    for (const [id, { first, last }] of stretches) points.push(...(stretch.all(id, id, first, from, first, id, last, last) as Row[]));
    const found = new Set<string>();
    for (const row of longOver.all(tile[0], tile[2], tile[1], tile[3], from) as (Row & { toAt: string; toLon: number; toLat: number })[]) {
      const a = { patrolId: row.patrolId, at: row.at, lon: row.lon, lat: row.lat };
      const b = { patrolId: row.patrolId, at: row.toAt, lon: row.toLon, lat: row.toLat };
      if (!crossesUndrawn(a, b, tile, read, stretches)) continue;
      points.push({ ...a, startsRun: true }, b);
      found.add(segmentKey(a));
    }
    for (const [a, b] of crossing ? crossingSegments(near, tile, read, stretches) : []) {
      if (!found.has(segmentKey(a)) && nextAt.get(a.patrolId, a.at) === b.at) points.push({ ...a, startsRun: true }, b);
    }
    return points;
  };
  const lines = (address: TileAddress, from: string) => {
    const [minLon, minLat, maxLon, maxLat] = tileBounds(address);
    const [dLon, dLat] = [(maxLon - minLon) / 8, (maxLat - minLat) / 8];
    const box: [number, number, number, number] = [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
    const level = trackLevelFor(address.z);
    const rows =
      level === undefined
        ? deepPoints(address, box, from)
        : (db
            .prepare(`SELECT patrol_id AS patrolId, at, lon, lat FROM track_vertices WHERE level = ? AND cell_x IN (${columns(box, level)})
              AND cell_y >= ? AND cell_y <= ? AND at >= ? AND ${visiblePatrol('track_vertices')} ORDER BY patrol_id, at`)
            .all(level, cell(box[1], level), cell(box[3], level), from) as Row[]);
    const layer = { features: trackLines(address, rows) } as never;
    return { bytes: fromGeojsonVt({ tracks: layer }, { version: 2, extent: 4096 }).byteLength, rows: rows.length };
  };
  /** The tile as the node makes it: coverage where its lines would exceed the budget, else lines. */
  const tile = (address: TileAddress, from: string): { kind: 'coverage' | 'lines'; rows: number } => {
    const level = coverageLevelFor(address.z);
    const lineLevel = trackLevelFor(address.z);
    const days = countedDays({ from });
    if (level !== undefined && lineLevel !== undefined && days) {
      const box = tileBounds(address);
      const parts = [
        ...(days.years ? [{ span: 'y', ...days.years }] : []),
        ...days.months.map((r) => ({ span: 'm', ...r })),
        ...days.weeks.map((r) => ({ span: 'w', ...r })),
        ...days.days.map((r) => ({ span: 'd', ...r })),
      ];
      const summed = new Map<string, { cellX: number; cellY: number; patrolDays: number }>();
      let rows = 0;
      for (const part of parts) {
        const read = db
          .prepare(`SELECT cell_x AS cellX, cell_y AS cellY, sum(patrol_days) AS patrolDays FROM track_cell_counts
            WHERE level = ? AND span = ? AND cell_x IN (${columns(box, level)}) AND cell_y >= ? AND cell_y <= ?
              AND period >= ? AND period <= ? AND ${visible} GROUP BY cell_x, cell_y`)
          .all(level, part.span, cell(box[1], level), cell(box[3], level), part.first ?? '', part.last ?? '~') as {
          cellX: number;
          cellY: number;
          patrolDays: number;
        }[];
        rows += read.length;
        for (const r of read) {
          const key = `${r.cellX},${r.cellY}`;
          const known = summed.get(key);
          if (known) known.patrolDays += r.patrolDays;
          else summed.set(key, r);
        }
      }
      const cells = [...summed.values()];
      if (estimatedPoints(cells, level, lineLevel) > POINT_BUDGET) {
        const layer = { features: coverageSquares(address, level, cells) } as never;
        fromGeojsonVt({ coverage: layer }, { version: 2, extent: 4096 });
        return { kind: 'coverage', rows };
      }
    }
    return { kind: 'lines', rows: lines(address, from).rows };
  };
  return { tile, lines };
}

export async function benchTracks(print: (line: string) => void): Promise<void> {
  const dir = KEPT_DIR ?? mkdtempSync(join(tmpdir(), 'diboli-bench-tracks-'));
  const filled = join(dir, `filled-${POSITIONS}`);
  try {
    print(`# Patrol track tiles (issue 16), ${rate(POSITIONS)} positions over 2°×1.5°`);
    const config = loadConfig({ dataDir: join(dir, 'node') }, {});
    if (KEPT_DIR && existsSync(filled)) {
      print(`reading the node filled before in ${dir}`);
    } else {
      if (KEPT_DIR) rmSync(join(dir, 'node'), { recursive: true, force: true });
      mkdirSync(config.dataDir, { recursive: true });
      const fresh = await openStore(config.dataDir);
      await installDemo(fresh, config);
      await fresh.close();
      const started = performance.now();
      const { patrols } = fillTracks(config.dataDir, POSITIONS);
      print(
        `stored ${rate(POSITIONS)} positions of ${rate(patrols)} patrols (thinned tracks, area counters and patrol-days kept by triggers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      if (KEPT_DIR) writeFileSync(filled, '');
    }
    const store = await openStore(config.dataDir);
    const file = new SQLite(join(config.dataDir, 'diboli.db'), { readonly: true });
    const levels = file.prepare('SELECT level, count(*) AS n FROM track_vertices GROUP BY level').all() as { level: number; n: number }[];
    print(`thinned points per level: ${levels.map((l) => `${l.level}: ${rate(l.n)}`).join(', ')}`);
    const counted = file.prepare('SELECT level, span, count(*) AS n FROM track_cell_counts GROUP BY level, span').all() as {
      level: number;
      span: string;
      n: number;
    }[];
    print(`kept patrol-day rows per level and span: ${counted.map((c) => `${c.level}/${c.span}: ${rate(c.n)}`).join(', ')}`);
    const node = await createNodeContext(config, store);
    // Every patrol's positions are shown to Mali: the tiles hold all of them.
    node.mechanism.sharingPolicy.position = ['ML', 'SN'];
    const app = await buildApp(node, { webRoot: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // One map asking one tile at a time, as a browser does: gzip, its connection kept open.
    const headers = { authorization: `Bearer ${await demoToken(url, 'coord.ml')}`, 'accept-encoding': 'gzip' };
    const browser = new Agent({ keepAlive: true, maxSockets: 1 });
    const raw = rawTile(file);
    const random = seededRandom(16);
    let request = 0;
    // Each request asks with its own period start (before every position): a tile made for it,
    // never one the node kept from before. A second apart, all on 1 January 2020: the kept counts
    // answer the period in one read of whole years. A minute apart, the 1,441st request's period
    // began on 2 January, read as days, weeks, months and years: five reads, and zoom 8 tiles took
    // p50 34.3 / p95 70.9 ms (in process 48.0 / 52.6 ms) against 10.2 / 13.3 ms.
    const freshFrom = () => new Date(Date.parse('2020-01-01') + request++ * 1_000).toISOString();
    const { minLon, minLat, maxLon, maxLat } = TRACK_AREA;
    print(
      await firstTiles(ZOOMS, TILES_PER_ZOOM, headers, browser, (z) => {
        const address = tileAt(z, minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat));
        return `${url}/api/v1/tiles/tracks/${address.z}/${address.x}/${address.y}.mvt?from=${freshFrom()}`;
      }),
    );

    for (const z of ZOOMS) {
      const made: number[] = [];
      const inProcess: number[] = [];
      const asLines: number[] = [];
      const revalidated: number[] = [];
      const asked: { address: TileAddress; from: string }[] = [];
      const kinds = { coverage: 0, lines: 0 };
      let bytes = 0;
      let rows = 0;
      let linePoints = 0;
      const warm: number[] = [];
      for (let i = 0; i < WARMING_TILES; i++) {
        const address = tileAt(z, minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat));
        const from = freshFrom();
        const t = performance.now();
        await fetchTile(`${url}/api/v1/tiles/tracks/${address.z}/${address.x}/${address.y}.mvt?from=${from}`, headers, browser);
        warm.push(performance.now() - t);
        raw.tile(address, from);
      }
      collectGarbage();
      const timed = timedTiles(percentile(warm, 0.5));
      for (let i = 0; i < timed; i++) {
        const address = tileAt(z, minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat));
        const from = freshFrom();
        asked.push({ address, from });
        const path = `${url}/api/v1/tiles/tracks/${address.z}/${address.x}/${address.y}.mvt?from=${from}`;
        let t = performance.now();
        const response = await fetchTile(path, headers, browser);
        made.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
        bytes += response.bytes;
        t = performance.now();
        const again = await fetchTile(path, { ...headers, 'if-none-match': response.etag }, browser);
        if (again.status !== 304) throw new Error(`expected 304, got ${again.status}`);
        revalidated.push(performance.now() - t);
      }
      // As many tiles of the zoom in process, after the node's: their garbage (at low zoom, arrays of
      // a hundred thousand points) would otherwise be collected during the node's next answers.
      // Other tiles than the node's (the same periods), from the same draw: whichever reads an area
      // first reads its pages from the disk, and the second was favoured (the positions of a zoom 16
      // tile's box, one statement: 0.73 ms read second, 1.10 ms read first, p50 over 300 tiles).
      const others = asked.map(({ from }) => ({
        address: tileAt(z, minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)),
        from,
      }));
      for (const { address, from } of others) {
        const t = performance.now();
        const same = raw.tile(address, from);
        inProcess.push(performance.now() - t);
        rows += same.rows;
        kinds[same.kind] += 1;
      }
      collectGarbage();
      for (const { address, from } of others.slice(0, TILES_PER_ZOOM)) {
        const t = performance.now();
        linePoints += raw.lines(address, from).rows;
        asLines.push(performance.now() - t);
      }
      // …and collected before the next zoom's answers are timed.
      collectGarbage();
      const p95 = percentile(made, 0.95);
      const rawP95 = percentile(inProcess, 0.95);
      const level = trackLevelFor(z);
      const what =
        kinds.coverage === 0
          ? `lines, ${level === undefined ? 'every position' : `level ${level}`}, ${rate(Math.round(rows / timed))} points/tile`
          : `${kinds.lines === 0 ? 'coverage' : `coverage ${kinds.coverage}, lines ${kinds.lines}`}, level ${coverageLevelFor(z)}, ${rate(Math.round(rows / timed))} rows/tile`;
      print(
        `tile z${String(z).padEnd(2)} (${what}): p50 ${percentile(made, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 50 ms) | in-process, as many tiles: p50 ${percentile(inProcess, 0.5).toFixed(1)} ms, p95 ${rawP95.toFixed(1)} ms → ${(p95 / rawP95).toFixed(2)}× (target ≤ 3×) | 304: p95 ${percentile(revalidated, 0.95).toFixed(1)} ms | ${(bytes / timed / 1024).toFixed(1)} KiB/tile, ${timed} tiles timed after ${WARMING_TILES} | as lines in process (before): ${rate(Math.round(linePoints / TILES_PER_ZOOM))} points, p50 ${percentile(asLines, 0.5).toFixed(1)} ms, p95 ${percentile(asLines, 0.95).toFixed(1)} ms`,
      );
    }
    browser.destroy();
    await app.close();
    file.close();
    await store.close();
  } finally {
    if (!KEPT_DIR) rmSync(dir, { recursive: true, force: true });
  }
}
