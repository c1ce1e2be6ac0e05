/**
 * The web map's tiles (the "slippy map" scheme MapLibre asks for): tile x, y at zoom z covers a
 * square of the Web Mercator plane, and a point inside it is written in `extent` units from the
 * tile's top-left corner. Pure arithmetic, shared by the tiles the node makes and by tests.
 */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Coordinates of a vector tile's features: 4096 units a side, as MVT readers expect by default. */
export const TILE_EXTENT = 4096;

/** The deepest zoom the node makes incident tiles for. */
export const MAX_TILE_ZOOM = 22;

export function isTileAddress({ z, x, y }: TileAddress): boolean {
  const side = 2 ** z;
  return Number.isInteger(z) && Number.isInteger(x) && Number.isInteger(y) && z >= 0 && x >= 0 && y >= 0 && x < side && y < side;
}

function lonOf(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function latOf(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** The tile's box in degrees: [minLon, minLat, maxLon, maxLat]. */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  return [lonOf(x, z), latOf(y + 1, z), lonOf(x + 1, z), latOf(y, z)];
}

/** Where a point falls in the tile, in extent units rounded, held to the tile's edges. */
export function tilePoint(address: TileAddress, lon: number, lat: number, extent = TILE_EXTENT): [number, number] {
  const clamp = (v: number) => Math.min(extent, Math.max(0, Math.round(v)));
  const [px, py] = tilePosition(address, lon, lat, extent);
  return [clamp(px), clamp(py)];
}

/** Where a point falls in the tile, in extent units, unrounded; beyond 0..extent for a point outside it. */
export function tilePosition({ z, x, y }: TileAddress, lon: number, lat: number, extent = TILE_EXTENT): [number, number] {
  const side = 2 ** z;
  const worldX = ((lon + 180) / 360) * side;
  const sin = Math.sin((lat * Math.PI) / 180);
  const worldY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * side;
  return [(worldX - x) * extent, (worldY - y) * extent];
}

/**
 * A map tile's grid of counted cells: the tiles of `GRID_LEVELS` zooms deeper, 16×16 of them
 * (32 px cells on a 512 px tile).
 */
export const GRID_LEVELS = 4;
export const TILE_GRID = 2 ** GRID_LEVELS;

/**
 * The cell of the Web Mercator grid at `level` that holds the point: the tile of zoom `level`
 * it falls in. A map tile of zoom z has the cells of level z + `GRID_LEVELS` as its grid; the counts
 * of migration 0016 compute the same cell in SQL.
 */
export function cellAt(lon: number, lat: number, level: number): { x: number; y: number } {
  const side = 2 ** level;
  const radians = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * side),
    y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side),
  };
}

/** The tile of zoom `z` that holds a point. */
export function tileAt(z: number, lon: number, lat: number): TileAddress {
  return { z, ...cellAt(lon, lat, z) };
}
