import { describe, expect, it } from 'vitest';
import { classifySentence, foldSentence } from '../../src/osint/classify-event.js';
import { tollOfEvent } from '../../src/osint/toll-of-event.js';

/** The toll of the first sentence's event, the others being the rest of its paragraph. */
const toll = (sentences: string[]) => {
  const folded = sentences.map(foldSentence);
  const triggers = sentences.map((s) => classifySentence(s, 'fr'));
  const eventType = triggers[0]![0]!.eventType;
  return tollOfEvent(
    { folded, triggers },
    0,
    eventType,
    sentences.slice(1).map((_s, i) => i + 1),
  );
};

describe('the toll of an event', () => {
  it.each([
    // Its own sentence's.
    [['Des hommes armés ont attaqué le village de Fatou, tuant trois civils.'], 3],
    // The next sentence's, told along with it.
    [['Des hommes armés ont attaqué le village de Fatou dimanche.', 'Trois civils ont été tués.'], 3],
    [['Des hommes armés ont attaqué le village de Fatou dimanche.', 'Des boutiques ont été pillées.', 'Aucune perte en vie humaine n’est à déplorer.'], 0],
    // A sentence about another event ends the story: its toll is not this one's.
    [['Des hommes armés ont attaqué le village de Fatou dimanche.', 'Deux suspects ont été arrêtés lundi.', 'Trois civils ont été tués.'], null],
    // Told too far after it.
    [
      [
        'Des hommes armés ont attaqué le village de Fatou dimanche.',
        'Le maire a parlé.',
        'Le préfet aussi.',
        'Le gouverneur enfin.',
        'Trois civils ont été tués.',
      ],
      null,
    ],
  ] as const)('%j', (sentences, expected) => {
    expect(toll([...sentences])).toBe(expected);
  });
});
