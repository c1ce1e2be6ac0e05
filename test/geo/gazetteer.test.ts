import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGazetteer, featureRank, foldName, indexPlaces, loadGazetteer, parseGazetteerFile, type PlaceRecord } from '../../src/geo/gazetteer.js';

const record = (id: number, name: string, featureCode: string, country: string, alternateNames: string[] = []): PlaceRecord => ({
  id,
  name,
  alternateNames,
  country,
  admin1Code: '03',
  admin1: 'Kayes',
  lat: 14,
  lon: -12,
  featureClass: featureCode.startsWith('PPL') ? 'P' : featureCode.startsWith('ADM') ? 'A' : 'H',
  featureCode,
  population: 0,
});

describe('foldName', () => {
  it.each([
    ['Kéniéba', 'kenieba'],
    ['SÉLIBABI', 'selibabi'],
    ['Nioro-du-Sahel', 'nioro du sahel'],
    ['’Ayoûn el ’Atroûs', 'ayoun el atrous'],
    ["N'Tahaka", 'ntahaka'],
    ['  Kidira  ', 'kidira'],
  ])('%s → %s', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe('featureRank', () => {
  it('puts capitals and seats before villages, villages before wells', () => {
    expect(featureRank('P', 'PPLC')).toBeLessThan(featureRank('P', 'PPLA'));
    expect(featureRank('P', 'PPLA')).toBeLessThan(featureRank('P', 'PPLA2'));
    expect(featureRank('P', 'PPLA2')).toBeLessThan(featureRank('P', 'PPL'));
    expect(featureRank('P', 'PPL')).toBeLessThan(featureRank('H', 'WLL'));
  });
});

describe('a small gazetteer', () => {
  const gazetteer = createGazetteer(
    indexPlaces([
      record(1, 'Kidira', 'PPL', 'SN'),
      record(2, 'Kidira', 'PPL', 'ML'),
      record(3, 'Kayes', 'PPLA', 'ML', ['Kaes']),
      record(4, 'Kayes Cercle', 'ADM2', 'ML'),
      record(5, 'Kaye', 'PPL', 'SN'),
      record(6, 'Sélibabi', 'PPLA', 'MR'),
      record(7, 'Kayes', 'WLL', 'MR'),
    ]),
    { Sélibaby: { target: 'Sélibabi', country: 'MR' } },
  );

  it('finds every exact homonym, filtered by country', () => {
    expect(
      gazetteer
        .lookup('kidira')
        .map((p) => p.id)
        .sort(),
    ).toEqual([1, 2]);
    expect(gazetteer.lookup('KIDIRA', { country: 'ML' }).map((p) => p.id)).toEqual([2]);
    expect(gazetteer.lookup('Kidira', { country: ['MR'] })).toEqual([]);
  });

  it('ranks exact before prefix and seats before wells', () => {
    expect(gazetteer.search('kayes').map((p) => p.id)).toEqual([3, 7, 4]);
    expect(gazetteer.search('kay').map((p) => p.id)).toEqual([3, 4, 5, 7]);
    expect(gazetteer.search('kaye', { limit: 2 }).map((p) => p.id)).toEqual([5, 3]);
  });

  it('matches alternate names and our press aliases', () => {
    expect(gazetteer.lookup('Kaès').map((p) => p.id)).toEqual([3]);
    expect(gazetteer.lookup('Sélibaby').map((p) => p.id)).toEqual([6]);
    expect(gazetteer.search('selib').map((p) => p.id)).toEqual([6]);
  });

  it('returns nothing for an empty query or an unknown name', () => {
    expect(gazetteer.search('   ')).toEqual([]);
    expect(gazetteer.lookup('Atlantis')).toEqual([]);
  });

  it('finds a place by its GeoNames id', () => {
    expect(gazetteer.byId(6)?.name).toBe('Sélibabi');
    expect(gazetteer.byId(99)).toBeUndefined();
  });

  it('rejects a file of another format', () => {
    expect(() => parseGazetteerFile('id\tname\n')).toThrow(/format/);
  });
});

describe('the shipped gazetteer', async () => {
  const gazetteer = await loadGazetteer();
  const first = (name: string, country?: string) => gazetteer.lookup(name, country ? { country } : {})[0];

  it.each([
    ['Diboli', 'ML', 'Kayes', 14.455, -12.199],
    ['Kidira', 'SN', 'Tambacounda', 14.457, -12.217],
    ['Sélibaby', 'MR', 'Guidimaka', 15.159, -12.183],
    ['Ourossogui', 'SN', 'Matam', 15.6, -13.32],
    ['Bakel', 'SN', 'Tambacounda', 14.902, -12.459],
    ['Lakamané', 'ML', 'Kayes', 14.51, -9.91],
  ])('%s is in %s (%s)', (name, country, admin1, lat, lon) => {
    const place = first(name, country);
    expect(place?.admin1).toBe(admin1);
    expect(place!.lat).toBeCloseTo(lat, 0);
    expect(place!.lon).toBeCloseTo(lon, 0);
  });

  it('names regions without "Region"/"Région de"', () => {
    expect(first('Kayes', 'ML')?.admin1).toBe('Kayes');
    expect(first('Kédougou', 'SN')?.admin1).toBe('Kédougou');
    expect(gazetteer.lookup('Région de Kédougou').some((p) => p.featureCode === 'ADM1')).toBe(true);
  });

  it('holds the natural features the press names', () => {
    expect(gazetteer.search('Falémé').some((p) => p.featureClass === 'H')).toBe(true);
  });

  it('prefers the regional seat among homonyms', () => {
    expect(first('Kati')?.featureCode).toBe('PPLA2');
    expect(first('Bamako')?.featureCode).toBe('PPLC');
  });

  it('folds names exactly as the build script did', () => {
    const names = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'geonames', 'source', 'SN.txt'), 'utf8')
      .split('\n')
      .slice(0, 400)
      .map((line) => line.split('\t')[1])
      .filter((name): name is string => Boolean(name));
    for (const name of names) expect(gazetteer.lookup(name).length, name).toBeGreaterThan(0);
  });
});
