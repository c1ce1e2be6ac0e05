/**
 * Gazetteer of the partner nations (GeoNames, CC BY 4.0): accent- and case-insensitive look-up
 * of places by name, French and local spellings, and press aliases.
 *
 * The pure part (`indexPlaces`, `createGazetteer`) works on plain records; `loadGazetteer` reads the
 * shipped file (with its name index built ahead by scripts/build-gazetteer.mjs) once and caches it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NationCode } from '../domain/nation.js';
import { PLACE_ALIASES, type PlaceAlias } from './gazetteer-aliases.js';

export interface Place {
  /** GeoNames geonameid. */
  id: number;
  name: string;
  country: NationCode;
  admin1Code: string;
  /** Name of the first-level division, without "Region"/"Région de" ("Kayes"). */
  admin1: string;
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  /** 0 when GeoNames does not know it (most villages). */
  population: number;
}

/** A place with the other names it goes by, as read from the data file. */
export interface PlaceRecord extends Place {
  alternateNames: readonly string[];
}

export interface SearchOptions {
  limit?: number;
  /** Only places of this nation (or these nations). */
  country?: NationCode | readonly NationCode[];
}

export interface LookupOptions {
  country?: NationCode | readonly NationCode[];
}

export interface Gazetteer {
  readonly size: number;
  /** Best first: exact before prefix matches; within each, capitals and seats before villages. */
  search(query: string, options?: SearchOptions): Place[];
  /** Every place whose name, alternate name or press alias equals `name` (folded), best first. */
  lookup(name: string, options?: LookupOptions): Place[];
  byId(id: number): Place | undefined;
}

/** Accents, case, apostrophes and hyphens do not tell place names apart in the press. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'‘`ʼ]/g, '')
    .replace(/[-_.,/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How much a feature is worth when names collide: the press names capitals, regional and
 * district seats far more often than homonymous hamlets, and villages more than wells or hills.
 */
export function featureRank(featureClass: string, featureCode: string): number {
  switch (featureCode) {
    case 'PPLC':
      return 0;
    // A town ranks just above the division named after it: its point is the more precise one.
    case 'PPLA':
      return 1;
    case 'ADM1':
      return 1.5;
    case 'PPLA2':
      return 2;
    case 'ADM2':
      return 2.5;
    case 'PPLA3':
    case 'PPLA4':
      return 3;
    case 'ADM3':
      return 3.5;
    case 'PPL':
    case 'PPLL':
    case 'PPLS':
    case 'PPLF':
      return 4;
  }
  if (featureClass === 'P' || featureClass === 'A') return 5;
  if (featureCode === 'STM' || featureCode === 'FRST' || featureCode === 'RESF' || featureCode === 'PRK') return 5;
  if (featureClass === 'H' || featureClass === 'T' || featureClass === 'V' || featureClass === 'L') return 6;
  return 7;
}

/**
 * The shipped index (see scripts/build-gazetteer.mjs): name lines (`folded name TAB codes`,
 * sorted), where a code is the offset of the place's line in `placesText` * 2, plus 1 when the
 * name is an alternate name; place lines (`id, name, lat, lon, featureClass, featureCode,
 * country, admin1Code, admin1, population`, tab-separated).
 */
export interface GazetteerIndex {
  nameLines: readonly string[];
  placesText: string;
  placeCount: number;
}

/** Builds an index from place records (tests, small custom gazetteers). */
export function indexPlaces(records: readonly PlaceRecord[]): GazetteerIndex {
  const lines = records.map((r) =>
    [r.id, r.name, r.lat, r.lon, r.featureClass, r.featureCode, r.country, r.admin1Code, r.admin1, r.population].join('\t'),
  );
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  const postings = new Map<string, number[]>();
  const post = (key: string, code: number) => {
    if (key.length === 0) return;
    const list = postings.get(key);
    if (!list) postings.set(key, [code]);
    else if (!list.includes(code) && !(code % 2 === 1 && list.includes(code - 1))) list.push(code);
  };
  records.forEach((record, index) => {
    post(foldName(record.name), offsets[index]! * 2);
    for (const alternate of record.alternateNames) post(foldName(alternate), offsets[index]! * 2 + 1);
  });
  return {
    nameLines: [...postings.keys()].sort().map((key) => `${key}\t${postings.get(key)!.join(',')}`),
    placesText: lines.map((line) => line + '\n').join(''),
    placeCount: records.length,
  };
}

/** Splits the shipped file into its name lines and places text. */
export function parseGazetteerFile(text: string): GazetteerIndex {
  const headerEnd = text.indexOf('\n');
  const header = /^diboli-gazetteer 2 (\d+) (\d+)$/.exec(text.slice(0, Math.max(0, headerEnd)));
  if (!header) throw new Error('gazetteer file: unknown format');
  const namesEnd = headerEnd + 1 + Number(header[2]);
  const names = text.slice(headerEnd + 1, namesEnd);
  return { nameLines: names.slice(0, -1).split('\n'), placesText: text.slice(namesEnd), placeCount: Number(header[1]) };
}

interface Entry {
  place: Place;
  rank: number;
  /** 0 when the key is the place's own name, 1 for an alternate name or alias. */
  viaAlternate: number;
}

