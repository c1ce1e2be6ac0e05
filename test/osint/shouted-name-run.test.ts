import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { isShoutedRun } from '../../src/osint/shouted-name-run.js';

describe('a run of words wholly in capitals', () => {
  it.each([
    ['URGENT KOLOKANI', true],
    ['ALERTE NIORO DU SAHEL', true],
    ['FLASH INFO', true],
    // A person: a first name in small letters, even when the surname is in capitals.
    ['Bakary Diarra', false],
    ['Bakary DIARRA', false],
    // One word alone is read as before (a name of one word is never a person's full name).
    ['KOLOKANI', false],
    ['Nioro du Sahel Infos', false],
  ])('%s: %s', (run, shouted) => {
    expect(isShoutedRun(run)).toBe(shouted);
  });
});

describe('a shouted line names its place', async () => {
  const gazetteer = await loadGazetteer();
  const names = (text: string) => findPlaces(text, gazetteer).map((m) => m.name);
  it.each([
    ['🚨 URGENT KOLOKANI 🚨\nRéveil brutal ce matin : ça a commencé à tirer sur la gendarmerie.', ['KOLOKANI']],
    // A mixed run is still a person's name whose words are no places elsewhere.
    ['Bakary Kolokani a parlé ce matin.', []],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
