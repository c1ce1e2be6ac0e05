import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/osint/fold-text.js';
import { resolveDates } from '../../src/osint/resolve-dates.js';
import { splitSentences } from '../../src/osint/split-sentences.js';
import { dateStatedNear } from '../../src/osint/stated-date.js';

// Each row: a text, the index of the sentence telling the event, its language, and the date a
// sentence near it states as when the event took place (or none). Published Thursday 6 March 2025.
describe('the date a sentence states as when the event took place', () => {
  it.each([
    ['Deux gendarmes ont été tués au poste de Sandaré. L’attaque s’est produite dans la nuit de samedi à dimanche.', 0, 'fr', '2025-03-02'],
    [
      'Deux gendarmes ont été tués au poste de Sandaré. L’attaque a eu lieu le mardi 4 mars vers 21 heures, près du marché. Un. Deux. Trois.',
      0,
      'fr',
      '2025-03-04',
    ],
    [
      'Security forces shut down three gold sites. The operation took place on Wednesday in the Saraya department. Gendarmes seized generators. They destroyed twenty-five crushing machines.',
      3,
      'en',
      '2025-03-05',
    ],
    // « Les faits remontent à » says when, as « se sont produits » does.
    ['Un passager a été interpellé avec 16 kg de chanvre indien au poste du PK10. Les faits remontent à mardi dernier, vers 17 heures.', 0, 'fr', '2025-03-04'],
    ['Customs officers seized 40 kg of cannabis at the border post. The seizure dates back to Monday night.', 0, 'en', '2025-03-03'],
    // The verb before the date: « C'est mardi que… » states no date after a verb of taking place.
    ['Deux gendarmes ont été tués au poste de Sandaré. C’est mardi que les renforts sont arrivés.', 0, 'fr', null],
    // An earlier event's date is the background's, not the story's.
    ['Three soldiers were killed near Sokolo. The previous attack took place on Monday.', 0, 'en', null],
    // A year alone dates nothing more than the page does.
    ['Des hommes armés ont incendié le marché. Les faits se sont produits en 2019.', 0, 'fr', null],
    // Too far from the event sentence.
    [
      'L’attaque a eu lieu le mardi 4 mars vers 21 heures, près du marché. Un. Deux. Trois. Quatre. Cinq. Six. Les assaillants ont tué trois bergers.',
      7,
      'fr',
      null,
    ],
  ] as const)('%s', (text, order, language, expected) => {
    const dates = resolveDates(text, '2025-03-06', language);
    const sentences = splitSentences(text);
    expect(dateStatedNear(sentences, order, dates, foldText(text))?.date ?? null).toBe(expected);
  });
});
