import { describe, expect, it } from 'vitest';
import { eventDates, toldAsBackground } from '../../src/osint/event-date.js';
import { foldText } from '../../src/osint/fold-text.js';
import { resolveDates } from '../../src/osint/resolve-dates.js';
import { splitSentences } from '../../src/osint/split-sentences.js';

/** The date the rules keep for the event of a text's first sentence. */
const eventDate = (text: string, published: string, language: 'fr' | 'en') => {
  const dates = resolveDates(text, published, language);
  const [sentence] = splitSentences(text);
  return eventDates(dates, sentence!, foldText(text))[0]?.date ?? null;
};

describe('the date of an event sentence', () => {
  it.each([
    // [sentence, published, language, the event's date or null]
    ['Un soldat a été tué lundi lors d’une opération, a-t-on appris mardi de source militaire.', '2023-01-17', 'fr', '2023-01-16'],
    ['Un soldat a été tué lors d’une opération, a-t-on appris mardi de source militaire.', '2023-01-17', 'fr', null],
    ['Les autorités ont affirmé jeudi soir qu’un seul soldat avait été blessé.', '2021-01-30', 'fr', null],
    ['Three soldiers died in the assault, and the bodies of two civilians were found on Friday.', '2026-01-31', 'en', null],
    ['On Sunday, Russian military bloggers reported at least 20 Wagner fighters killed in an ambush.', '2024-07-28', 'en', null],
    // Told after the event, « … on Saturday, military sources said » dates the event.
    ['Two soldiers were killed in an ambush near Nampala on Saturday, military sources said.', '2015-08-02', 'en', '2015-08-01'],
    ['The rebels put the toll at 47 soldiers killed, in a statement on Thursday.', '2024-08-02', 'en', null],
    ['Le gouvernement s’est exprimé sur l’attaque lors d’une conférence de presse animée cet après-midi du 13 juin 2022.', '2022-06-13', 'fr', null],
    // A broadcast's bracketed header dates the programme, not an event.
    ['[Transcription – Radio rurale de Kayes, jeudi 6 août 2020]', '2020-08-06', 'fr', null],
    ['Mardi dernier, 4 août, des individus armés ont fait irruption dans la localité.', '2020-08-06', 'fr', '2020-08-04'],
  ] as const)('%s', (text, published, language, expected) => {
    expect(eventDate(text, published, language)).toBe(expected);
  });
});

describe('a sentence told as background', () => {
  it.each([
    ['Dans la nuit du 2 septembre, une opération similaire avait abouti à trente interpellations.', true],
    ['La brigade de gendarmerie avait été attaquée et onze gendarmes tués.', true],
    ['The convoy had been ambushed twice before.', true],
    ['Des hommes armés ont attaqué le poste mardi.', false],
    ['Le village avait une école et un marché.', false],
    ['The army had to withdraw.', false],
  ] as const)('%s', (text, expected) => {
    expect(toldAsBackground(foldText(text))).toBe(expected);
  });
});
