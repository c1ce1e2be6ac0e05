import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';

describe('gunfire heard at a camp or a town is a fight', () => {
  it.each([
    ['Grosse détonation ce matin au niveau du camp de la garde nationale de Yélimané, puis des tirs d’armes automatiques depuis bientôt deux heures.', 'clash'],
    ['Tirs nourris pendant toute la matinée autour du camp.', 'clash'],
    ['Des tirs d’armes lourdes ont été entendus à l’entrée de la ville.', 'clash'],
    // Gunfire a sentence does not speak of is no fight.
    ['Les populations sont invitées à vaquer à leurs occupations.', undefined],
  ])('%s: %s', (sentence, sense) => {
    expect(classifySentence(sentence, 'fr')[0]?.sense).toBe(sense);
  });
});
