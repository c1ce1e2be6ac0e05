import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGazetteerFile } from './gazetteer-index.js';
import { createGazetteer, type Gazetteer } from './gazetteer-search.js';

const FILE_NAME = 'gazetteer.txt';

/** `data/geonames/` of the package, whether this module runs from `src/` or from `dist/src/`. */
export function defaultGazetteerDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const dir = join(here, ...up, 'data', 'geonames');
    if (existsSync(join(dir, FILE_NAME))) return dir;
  }
  return join(here, '..', '..', 'data', 'geonames');
}

const cache = new Map<string, Gazetteer>();

/** Synchronous load for command-line start-up; cached per folder. */
export function loadGazetteerSync(dir: string = defaultGazetteerDir()): Gazetteer {
  const cached = cache.get(dir);
  if (cached) return cached;
  const gazetteer = createGazetteer(parseGazetteerFile(readFileSync(join(dir, FILE_NAME), 'utf8')));
  cache.set(dir, gazetteer);
  return gazetteer;
}

/** Loads the gazetteer shipped in `dir` (default: the package's `data/geonames/`), once. */
export async function loadGazetteer(dir?: string): Promise<Gazetteer> {
  return loadGazetteerSync(dir);
}
