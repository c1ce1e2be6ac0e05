import type SQLite from 'better-sqlite3';
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import { tileBounds, type TileAddress } from '../../src/geo/web-tiles.js';
import type { DemoNode } from './demo-node.js';

export { tileAt } from '../../src/geo/web-tiles.js';

export interface TileAnswer {
  status: number;
  etag: string;
  features: Record<string, string | number | boolean>[];
}

/** Asks the node for an incident tile as `as`, and reads it with a real MVT reader. */
export async function fetchTile(demo: DemoNode, as: string, { z, x, y }: TileAddress, query = '', headers: Record<string, string> = {}): Promise<TileAnswer> {
  const response = await demo.app.inject({
    method: 'GET',
    url: `/api/v1/tiles/incidents/${z}/${x}/${y}.mvt${query}`,
    headers: { authorization: `Bearer ${await demo.token(as)}`, ...headers },
  });
  const etag = String(response.headers.etag);
  if (response.statusCode !== 200) return { status: response.statusCode, etag, features: [] };
  const layer = new VectorTile(new Protobuf(response.rawPayload)).layers.incidents;
  const features = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) features.push(layer!.feature(i).properties);
  return { status: response.statusCode, etag, features };
}

/** The ids the list gives `as` inside the tile's box, with the same filters. */
export async function listedInTile(demo: DemoNode, as: string, address: TileAddress, query = ''): Promise<string[]> {
  const bbox = tileBounds(address).join(',');
  const response = await demo.call('GET', `/api/v1/incidents?limit=50000&bbox=${bbox}${query}`, { as });
  if (response.status !== 200) throw new Error(`list: ${response.status}`);
  return response.body.features.map((f: { id: string }) => f.id).sort();
}

/** Writes incidents straight into the node's database, the way a bulk import would. */
export interface IncidentRow {
  id: string;
  owner: string;
  releasableTo: string[];
  lon: number;
  lat: number;
  eventType: string;
  occurredAt: string;
}

export function addIncidents(demo: DemoNode, rows: IncidentRow[]): void {
  addIncidentsTo(demo.store.sqlite, rows);
}

/** Incidents written straight into a node's SQLite file, with the columns every release has had. */
export function addIncidentsTo(sqlite: SQLite.Database, rows: IncidentRow[]): void {
  const incident =
    sqlite.prepare(`INSERT INTO incidents (id, owner, releasable_to, version, created_at, updated_at, occurred_at, date_precision, lat, lon, geo_precision,
    place_name, section, event_type, sub_event_type, actors, source_kind, status) VALUES (?, ?, ?, 1, ?, ?, ?, 'day', ?, ?, 'exact', NULL, NULL, ?, 'Other', '[]', 'other', 'unverified')`);
  const box = sqlite.prepare('INSERT INTO incident_bbox (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const r of rows) {
      const { lastInsertRowid } = incident.run(
        r.id,
        r.owner,
        JSON.stringify(r.releasableTo),
        r.occurredAt,
        r.occurredAt,
        r.occurredAt,
        r.lat,
        r.lon,
        r.eventType,
      );
      box.run(lastInsertRowid, r.lon, r.lon, r.lat, r.lat);
    }
  })();
}
