import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

/**
 * An event of several days its sentence dates by the month (« over five days in March 2022 ») takes
 * the first day the next sentences give (« The operation began on 27 March 2022 »); a day that is
 * not its start does not date it.
 */
describe('an event dated by its month and the day it began', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    [
      'en',
      'Over five days in March 2022, soldiers killed more than 500 people in the village of Moura. The operation began on 27 March 2022, the weekly market day.',
      '2022-03-27',
    ],
    [
      'fr',
      'En mars 2022, des soldats ont tué plus de cinq cents personnes dans le village de Moura. L’opération a commencé le 27 mars 2022, jour de marché.',
      '2022-03-27',
    ],
    [
      'en',
      'Over five days in March 2022, soldiers killed more than 500 people in the village of Moura. The report was written on 28 March 2022 by the team.',
      '2022-03',
    ],
  ] as const)('%s: %s', (language, text, expected) => {
    const result = extract({ published: '2022-04-05', title: '', text, lang: language }, gazetteer, null);
    expect(result.events[0]?.date).toBe(expected);
  });
});
