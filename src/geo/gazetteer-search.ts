import type { NationCode } from '../kernel/nation.js';
import { PLACE_ALIASES, type PlaceAlias } from './gazetteer-aliases.js';
import { placeFromLine, type GazetteerIndex, type Place } from './gazetteer-index.js';
import { featureRank, foldName } from './gazetteer-names.js';

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

export function createGazetteer(index: GazetteerIndex, aliases: Readonly<Record<string, PlaceAlias>> = PLACE_ALIASES): Gazetteer {
  const { nameLines, placesText } = index;
  // Places are read on first use: a look-up touches a handful of the 45 000 rows.
  const places = new Map<number, Place>();
  const placeAt = (offset: number): Place => {
    let place = places.get(offset);
    if (!place) {
      const end = placesText.indexOf('\n', offset);
      const line = placesText.slice(offset, end < 0 ? undefined : end);
      place = placeFromLine(line);
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
      for (const code of line
        .slice(key.length + 1)
        .split(',')
        .map(Number)) {
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
    // Names the gazetteer lacks are not kept: looking them up again costs a binary search, and a
    // node reading the news for months would otherwise hold every unknown word it met.
    if (entries.length > 0) entriesCache.set(key, entries);
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
