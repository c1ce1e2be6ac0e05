import { describe, expect, it } from 'vitest';
import { foldSentence } from '../../src/osint/classify-event.js';
import { countFatalities } from '../../src/osint/count-casualties.js';

describe('countFatalities', () => {
  it.each([
    ['Au moins treize civils ont été tués à Niamana.', 13],
    ['Une soixantaine de personnes ont péri mardi dans une attaque.', 60],
    ['Vingt-cinq civils ont perdu la vie et treize autres ont été blessés.', 25],
    // ACLED counts the dead of every side.
    ['Cinq soldats maliens ont été tués, contre trois du côté des assaillants.', 8],
    ['Les assaillants ont tué deux soldats et blessé cinq autres.', 2],
    ['Des individus armés ont tué vendredi 8 août quatre bergers.', 4],
    ['Les combats ont fait au moins une dizaine de morts.', 10],
    ['Gunmen opened fire on traders, killing at least 12 people.', 12],
    ['Un soldat a perdu la vie et deux autres ont été blessés.', 1],
    ['Pape Faye a été abattu le 19 décembre à Kéniéba.', 1],
    ['Le bilan s’élève à sept morts parmi les habitants.', 7],
    ['The attack left twenty soldiers and one civilian dead on Tuesday.', 21],
    ['Seven of the attackers were killed and eight were taken into custody.', 7],
    ['Cette fois, ni blessé ni mort n’est à déplorer.', 0],
    // A figure, up to five words, and the verb; a death told in the singular.
    ['Quatre employés de la mine tués, plusieurs autres blessés.', 4],
    ['Mandiakuy : un adjudant tué, la brigade de gendarmerie incendiée.', 1],
    ["Un mort et d'importants dégâts matériels : c'est le bilan de l'attaque.", 1],
    // A figure among the words between is the one that counts.
    ['Frappes aériennes à Tongomayel, un chef terroriste parmi les douze tués.', 12],
    // A toll reported in the conditional, both sides added.
    ['Un militaire aurait perdu la vie, tandis que deux assaillants auraient été abattus.', 3],
    ['Selon des sources locales, quatre civils seraient morts dans la fusillade.', 4],
    ['Le chef du village aurait été abattu devant sa famille.', 1],
    // A figure written twice, in words and in digits; the « neutralised » of army communiqués.
    ['Selon le bilan établi à ce jour, cent trente-deux (132) civils ont été tués.', 132],
    ['Deux (02) militaires ont perdu la vie dans l’embuscade.', 2],
    ['Cercle de Niono : 26 jihadistes de la Katiba Macina neutralisés près d’Alatona.', 26],
    // Nobody killed, however the page says it.
    ['Pas de mort à déplorer, selon le maire.', 0],
    ["Plusieurs passagers ont été roués de coups ; aucun décès n'a toutefois été signalé.", 0],
    ["Selon lui, l'attaque n'a fait ni mort ni blessé.", 0],
    ['The gunmen fled and no one was hurt.', 0],
    ['Deux soldats ont été blessés.', null],
    ['En 2012, la ville est tombée.', null],
  ])('%s → %s', (sentence, expected) => {
    expect(countFatalities(foldSentence(sentence))).toBe(expected);
  });
});
