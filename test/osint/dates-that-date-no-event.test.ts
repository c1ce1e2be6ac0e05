import { describe, expect, it } from 'vitest';
import { eventDates } from '../../src/osint/event-date.js';
import { foldText } from '../../src/osint/fold-text.js';
import { resolveDates } from '../../src/osint/resolve-dates.js';
import { splitSentences } from '../../src/osint/split-sentences.js';

/** The date the rules keep for the event of a text's first sentence. */
const eventDate = (text: string, published: string, language: 'fr' | 'en') => {
  const dates = resolveDates(text, published, language);
  const [sentence] = splitSentences(text);
  return eventDates(dates, sentence!, foldText(text))[0]?.date ?? null;
};

/**
 * A decree's or a statement's date is when it was signed or issued; the day bodies were found is
 * the finding's, but drugs or arms discovered in a search were discovered on the event's day.
 */
describe('dates of a document or of a finding', () => {
  it.each([
    // [sentence, published, language, the event's date or null]
    ['Ces opérations appliquent le décret 2024-1502 du 31 juillet 2024 suspendant les activités minières.', '2024-11-12', 'fr', null],
    ['Les sites ont été fermés en application de l’arrêté du 3 mars 2025.', '2025-03-20', 'fr', null],
    ['The curfew follows a decree of 4 May 2024 banning motorbikes.', '2024-05-20', 'en', null],
    ['L’armée a indiqué que l’attaque du 3 mars avait fait deux morts.', '2025-03-05', 'fr', '2025-03-03'],
    ['The bodies of two civilians were found on Friday near the village.', '2026-01-31', 'en', null],
    ['Les corps de trois bergers ont été retrouvés samedi près du puits.', '2022-03-08', 'fr', null],
    ['The cocaine was discovered on Saturday in the border town of Kidira, hidden in a truck.', '2022-10-31', 'en', '2022-10-29'],
    ['Une cache d’armes a été découverte lundi par les gendarmes près de Diboli.', '2024-02-14', 'fr', '2024-02-12'],
  ] as const)('%s', (text, published, language, expected) => {
    expect(eventDate(text, published, language)).toBe(expected);
  });
});
