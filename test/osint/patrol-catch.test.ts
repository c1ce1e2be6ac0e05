import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

// A patrol or an operation told with what it caught is the catch: a seizure with nobody held, or
// the arrests. The sentence rules alone (no model).
describe('a patrol told with what it caught', async () => {
  const gazetteer = await loadGazetteer();
  const kind = (title: string, text: string, lang: 'fr' | 'en') => {
    const event = extract({ published: '2022-04-12', title, text, lang }, gazetteer, null).events[0];
    return event ? `${event.event_type} / ${event.sub_event_type}` : null;
  };

  it.each([
    // The catch in the patrol's own sentence.
    [
      'Drug agency intercepts cannabis near Batendeh',
      'A team of the drug agency carried out an operation on Sunday 10 April 2022 near Batendeh which led to the recovery of twenty-one bundles of cannabis. The smuggler escaped.',
      'en',
      'Strategic developments / Other',
    ],
    // The catch a numbered point below the patrol.
    [
      'Point de situation de la gendarmerie de Kolda',
      '1. Dans la nuit du 10 avril 2022, des éléments de la brigade de Kolda en patrouille à Sarabédji ont intercepté une moto chargée de produits prohibés.\n\n' +
        '2. Le conducteur a pris la fuite. La fouille du chargement a permis de découvrir cinq boulettes de haschisch.',
      'fr',
      'Strategic developments / Other',
    ],
    // People held: an arrest.
    [
      'Opération à Sarabédji',
      'Le dimanche 10 avril 2022, la gendarmerie a conduit une opération de sécurisation à Sarabédji. Trois trafiquants ont été interpellés et leur chargement saisi.',
      'fr',
      'Strategic developments / Arrests',
    ],
    // A patrol that caught nothing stays a patrol.
    [
      'Patrouille mixte à Kidira',
      'Le dimanche 10 avril 2022, les armées du Mali et du Sénégal ont lancé une patrouille mixte le long de la Falémé, à Kidira.',
      'fr',
      'Strategic developments / Change to group/activity',
    ],
  ] as const)('%s', (title, text, lang, expected) => {
    expect(kind(title, text, lang)).toBe(expected);
  });
});
