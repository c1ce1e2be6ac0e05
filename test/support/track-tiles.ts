import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import type SQLite from 'better-sqlite3';
import type { TileAddress } from '../../src/geo/web-tiles.js';
import type { DemoNode } from './demo-node.js';

export interface TrackTileAnswer {
  status: number;
  etag: string;
  /** One entry per feature: its patrol and its lines in tile units. */
  lines: { patrol: string; parts: [number, number][][] }[];
  /** Patrol coverage, where the tile carries it instead of lines: each square's centre and count. */
  coverage: { lon: number; lat: number; patrolDays: number }[];
}

/** Asks the node for a track tile as `as`, and reads it with a real MVT reader. */
export async function fetchTrackTile(
  demo: DemoNode,
  as: string,
  { z, x: tx, y: ty }: TileAddress,
  query = '',
  headers: Record<string, string> = {},
): Promise<TrackTileAnswer> {
  const response = await demo.app.inject({
    method: 'GET',
    url: `/api/v1/tiles/tracks/${z}/${tx}/${ty}.mvt${query}`,
    headers: { authorization: `Bearer ${await demo.token(as)}`, ...headers },
  });
  const etag = String(response.headers.etag);
  if (response.statusCode !== 200) return { status: response.statusCode, etag, lines: [], coverage: [] };
  const tile = new VectorTile(new Protobuf(response.rawPayload));
  const layer = tile.layers.tracks;
  const lines = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const feature = layer!.feature(i);
    lines.push({
      patrol: String(feature.properties.patrol),
      parts: feature.loadGeometry().map((part) => part.map((p) => [p.x, p.y] as [number, number])),
    });
  }
  const coverage = [];
  const squares = tile.layers.coverage;
  for (let i = 0; i < (squares?.length ?? 0); i++) {
    const feature = squares!.feature(i);
    const ring = feature.loadGeometry()[0]!;
    const xs = ring.map((p) => p.x);
    const ys = ring.map((p) => p.y);
    const [x, y] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    coverage.push({ ...lonLatOf({ z, x: tx, y: ty }, x / feature.extent, y / feature.extent), patrolDays: Number(feature.properties.patrolDays) });
  }
  return { status: response.statusCode, etag, lines, coverage };
}

/** The place of a point of a tile given as fractions of its side (0 to 1 from its north-west corner). */
function lonLatOf({ z, x, y }: TileAddress, fx: number, fy: number): { lon: number; lat: number } {
  const side = 2 ** z;
  const lon = ((x + fx) / side) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + fy)) / side))) * 180) / Math.PI;
  return { lon, lat };
}

/**
 * Copies a stored patrol under another id, owner and releasability, as if received or planned so;
 * without its planned route, so that only its track is drawn where it went.
 */
export function copyPatrol(db: SQLite.Database, fromId: string, id: string, owner: string, releasableTo: string[]): void {
  const columns = (db.prepare('PRAGMA table_info(patrols)').all() as { name: string }[]).map((c) => c.name);
  const values = columns.map((c) => (c === 'id' || c === 'owner' || c === 'releasable_to' || c === 'code' ? '?' : c === 'route' ? 'NULL' : c));
  db.prepare(`INSERT INTO patrols (${columns.join(', ')}) SELECT ${values.join(', ')} FROM patrols WHERE id = ?`).run(
    ...columns.flatMap((c) =>
      c === 'id' ? [id] : c === 'owner' ? [owner] : c === 'releasable_to' ? [JSON.stringify(releasableTo)] : c === 'code' ? [`${id}-code`] : [],
    ),
    fromId,
  );
}
