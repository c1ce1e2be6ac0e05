import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';

/** « s'en prendre à » in its compound tenses, the auxiliary inside the phrase: an attack. */
describe('« s’en prendre à » told in a compound tense', () => {
  it.each([
    ['Le lundi 1er juillet 2024, vers 16 heures, des groupes armés terroristes s’en sont pris à deux villages de la région.', 'Violence against civilians'],
    ['Des terroristes s’en sont pris, aux premières heures de ce jeudi 07 mars 2024, au poste frontalier de Kourémalé.', 'Battles'],
    ['Un groupe armé s’en est pris à la brigade de gendarmerie de Diéma.', 'Battles'],
  ] as const)('%s', (text, eventType) => {
    const [top] = classifySentence(text, 'fr');
    expect(top?.sense).toBe('attack');
    expect(top?.eventType).toBe(eventType);
  });
});
