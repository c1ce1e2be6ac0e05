import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/osint/language.js';

describe('detectLanguage', () => {
  it.each([
    ['Les forces de défense maliennes et sénégalaises intensifient leur coopération à la frontière commune.', 'fr'],
    ['Malian and Senegalese defence forces officially launched joint patrols in the Kayes region last Thursday.', 'en'],
    ['Un grupo armado atacó un puesto militar en la región de Tombuctú el domingo, según fuentes locales.', 'other'],
    ['', 'other'],
    ['1234 5678 //// %%%%', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