function countryFilter(country: SearchOptions['country']): ((code: string) => boolean) | undefined {
  if (country === undefined) return undefined;
  const wanted = new Set(typeof country === 'string' ? [country] : country);
  return (code) => wanted.has(code);
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    a.rank - b.rank ||
    a.viaAlternate - b.viaAlternate ||
    b.place.population - a.place.population ||
    a.place.name.length - b.place.name.length ||
    a.place.id - b.place.id
  );
}

export function createGazetteer(
  index: GazetteerIndex,
  aliases: Readonly<Record<string, PlaceAlias>> = PLACE_ALIASES,
): Gazetteer {
  const { nameLines, placesText } = index;
  // Places are read on first use: a look-up touches a handful of the 45 000 rows.
  const places = new Map<number, Place>();
  const placeAt = (offset: number): Place => {
    let place = places.get(offset);
    if (!place) {
      const end = placesText.indexOf('\n', offset);
      const line = placesText.slice(offset, end < 0 ? undefined : end);
      const [id, name, lat, lon, featureClass, featureCode, country, admin1Code, admin1, population] = line.split('\t');
      place = {
        id: Number(id),
        name: name ?? '',
        country: country ?? '',
        admin1Code: admin1Code ?? '',
        admin1: admin1 ?? '',
        lat: Number(lat),
        lon: Number(lon),
        featureClass: featureClass ?? '',
        featureCode: featureCode ?? '',
        population: Number(population) || 0,
      };
      places.set(offset, place);
    }
    return place;
  };
  const keyOf = (line: string) => line.slice(0, line.indexOf('\t'));

  /** Position of the first name line whose key is >= `key` (tab sorts before any name character). */
  function keyPosition(key: string): number {
    const probe = key + '\t';
    let lo = 0;
    let hi = nameLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nameLines[mid]! < probe) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  const entriesCache = new Map<string, Entry[]>();
  const aliasEntries = new Map<string, Entry[]>();

  function indexedEntries(key: string): Entry[] {
    const cached = entriesCache.get(key);
    if (cached) return cached;
    const position = keyPosition(key);
    const entries: Entry[] = [];
    const line = nameLines[position];
    if (line?.startsWith(key + '\t')) {
      for (const code of line.slice(key.length + 1).split(',').map(Number)) {
        const place = placeAt(code >> 1);
        entries.push({ place, rank: featureRank(place.featureClass, place.featureCode), viaAlternate: code & 1 });
      }
    }
    const extra = aliasEntries.get(key);
    if (extra) for (const e of extra) if (!entries.some((x) => x.place === e.place)) entries.push(e);
    // A district named after its town stands for the town; its point is only a centroid.
    for (const division of entries) {
      if (division.place.featureClass !== 'A' || division.place.featureCode === 'ADM1') continue;
      const town = entries.find(
        (e) => e.place.featureClass === 'P' && e.place.country === division.place.country && e.place.admin1Code === division.place.admin1Code,
      );
      if (town && town.rank >= division.rank) division.rank = town.rank + 0.5;
    }
    entries.sort(compareEntries);
    entriesCache.set(key, entries);
    return entries;
  }

  for (const [alias, { target, country }] of Object.entries(aliases)) {
    const key = foldName(alias);
    const found = indexedEntries(foldName(target)).filter((e) => country === undefined || e.place.country === country);
    aliasEntries.set(key, [...(aliasEntries.get(key) ?? []), ...found.map((e) => ({ ...e, viaAlternate: 1 }))]);
    entriesCache.delete(key);
  }

  return {
    size: index.placeCount,
    byId(id) {
      if (placesText.startsWith(`${id}\t`)) return placeAt(0);
      const newline = placesText.indexOf(`\n${id}\t`);
      return newline < 0 ? undefined : placeAt(newline + 1);
    },
    lookup(name, options = {}) {
      const accept = countryFilter(options.country);
      return indexedEntries(foldName(name))
        .filter((e) => !accept || accept(e.place.country))
        .map((e) => e.place);
    },
    search(query, options = {}) {
      const limit = options.limit ?? 10;
      const accept = countryFilter(options.country);
      const folded = foldName(query);
      if (folded.length === 0 || limit <= 0) return [];
      const seen = new Set<number>();
      const result: Place[] = [];
      const take = (entries: readonly Entry[]) => {
        for (const entry of entries) {
          if (result.length >= limit) return;
          if (seen.has(entry.place.id) || (accept && !accept(entry.place.country))) continue;
          seen.add(entry.place.id);
          result.push(entry.place);
        }
      };
      take(indexedEntries(folded));
      if (result.length < limit) {
        const prefixed: Entry[] = [];
        for (let i = keyPosition(folded); i < nameLines.length && nameLines[i]!.startsWith(folded); i++) {
          const key = keyOf(nameLines[i]!);
          if (key !== folded) prefixed.push(...indexedEntries(key));
          if (prefixed.length > 2000) break;
        }
        for (const [alias, entries] of aliasEntries) if (alias !== folded && alias.startsWith(folded)) prefixed.push(...entries);
        prefixed.sort(compareEntries);
        take(prefixed);
      }
      return result;
    },
  };
}

const FILE_NAME = 'gazetteer.txt';

/** `data/geonames/` of the package, whether this module runs from `src/` or from `dist/src/`. */
export function defaultGazetteerDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [['..', '..'], ['..', '..', '..']]) {
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
