import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import { weekdayDateYear } from '../../src/osint/weekday-year.js';

describe('the year a weekday date without one falls in', () => {
  it.each([
    // [text, the day the page was read, the day]
    ['Selon nos informations, tout commence mardi 21 janvier.', '2026-12-06', '2025-01-21'],
    ['Malian troops killed 26 militants on Monday, April 26, according to local media.', '2026-12-06', '2021-04-26'],
    ['Le lundi 26 avril, les militaires de la garnison ont accroché des combattants.', '2026-12-06', '2021-04-26'],
    // The latest fitting year not after the day of reading: read in 2021, the same words.
    ['Le lundi 26 avril, les militaires ont accroché des combattants.', '2021-04-25', '2010-04-26'],
    ['On Saturday 29 February, gunmen raided the market.', '2026-12-06', '2020-02-29'],
    ['Vendredi 1er mars, une patrouille a été prise à partie.', '2026-12-06', '2024-03-01'],
    // A page that writes a year tells of the first fitting year from it, not of the latest.
    ['Ce dimanche 9 août, trois jeunes ont été capturés. En mars 2019 déjà, six jeunes du village avaient été enlevés.', '2026-12-06', '2020-08-09'],
    ['Samedi 14 novembre, des hommes armés ont attaqué le poste, le troisième depuis janvier 2020.', '2026-12-06', '2020-11-14'],
    // A year after the day of reading is a plan, and a written year that no fitting day follows leaves the latest.
    ['Le lundi 26 avril, les militaires ont accroché des combattants. Le plan court jusqu’en 2030.', '2026-12-06', '2021-04-26'],
    ['Mardi 21 janvier, une patrouille est partie. Le budget de 2026 est voté.', '2026-01-10', '2025-01-21'],
    // A date that writes its year, or a date with no weekday, says nothing more.
    ['Le mardi 21 janvier 2025, une patrouille est partie.', '2026-12-06', null],
    ['Le 21 janvier, une patrouille est partie.', '2026-12-06', null],
    ['Mardi, une patrouille est partie.', '2026-12-06', null],
    ['Mardi 21 janvier', 'not a day', null],
  ] as const)('%s (read on %s): %s', (text, readOn, expected) => {
    expect(weekdayDateYear(text, readOn)).toBe(expected);
  });

  it('dates the event of a page with no day of its own by the day the node read it', async () => {
    const gazetteer = await loadGazetteer();
    const article = {
      published: null,
      title: 'Niono : 26 jihadistes neutralisés près d’Alatona',
      text: 'Le lundi 26 avril, les militaires de la garnison d’Alatona ont accroché des combattants de la katiba Macina dans le cercle de Niono. Vingt-six terroristes ont été neutralisés.',
      lang: 'fr',
    };
    expect(extract(article, gazetteer).events[0]?.date ?? null).toBeNull();
    expect(extract({ ...article, seen: '2026-12-06' }, gazetteer).events[0]?.date).toBe('2021-04-26');
  });

  // The weekday date read first is not the page's day when the text writes a later day in full.
  it('does not date the page before the day its event is written in full', async () => {
    const gazetteer = await loadGazetteer();
    const article = {
      published: null,
      title: 'Doropo : des véhicules des agents des douanes incendiés',
      text:
        'Des inconnus ont mis le feu à deux véhicules des agents des douanes dans la nuit du jeudi 22 au vendredi 23 décembre 2022 à Doropo.\n\n' +
        'Le commandant de la gendarmerie s’était rendu à Doropo le jeudi 22 décembre ; le mardi 20 décembre, le sous-préfet avait réuni les populations.',
      lang: 'fr',
      seen: '2026-12-06',
    };
    expect(extract(article, gazetteer).events[0]?.date).toBe('2022-12-23');
  });
});
