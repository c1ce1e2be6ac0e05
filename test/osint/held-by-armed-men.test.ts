import { describe, expect, it } from 'vitest';
import { foldSentence } from '../../src/osint/classify-event.js';
import { heldByArmedMen } from '../../src/osint/held-by-armed-men.js';

describe('heldByArmedMen', () => {
  it.each([
    ['Les passagers ont été interceptés par des hommes armés près de Diéma.', true],
    ['Six chauffeurs sont retenus par des jihadistes depuis lundi.', true],
    ['The drivers were held by armed men for two days.', true],
    // Held by the forces, or armed men who hold no one.
    ['Les douaniers ont intercepté un camion de cigarettes.', false],
    ['Des hommes armés ont attaqué le village.', false],
  ])('%s → %s', (sentence, held) => {
    expect(heldByArmedMen(foldSentence(sentence)) >= 0).toBe(held);
  });

  it('tells where the holding is told, not a word that merely contains it', () => {
    const folded = foldSentence('Their names were withheld: the drivers were held by armed men.');
    expect(heldByArmedMen(folded)).toBe(folded.indexOf('held by'));
  });
});
