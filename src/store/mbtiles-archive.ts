import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

/**
 * A nation's own basemap as an MBTiles file (an SQLite database of vector tiles, as OpenMapTiles,
 * Planetiler or tilemaker write them), opened read-only. MBTiles numbers rows from the south
 * (TMS); the map asks from the north, hence the flip.
 */
export interface MbtilesArchive {
  maxZoom: number;
  /** The file's own name for its content and when it was made, for the ETag. */
  signature: string;
  tile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

export function openMbtiles(path: string): MbtilesArchive {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const metadata = new Map<string, string>();
  for (const row of db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]) metadata.set(row.name, row.value);
  if ((metadata.get('format') ?? 'pbf') !== 'pbf') {
    db.close();
    throw new Error(`${path}: the basemap extract must hold vector tiles (format pbf), not ${metadata.get('format')}`);
  }
  const select = db.prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  const maxZoom = Number(metadata.get('maxzoom') ?? (db.prepare('SELECT MAX(zoom_level) AS z FROM tiles').get() as { z: number | null }).z ?? 14);
  return {
    maxZoom,
    signature: `${metadata.get('name') ?? ''}|${metadata.get('version') ?? ''}|${metadata.get('mtime') ?? ''}`,
    tile(z, x, y) {
      const row = select.get(z, x, 2 ** z - 1 - y) as { data: Buffer } | undefined;
      if (!row) return null;
      // Writers usually gzip each tile; the node sends plain bytes and compresses the answer itself.
      return row.data[0] === 0x1f && row.data[1] === 0x8b ? gunzipSync(row.data) : row.data;
    },
    close() {
      db.close();
    },
  };
}
