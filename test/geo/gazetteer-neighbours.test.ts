import { describe, expect, it } from 'vitest';
import {
  createGazetteer,
  defaultNeighboursDir,
  everyPlace,
  indexPlaces,
  loadGazetteer,
  loadGazetteerWithNeighbours,
  mergeIndexes,
  parseGazetteerFile,
  type PlaceRecord,
} from '../../src/geo/gazetteer.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NEIGHBOURS = ['DZ', 'BF', 'CI', 'GM', 'GN', 'GW', 'NE'];

const record = (id: number, name: string, country: string, alternateNames: string[] = []): PlaceRecord => ({
  id,
  name,
  alternateNames,
  country,
  admin1Code: '01',
  admin1: '',
  lat: 13 + id / 100,
  lon: -14,
  featureClass: 'P',
  featureCode: 'PPL',
  population: id * 1000,
});

describe('merging two gazetteer files', () => {
  const base = [record(1, 'Kidira', 'SN', ['Kidira Escale']), record(2, 'Nioro', 'ML'), record(3, 'Zanfara', 'ML')];
  const extra = [record(4, 'Nioro', 'GM'), record(5, 'Bwiam', 'GM'), record(6, 'Abuko', 'GM'), record(7, 'Zorgo', 'BF')];
  const merged = createGazetteer(mergeIndexes(indexPlaces(base), indexPlaces(extra)), {});
  const whole = createGazetteer(indexPlaces([...base, ...extra]), {});

  it('finds every name as one file holding both would', () => {
    for (const name of ['kidira', 'kidira escale', 'nioro', 'zanfara', 'bwiam', 'abuko', 'zorgo', 'absent']) {
      expect(merged.lookup(name), name).toEqual(whole.lookup(name));
    }
    expect(merged.size).toBe(7);
    expect(merged.byId(6)?.name).toBe('Abuko');
    expect(merged.search('z').map((p) => p.name)).toEqual(whole.search('z').map((p) => p.name));
  });

  it('keeps each place with its country', () => {
    expect(merged.lookup('Nioro').map((p) => p.country)).toEqual(['GM', 'ML']);
    expect(merged.lookup('Nioro', { country: 'ML' }).map((p) => p.id)).toEqual([2]);
  });
});

describe('the neighbours’ towns', async () => {
  const file = readFileSync(join(defaultNeighboursDir(), 'gazetteer.txt'), 'utf8');
  const towns = everyPlace(parseGazetteerFile(file));
  const nations = await loadGazetteer();
  const region = await loadGazetteerWithNeighbours();

  it('are places of the neighbouring countries only: villages and divisions near the border, and Algeria’s towns of 1,000 people or seats', () => {
    expect(towns.length).toBeGreaterThan(30000);
    for (const town of towns) {
      expect(NEIGHBOURS, town.name).toContain(town.country);
      if (town.country !== 'DZ') {
        expect(['P', 'A'], town.name).toContain(town.featureClass);
        continue;
      }
      expect(town.featureClass).toBe('P');
      expect(town.population >= 1000 || /^PPL(C|A\d?)$/.test(town.featureCode), town.name).toBe(true);
    }
    expect(new Set(towns.map((t) => t.country))).toEqual(new Set(NEIGHBOURS));
  });

  it('hold Burkina Faso’s villages with their alternate names and region, and leave out the villages of its far south-east', () => {
    expect(region.lookup('Gorgadji', { country: 'BF' })[0]).toMatchObject({ featureClass: 'P', admin1: 'Sahel' });
    // Zorgho is an alternate name of Zorgo in GeoNames.
    expect(region.lookup('Zorgho', { country: 'BF' })[0]?.name).toBe('Zorgo');
    // Far from the border, the seats and towns stay; the villages do not.
    expect(region.lookup('Fada N’Gourma', { country: 'BF' })[0]).toMatchObject({ featureCode: 'PPLA', admin1: 'Est' });
    expect(region.lookup('Ziou', { country: 'BF' })).toEqual([]);
  });

  it('hold the villages of the Gambia and Niger that GeoNames knows, with their region', () => {
    expect(region.lookup('Bwiam', { country: 'GM' })[0]).toMatchObject({ featureClass: 'P', population: 0 });
    expect(region.lookup('Tongo Tongo', { country: 'NE' })[0]).toMatchObject({ featureClass: 'P', admin1: 'Tillaberi' });
    expect(region.lookup('Koutougou', { country: 'NE' })[0]?.featureClass).toBe('P');
  });

  it.each([
    ['Djibo', 'BF', 14.1, -1.63],
    ['Bissau', 'GW', 11.86, -15.6],
    ['Banjul', 'GM', 13.45, -16.58],
    ['Siguiri', 'GN', 11.42, -9.17],
    ['Tillabéri', 'NE', 14.21, 1.45],
  ])('%s is placed in %s by the news extractor’s gazetteer', (name, country, lat, lon) => {
    const place = region.lookup(name, { country })[0];
    expect(place?.country).toBe(country);
    expect(place!.lat).toBeCloseTo(lat, 1);
    expect(place!.lon).toBeCloseTo(lon, 1);
  });

  it('stay out of the gazetteer the map, the place search and the patrol forms read', () => {
    for (const name of ['Djibo', 'Bissau', 'Banjul', 'Siguiri']) {
      expect(
        nations.lookup(name).filter((p) => NEIGHBOURS.includes(p.country)),
        name,
      ).toEqual([]);
      expect(nations.search(name, { country: NEIGHBOURS })).toEqual([]);
    }
    expect(nations.size).toBe(region.size - towns.length);
  });

  it('do not outrank a seat of the nations that bears the same name', () => {
    // Nioro is a seat in Mali and a village in the Gambia.
    expect(region.lookup('Nioro')[0]?.country).toBe('ML');
    expect(region.lookup('Nioro du Sahel')[0]?.country).toBe('ML');
  });
});
