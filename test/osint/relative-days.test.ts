import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/osint/resolve-dates.js';

/** Every date read in a text, as `text=date`. */
const read = (text: string, published: string, language: 'fr' | 'en' = 'fr') =>
  resolveDates(text, published, language).map((d) => `${d.text.trim()}=${d.date}`);

describe('days told relative to another day, or not yet come', () => {
  it.each([
    // [text, published, language, the dates read]
    // The morning after a night is the night's second day, the one the night is dated by.
    [
      'Dans la nuit de lundi à mardi, un poste a été attaqué. Le lendemain matin, le convoi est tombé dans une embuscade.',
      '2020-10-14',
      'fr',
      ['nuit de lundi à mardi=2020-10-13', 'Le lendemain matin=2020-10-13'],
    ],
    [
      'Overnight from Sunday to Monday, gunmen raided the village. The next morning, troops were ambushed.',
      '2024-10-09',
      'en',
      ['Overnight from Sunday to Monday=2024-10-07', 'The next morning=2024-10-07'],
    ],
    // After a day, « le lendemain » is the next day.
    [
      'Dans la nuit du 10 au 11 juin, la brigade a été attaquée. Les assaillants sont revenus le lendemain.',
      '2022-06-13',
      'fr',
      ['nuit du 10 au 11 juin=2022-06-11', 'le lendemain=2022-06-12'],
    ],
    [
      'Le 3 mars, un camp a été attaqué. Le lendemain matin, les renforts sont arrivés.',
      '2025-03-05',
      'fr',
      ['3 mars=2025-03-03', 'Le lendemain matin=2025-03-04'],
    ],
    // « au lendemain de » dates what follows it: the day before the day just given.
    ['Le calme revenait ce vendredi, au lendemain d’une journée de violences.', '2023-06-02', 'fr', ['ce vendredi,=2023-06-02', 'au lendemain=2023-06-01']],
    // Counted back from the report: « il y a trois jours »; a weekend, by its Sunday as a night by
    // its second day (by its Saturday when the report is filed that day).
    ['Il y a trois jours, le camp a été attaqué.', '2024-10-07', 'fr', ['Il y a trois jours=2024-10-04']],
    ['Il y a une semaine, une patrouille est tombée dans une embuscade.', '2024-10-07', 'fr', ['Il y a une semaine=2024-09-30']],
    ['Le week-end dernier, des hommes armés ont attaqué le village.', '2024-10-07', 'fr', ['Le week-end dernier=2024-10-06']],
    ['Militants attacked the camp over the weekend.', '2024-10-07', 'en', ['over the weekend=2024-10-06']],
    ['Mali says 132 civilians killed in weekend raids.', '2022-06-22', 'en', ['weekend=2022-06-19']],
    ['Two citizens went missing last weekend.', '2022-03-10', 'en', ['last weekend=2022-03-06']],
    ['Ce week-end, des orpailleurs ont été interpellés.', '2019-11-30', 'fr', ['Ce week-end=2019-11-30']],
    // What is planned has not happened: no date.
    ['Une réunion des chefs militaires est prévue mardi prochain à Bamako.', '2024-10-09', 'fr', []],
    ['Mardi prochain, les ministres se réuniront à Kayes.', '2024-10-09', 'fr', []],
    ['Talks between the army and the rebels will resume next Tuesday.', '2024-10-09', 'en', []],
    ['Gunmen attacked the post late on Sunday.', '2024-10-09', 'en', ['on Sunday=2024-10-06']],
  ] as const)('%s', (text, published, language, expected) => {
    expect(read(text, published, language)).toEqual(expected);
  });
});
