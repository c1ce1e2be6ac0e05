import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/osint/split-sentences.js';

describe('splitSentences', () => {
  it.each([
    ['Une phrase. Une autre.', ['Une phrase.', 'Une autre.']],
    ['Lt. Gen. Salifou Mody spoke. Then he left.', ['Lt. Gen. Salifou Mody spoke.', 'Then he left.']],
    ['Ligne un\nLigne deux', ['Ligne un', 'Ligne deux']],
    ['Il a dit : « Non. » Puis rien.', ['Il a dit : « Non. »', 'Puis rien.']],
    // French typography spaces a quotation's opening mark from its first word.
    ['L’attaque a eu lieu à Songho. « Le véhicule a pris feu », dit-il.', ['L’attaque a eu lieu à Songho.', '« Le véhicule a pris feu », dit-il.']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('keeps offsets into the text and numbers paragraphs', () => {
    const text = 'Titre\n\nPremière. Seconde.';
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.index, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1]);
  });
});
