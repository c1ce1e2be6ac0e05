import type { NationCode } from '../kernel/nation.js';
import { foldName } from './gazetteer-names.js';

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
  const lines = records.map((r) => [r.id, r.name, r.lat, r.lon, r.featureClass, r.featureCode, r.country, r.admin1Code, r.admin1, r.population].join('\t'));
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

/**
 * One index holding the places of both: `extra`'s place lines follow `base`'s, and a name both
 * know names the places of both (`base`'s first). Merging the sorted name lines costs a binary
 * search per name of `extra`, so a small file joins a large one without re-sorting it.
 */
export function mergeIndexes(base: GazetteerIndex, extra: GazetteerIndex): GazetteerIndex {
  const shift = base.placesText.length * 2;
  const a = base.nameLines;
  const nameLines: string[] = [];
  let from = 0;
  for (const line of extra.nameLines) {
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    const codes = line
      .slice(tab + 1)
      .split(',')
      .map((code) => Number(code) + shift)
      .join(',');
    const probe = key + '\t';
    let lo = from;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < probe) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) nameLines.push(a[i]!);
    if (a[lo]?.startsWith(probe)) {
      nameLines.push(`${a[lo]},${codes}`);
      from = lo + 1;
    } else {
      nameLines.push(`${key}\t${codes}`);
      from = lo;
    }
  }
  for (let i = from; i < a.length; i++) nameLines.push(a[i]!);
  return { nameLines, placesText: base.placesText + extra.placesText, placeCount: base.placeCount + extra.placeCount };
}

/** One row of the shipped file's places. */
export function placeFromLine(line: string): Place {
  const [id, name, lat, lon, featureClass, featureCode, country, admin1Code, admin1, population] = line.split('\t');
  return {
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
}

/** Every place of the file, in its order (for the basemap's labels, which need them all). */
export function everyPlace(index: GazetteerIndex): Place[] {
  return index.placesText
    .split('\n')
    .filter((line) => line.length > 0)
    .map(placeFromLine);
}
