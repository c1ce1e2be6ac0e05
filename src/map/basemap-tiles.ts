import { createHash } from 'node:crypto';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { BasemapLayers } from './basemap-layers.js';

/** Vector tiles of a basemap, from the node's own data or from a nation's extract. */
export interface BasemapTiles {
  /** Deepest zoom with tiles of its own; the map scales the last ones up beyond. */
  readonly maxZoom: number;
  /** Changes when the tiles may: the ETag of every tile. */
  readonly version: string;
  /** The MVT bytes (not compressed) of one tile; empty where the basemap has nothing. */
  tile(z: number, x: number, y: number): Uint8Array | Promise<Uint8Array>;
  close(): void | Promise<void>;
}

export const BASEMAP_MAX_ZOOM = 14;
const EXTENT = 4096;
/** Tiles kept encoded: the mechanism's area down to zoom 10 is about this many. */
const CACHE_SIZE = 4096;
const EMPTY = new Uint8Array(0);

export function isTileOnGrid(z: number, x: number, y: number): boolean {
  const side = 2 ** z;
  return Number.isInteger(z) && Number.isInteger(x) && Number.isInteger(y) && z >= 0 && x >= 0 && y >= 0 && x < side && y < side;
}

/**
 * Cuts the layers once into geojson-vt indexes, then encodes each tile when first asked and keeps
 * it: a tile is cut from the index in a few milliseconds and never changes while the node runs.
 */
export function tilesOfLayers(layers: BasemapLayers, maxZoom = BASEMAP_MAX_ZOOM): BasemapTiles {
  const indexes = Object.entries(layers).map(([name, collection]) => ({
    name,
    index: new GeoJSONVT(collection, { maxZoom, indexMaxZoom: 5, extent: EXTENT, buffer: 64, tolerance: 3 }),
  }));
  const version = createHash('sha256').update(JSON.stringify(layers)).digest('base64url').slice(0, 16);
  const cache = new Map<string, Uint8Array>();
  return {
    maxZoom,
    version,
    tile(z, x, y) {
      const key = `${z}/${x}/${y}`;
      const cached = cache.get(key);
      if (cached) {
        // Most recently used last, so that the oldest goes first when the cache is full.
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const parts: Parameters<typeof fromGeojsonVt>[0] = {};
      for (const { name, index } of indexes) {
        const tile = index.getTile(z, x, y);
        if (!tile) continue;
        // Each feature is shown from its own zoom on (labels by importance, small rivers later).
        const features = (tile.features as GeoJSONVTFeature[]).filter((f) => ((f.tags?.minzoom as number | undefined) ?? 0) <= z);
        if (features.length > 0) parts[name] = { ...tile, features } as GeoJSONVTTile;
      }
      const bytes = Object.keys(parts).length === 0 ? EMPTY : fromGeojsonVt(parts, { version: 2, extent: EXTENT });
      cache.set(key, bytes);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return bytes;
    },
    close() {
      cache.clear();
    },
  };
}
