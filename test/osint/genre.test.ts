import { describe, expect, it } from 'vitest';
import { isCommentary } from '../../src/osint/genre.js';

describe('pieces that explain, look back or argue', () => {
  it.each([
    // [title, body, commentary]
    ['Explainer: how a jihadist blockade around Kayes threatens trade', 'Lorry drivers have faced ambushes.', true],
    ['Backgrounder: Djibo, a town under blockade', 'The town has been encircled since 2022.', true],
    ['Opinion : Kayes est plus proche qu’on ne le pense', 'La menace jihadiste est à nos portes.', true],
    ['Entretien – « Le JNIM a multiplié ses actions »', 'Le chercheur répond à nos questions.', true],
    ['Remembering Solhan and Tadaryat', 'EXPLAINER — Burkina Faso\n\nTwo villages, two nights.', true],
    // Filed under another section than the news.
    ['Coupe du gouverneur : la finale', 'L’ESSOR | Sports\n\nLa finale opposera Kita à Kayes.', true],
    ['Twelve detainees freed', 'CHRONO ACTU — Senegal | Justice\n\nTwelve people detained over the massacre were released.', true],
    ['Gold output falls', 'TSM BUSINESS — Mining\n\nOutput fell by a tenth.', true],
    ['Attaque à Sokolo', 'KIBARU | Sécurité\n\nLe camp a été attaqué dimanche.', false],
    // Filed as a feature, by its kicker or its section.
    ['Wagner’s shadow over the eastern frontier', 'FEATURES | SECURITY\n\nA weekly market was raided.', true],
    ['Two months on, the ferry survivors', 'FEATURE (AFP)\n\nRockets hit the boat.', true],
    ['Le dossier Ogossagou', 'MALIACTU | Dossier | Janvier 2020\n\nLe village a été attaqué.', true],
    ['Attaque à Sokolo', 'FEATURED NEWS\n\nLe camp a été attaqué dimanche.', false],
    // A report, even under an « ANALYSIS » kicker or with « entretien » inside its title, is left to the other rules.
    ['Léré seen from Bassikounou: the war next door', 'ANALYSIS\n\nGunmen attacked Léré on Monday.', false],
    ['Attaque contre le camp de Sokolo – entretien avec le maire', 'Le camp a été attaqué dimanche.', false],
    ['Mali : une attaque fait 12 morts à Sokoura', 'LA NOUVELLE TRIBUNE | Afrique\n\nUne attaque a visé le camp.', false],
  ] as const)('%s', (title, body, expected) => {
    expect(isCommentary(title, body)).toBe(expected);
  });
});

describe('an explainer is not relevant, whatever its sentences tell', async () => {
  const { loadGazetteer } = await import('../../src/geo/gazetteer.js');
  const { extract } = await import('../../src/osint/extract.js');
  const gazetteer = await loadGazetteer();
  it.each([
    ['rules alone', null],
    ['with the shipped model', undefined],
  ] as const)('%s', (_name, model) => {
    const article = {
      published: '2025-09-17',
      title: 'Explainer: how the blockade around Kayes hurts trade',
      text: 'Gunmen attacked a convoy of fuel tankers near Diboli on Tuesday, killing five drivers and burning twenty lorries.',
      lang: 'en',
    };
    expect(extract(article, gazetteer, model).relevant).toBe(false);
  });

  it.each([
    ['rules alone', null],
    ['with the shipped model', undefined],
  ] as const)('nor is one whose body opens with the kicker « EXPLAINER — » (%s)', (_name, model) => {
    const article = {
      published: '2025-06-10',
      title: 'Remembering two villages',
      text: 'EXPLAINER — Burkina Faso\n\nOn Tuesday evening attackers killed 13 civilians and a soldier at Tadaryat and drove off cattle.',
      lang: 'en',
    };
    expect(extract(article, gazetteer, model).relevant).toBe(false);
  });
});
