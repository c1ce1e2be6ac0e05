import { describe, expect, it } from 'vitest';
import { byStoryVictims, classifySentence, foldSentence } from '../../src/osint/classify-event.js';

/** The type of a story's first sentence, decided by who the story says was aimed at and hit. */
const typeOf = (story: string[]) => {
  const [trigger] = classifySentence(story[0]!);
  if (!trigger) return null;
  const decided = byStoryVictims(trigger, foldSentence(story.join(' ')));
  return `${decided.eventType} / ${decided.subEventType}`;
};

describe('attack on civilians or armed clash, by who the story says was hit', () => {
  it.each([
    // [the sentences of the story, the type]
    [
      [
        'Mardi dernier, vers 17 heures, au moins quatre individus armés ont fait irruption dans la localité.',
        'Ils ont visé le poste de sécurité à l’entrée de la ville et les locaux de la brigade territoriale.',
        'Il n’y a pas eu de mort, mais deux gendarmes ont été blessés par balle.',
      ],
      'Battles / Armed clash',
    ],
    [
      [
        'Dimanche, une bande de sept individus encagoulés a tendu une embuscade sur la piste de Mampatim.',
        'Ils ont immobilisé les véhicules de voyageurs qui revenaient du marché.',
        'Des membres d’une famille qui tentaient de s’échapper ont été touchés par balles.',
      ],
      'Violence against civilians / Attack',
    ],
    // Forces in the story: the ambush stays a battle, even with civilians hit.
    [['Une patrouille de l’armée est tombée dans une embuscade près de Kolongo.', 'Deux soldats et trois civils ont été tués.'], 'Battles / Armed clash'],
    // Civilians hit in the story: the attack on the village stays an attack on civilians.
    [
      ['Des hommes armés ont attaqué le village de Tassia.', 'Ils ont visé le poste de garde du village ; cinq villageois ont été tués.'],
      'Violence against civilians / Attack',
    ],
  ] as const)('%s', (story, expected) => {
    expect(typeOf([...story])).toBe(expected);
  });
});
