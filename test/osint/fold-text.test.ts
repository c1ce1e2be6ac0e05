import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/osint/fold-text.js';

describe('foldText', () => {
  it.each([
    ['Émeutes à Kédougou', 'emeutes a kedougou'],
    ['Jama’at', "jama'at"],
    ['ÇA', 'ca'],
    ['Kayes', 'kayes'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps every offset, even for decomposed input', () => {
    for (const input of ['Sélibaby à Diboli', 'Se\u0301libaby à Diboli', 'İstanbul à Diboli', 'a😀b à Diboli']) {
      const folded = foldText(input);
      expect(folded.length).toBe(input.length);
      expect(folded.indexOf('diboli')).toBe(input.indexOf('Diboli'));
    }
  });
});
