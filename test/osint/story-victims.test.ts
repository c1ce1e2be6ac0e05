import { describe, expect, it } from 'vitest';
import { classifySentence, foldSentence } from '../../src/osint/classify-event.js';
import { byStoryVictims } from '../../src/osint/story-victims.js';
import { byStoryMeans } from '../../src/osint/story-means.js';

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
    // A health post shelters no armed force: the ambush of travellers stays an attack on civilians.
    [
      ['Dimanche, des bandits armés ont tendu une embuscade sur la piste de Mampatim.', 'Trois voyageurs ont été blessés et évacués au poste de santé.'],
      'Violence against civilians / Attack',
    ],
  ] as const)('%s', (story, expected) => {
    expect(typeOf([...story])).toBe(expected);
  });
});

/** The type of a story's first sentence once the means its next sentences tell are read. */
const typeByMeans = (story: string[]) => {
  const [trigger] = classifySentence(story[0]!, 'fr');
  if (!trigger) return null;
  const decided = byStoryMeans(
    trigger,
    story.slice(1).flatMap((sentence) => classifySentence(sentence, 'fr')),
  );
  return `${decided.eventType} / ${decided.subEventType}`;
};

describe('an attack told with its means in the next sentences', () => {
  it.each([
    // [the sentences of the story, the type]
    [
      ['Le bateau « Tombouctou » a été attaqué ce matin sur le fleuve.', 'Des roquettes ont touché le bateau, il y avait beaucoup de monde à bord.'],
      'Explosions/Remote violence / Shelling/artillery/missile attack',
    ],
    [
      ['Le camp militaire a été attaqué à l’aube.', 'Un kamikaze à bord d’un véhicule piégé s’est fait exploser à l’entrée.'],
      'Explosions/Remote violence / Suicide bomb',
    ],
    // Told without its means, the attack keeps its type.
    [['Le camp militaire a été attaqué à l’aube.', 'Les assaillants ont été repoussés après deux heures de combats.'], 'Battles / Armed clash'],
    // An ambush fought with rocket launchers among other arms stays a battle.
    [
      ['Le convoi est tombé dans une embuscade près du village.', 'Les assaillants ont ouvert le feu au lance-roquettes sur les véhicules de l’armée.'],
      'Battles / Armed clash',
    ],
  ] as const)('%s', (story, expected) => {
    expect(typeByMeans([...story])).toBe(expected);
  });
});

describe('who attacked, told by an adjective', () => {
  it.each([
    // [sentence, the type]
    ['Les populations des villages de la commune, dans le cercle de Bankass, ont subi des attaques terroristes.', 'Violence against civilians / Attack'],
    ['Une attaque jihadiste contre le camp de Boulkessi a été repoussée.', 'Battles / Armed clash'],
  ] as const)('%s', (sentence, expected) => {
    const [trigger] = classifySentence(sentence, 'fr');
    expect(`${trigger?.eventType} / ${trigger?.subEventType}`).toBe(expected);
  });
});
