#!/usr/bin/env node
// Derives the compact gazetteer the product ships (data/geonames/gazetteer.json) from the GeoNames
// per-country dumps (19-column `geoname` table). Run once when the dumps change:
//
//   node scripts/build-gazetteer.mjs [SOURCE_DIR] [OUT_FILE]   (default source: data/geonames/source)
//
// Output (text, read by src/geo/gazetteer.ts), one record a line:
//   line 1:   "diboli-gazetteer 2 <place count> <length of the names section in characters>"
//   names:    folded name (name or Latin-script alternate name), tab, the places it names as
//             (offset of the place's line in the places section) * 2 + (1 if alternate name),
//             comma-separated; sorted by name
//   places:   geonameid, name, lat, lon, feature class, feature code, country, admin1 code,
//             admin1 name, population (tab-separated)
// The index is built here so that start-up only splits the names section: no folding of 75 000
// names, no JSON, and places are read from their offset when a look-up needs them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? join(here, '..', 'data', 'geonames', 'source');
const out = process.argv[3] ?? join(here, '..', 'data', 'geonames', 'gazetteer.txt');
const COUNTRIES = ['ML', 'SN', 'MR'];

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

// Must stay identical to foldName in src/geo/gazetteer.ts (a test checks they agree).
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
const places = [];
const postings = new Map();
function post(key, code) {
  if (key.length === 0) return;
  const list = postings.get(key);
  if (!list) postings.set(key, [code]);
  else if (!list.includes(code) && !(code % 2 === 1 && list.includes(code - 1))) list.push(code);
}

for (const country of COUNTRIES) {
  const text = readFileSync(join(source, `${country}.txt`), 'utf8');
  const admin1 = new Map();
  const lines = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
  for (const f of lines) if (f[7] === 'ADM1') admin1.set(f[10], admin1Label(f[1]));
  for (const f of lines) {
    const [id, name, , alternates, lat, lon, featureClass, featureCode, cc, , admin1Code, , , , population] = f;
    if (!id || !name || cc !== country) continue;
    const index = places.length;
    places.push([
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
    ]);
    post(foldName(name), index * 2);
    const alt = new Set();
    for (const a of (alternates ?? '').split(',')) {
      const value = a.trim();
      if (value && value !== name && isUsefulAlternate(value)) alt.add(value);
    }
    if (featureCode === 'ADM1') alt.add(admin1Label(name));
    for (const value of alt) post(foldName(value), index * 2 + 1);
  }
}
const keys = [...postings.keys()].sort();
const clean = (value) => String(value).replace(/[\t\n]/g, ' ');
// Places first in memory, to know each one's offset in the places section.
const placeLines = places.map((place) => place.map(clean).join('\t'));
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
writeFileSync(out, `diboli-gazetteer 2 ${places.length} ${namesText.length}\n${namesText}${placesText}`);
console.log(`${places.length} places, ${keys.length} names written to ${out}`);
