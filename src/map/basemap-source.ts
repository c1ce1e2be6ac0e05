import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { regionBasemap } from '../geo/basemap.js';
import { defaultGazetteerDir, everyPlace, parseGazetteerFile } from '../geo/gazetteer.js';
import type { NationCode } from '../kernel/nation.js';
import { openMbtiles } from '../store/mbtiles-archive.js';
import { openPmtiles } from '../store/pmtiles-archive.js';
import type { GeographyRepository } from '../store/geography-repository.js';
import { basemapLayers, type BasemapInputs, type BasemapLayers } from './basemap-layers.js';
import { tilesOfLayers, type BasemapTiles } from './basemap-tiles.js';

/** `data/naturalearth/` of the package, whether this module runs from `src/` or from `dist/src/`. */
export function naturalEarthDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const dir = join(here, ...up, 'data', 'naturalearth');
    if (existsSync(join(dir, 'rivers.geojson'))) return dir;
  }
  return join(here, '..', '..', 'data', 'naturalearth');
}

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Everything the built-in basemap is drawn from: shipped data and the mechanism's axes. */
export async function basemapInputs(nations: readonly NationCode[], geography: GeographyRepository): Promise<BasemapInputs> {
  const ne = naturalEarthDir();
  const gazetteer = parseGazetteerFile(readFileSync(join(defaultGazetteerDir(), 'gazetteer.txt'), 'utf8'));
  return {
    places: everyPlace(gazetteer),
    naturalEarthPlaces: readJson(ne, 'populated-places.geojson'),
    rivers: readJson(ne, 'rivers.geojson'),
    lakes: readJson(ne, 'lakes.geojson'),
    regionalBoundaries: readJson(ne, 'regional-boundaries.geojson'),
    countries: regionBasemap(nations),
    axes: await geography.axes(),
  };
}

const layersCache = new WeakMap<GeographyRepository, Promise<BasemapLayers>>();

/** The built-in basemap's layers, made once per node: the tiles and the situation report's map draw them. */
export function basemapLayersOf(nations: readonly NationCode[], geography: GeographyRepository): Promise<BasemapLayers> {
  let layers = layersCache.get(geography);
  if (!layers) {
    layers = basemapInputs(nations, geography).then(basemapLayers);
    layersCache.set(geography, layers);
  }
  return layers;
}

/**
 * The basemap a node serves: the nation's own extract when its configuration names one
 * (`basemapExtract`, an MBTiles or PMTiles file in the OpenMapTiles schema), otherwise the one
 * built here.
 */
export async function basemapTilesOf(nations: readonly NationCode[], geography: GeographyRepository, extract?: string): Promise<BasemapTiles> {
  if (extract !== undefined) {
    const archive = extract.endsWith('.pmtiles') ? await openPmtiles(extract) : openMbtiles(extract);
    const version = createHash('sha256')
      .update(`${archive.signature}|${statSync(extract).mtimeMs}`)
      .digest('base64url')
      .slice(0, 16);
    const empty = new Uint8Array(0);
    return {
      maxZoom: archive.maxZoom,
      version,
      tile: async (z, x, y) => (await archive.tile(z, x, y)) ?? empty,
      close: () => archive.close(),
    };
  }
  return tilesOfLayers(await basemapLayersOf(nations, geography));
}
