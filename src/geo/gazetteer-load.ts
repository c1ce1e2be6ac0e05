import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeIndexes, parseGazetteerFile, type GazetteerIndex } from './gazetteer-index.js';
import { createGazetteer, type Gazetteer } from './gazetteer-search.js';

const FILE_NAME = 'gazetteer.txt';

/** `data/<folder>/` of the package, whether this module runs from `src/` or from `dist/src/`. */
function dataDir(folder: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const dir = join(here, ...up, 'data', folder);
    if (existsSync(join(dir, FILE_NAME))) return dir;
  }
  return join(here, '..', '..', 'data', folder);
}

/** `data/geonames/` of the package: the places of the mechanism's nations. */
export function defaultGazetteerDir(): string {
  return dataDir('geonames');
}

/** `data/geonames-neighbours/` of the package: the towns of the neighbouring countries. */
export function defaultNeighboursDir(): string {
  return dataDir('geonames-neighbours');
}

const indexes = new Map<string, GazetteerIndex>();
const cache = new Map<string, Gazetteer>();

function indexOf(dir: string): GazetteerIndex {
  let index = indexes.get(dir);
  if (!index) {
    index = parseGazetteerFile(readFileSync(join(dir, FILE_NAME), 'utf8'));
    indexes.set(dir, index);
  }
  return index;
}

/** Synchronous load for command-line start-up; cached per folder. */
export function loadGazetteerSync(dir: string = defaultGazetteerDir()): Gazetteer {
  const cached = cache.get(dir);
  if (cached) return cached;
  const gazetteer = createGazetteer(indexOf(dir));
  cache.set(dir, gazetteer);
  return gazetteer;
}

/** Loads the gazetteer shipped in `dir` (default: the package's `data/geonames/`), once. */
export async function loadGazetteer(dir?: string): Promise<Gazetteer> {
  return loadGazetteerSync(dir);
}

/**
 * The nations' places and the neighbours' towns, each marked with its country: what the news
 * extractor reads, so that an event across the border (Bissau, Djibo, Banjul) gets its place. The
 * map, the place search and the patrol forms keep `loadGazetteer`, the nations' places only.
 */
export function loadGazetteerWithNeighboursSync(dir: string = defaultGazetteerDir(), neighbours: string = defaultNeighboursDir()): Gazetteer {
  const key = `${dir}\n${neighbours}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const gazetteer = createGazetteer(mergeIndexes(indexOf(dir), indexOf(neighbours)));
  cache.set(key, gazetteer);
  return gazetteer;
}

/** Asynchronous twin of `loadGazetteerWithNeighboursSync`, loaded once. */
export async function loadGazetteerWithNeighbours(dir?: string, neighbours?: string): Promise<Gazetteer> {
  return loadGazetteerWithNeighboursSync(dir, neighbours);
}
