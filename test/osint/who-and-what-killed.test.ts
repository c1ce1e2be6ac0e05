import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';

// A mine that kills is a blast, whatever the verb; forest guards killed in an attack on their post
// fell in a fight, as soldiers do.
describe('who and what killed', () => {
  it.each([
    ['fr', 'Ansongo : trois membres de la communauté Idaksahak tués par une mine au sud-est de Talataye', 'Remote explosive/landmine/IED'],
    ['en', 'Three herders were killed by a mine near Talataye.', 'Remote explosive/landmine/IED'],
    ['fr', 'Deux agents des Eaux et Forêts tués, un troisième blessé : c’est le bilan de l’attaque du poste.', 'Armed clash'],
  ] as const)('%s: %s', (lang, sentence, expected) => {
    expect(classifySentence(sentence, lang)[0]?.subEventType).toBe(expected);
  });
});
