import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/osint/language.js';

describe('detectLanguage', () => {
  it.each([
    ['Les forces de défense maliennes et sénégalaises intensifient leur coopération à la frontière commune.', 'fr'],
    ['Malian and Senegalese defence forces officially launched joint patrols in the Kayes region last Thursday.', 'en'],
    ['Un grupo armado atacó un puesto militar en la región de Tombuctú el domingo, según fuentes locales.', 'other'],
    ['Um grupo armado atacou um posto militar na região de Tombuctu no domingo, segundo fontes locais que não quiseram ser identificadas.', 'other'],
    ['Le forze armate del Mali hanno respinto un attacco contro la base di Kidal, secondo le fonti della regione che hanno parlato con la stampa.', 'other'],
    // A long text whose small words leave no doubt is decided without comparing trigram profiles.
    [
      'Les soldats ont été attaqués dans la nuit par des hommes armés qui ont pris pour cible le poste. Selon les habitants, les assaillants sont arrivés sur des motos et ont tiré sur les militaires, qui ont riposté. Le bilan est de deux morts dans les rangs de l’armée, selon une source sécuritaire qui a requis l’anonymat pour cette information.',
      'fr',
    ],
    ['', 'other'],
    ['1234 5678 //// %%%%', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
