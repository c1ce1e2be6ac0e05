import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { classifySentence } from '../../src/osint/classify-event.js';
import { extract } from '../../src/osint/extract.js';
import { tellsMishapDeaths } from '../../src/osint/mishap.js';
import { foldText } from '../../src/osint/fold-text.js';

// Miners buried when a pit caves in died of no one's violence; gunmen killing miners is an attack.
describe('deaths of a pit caving in', () => {
  it.each([
    ['fr', 'Quatre orpailleurs tués dans un éboulement sur le site de Gamba-Gamba', null],
    ['en', 'More than 40 people were killed on Saturday when an illegal gold mine collapsed near Kéniéba.', null],
    ['fr', "Six orpailleurs ont trouvé la mort dans l'effondrement d'un puits à Kharakhéna.", null],
    ['fr', 'Quatre orpailleurs tués par des hommes armés sur le site de Gamba-Gamba', 'Violence against civilians'],
  ] as const)('%s: %s', (lang, sentence, expected) => {
    const deaths = classifySentence(sentence, lang).filter((t) => t.sense === 'kill' || t.sense === 'toll');
    expect(deaths[0]?.eventType ?? null).toBe(expected);
  });

  it.each([
    ['Saraya : quatre orpailleurs périssent dans un éboulement', true],
    ['More than 40 killed as illegal gold mine caves in near Kéniéba', true],
    ['Kédougou : un éboulement sur un site aurifère', false],
    ['Kéniéba : quatre orpailleurs tués par des hommes armés', false],
    // A boat that sinks drowns its passengers: no one killed them.
    ['At least 25 dead as migrant boat from Gambia sinks off Nouakchott', true],
    ['Five dead as pirogue sank off Saint-Louis', true],
    // A death from an epidemic is no one's doing either.
    ["Mali says it will not shut Guinea border after toddler's Ebola death in Kayes", true],
  ] as const)('headline %s', (headline, expected) => {
    expect(tellsMishapDeaths(foldText(headline))).toBe(expected);
  });
});

// The story under such a headline goes on with its toll (« Le bilan s'est alourdi : six morts »), in
// sentences that no longer name the pit.
describe('the story of a headline telling a mishap', async () => {
  const gazetteer = await loadGazetteer();
  const text =
    "Quatre orpailleurs ont perdu la vie samedi dans l'effondrement d'un puits d'or à Kharakhéna, dans le département de Saraya.\n\n" +
    "Le bilan s'est alourdi dimanche : six morts et deux blessés, selon la gendarmerie de Saraya.";

  it('reports no event', () => {
    const title = 'Saraya : quatre orpailleurs périssent dans un éboulement à Kharakhéna';
    expect(extract({ published: '2026-01-25', title, text, lang: 'fr' }, gazetteer, null).relevant).toBe(false);
  });

  it('still reports the toll under a headline telling violence', () => {
    const title = 'Saraya : un site aurifère attaqué à Kharakhéna';
    const violent =
      "Des hommes armés ont fait irruption samedi sur un site aurifère à Kharakhéna.\n\nLe bilan s'est alourdi dimanche : six morts et deux blessés, selon la gendarmerie de Saraya.";
    expect(extract({ published: '2026-01-25', title, text: violent, lang: 'fr' }, gazetteer, null).relevant).toBe(true);
  });
});

// A flood's damage is the water's: roads « damaged », villages "hit" by no one.
describe('the story of a headline telling a flood', async () => {
  const gazetteer = await loadGazetteer();
  const text =
    'Roads and tracks linking villages of the Île à Morphil have been damaged by the water since Friday.\n\n' +
    'Guédé Wouro, Korkadjé and Moundouwaye are among the other villages hit.';

  it.each([
    ['Podor: river flood cuts off villages on Île à Morphil', false],
    ['Podor: gunmen attack villages on Île à Morphil', true],
  ] as const)('%s', (title, expected) => {
    expect(extract({ published: '2022-09-25', title, text, lang: 'en' }, gazetteer, null).relevant).toBe(expected);
  });

  // Heavy rain is told as a flood is: its « victimes » and its ruins are the weather's.
  const pluie =
    'Les averses tombées sur la ville dans la nuit du mardi 3 septembre 2024 n’ont fait aucune victime, mais des maisons se sont écroulées.\n\n' +
    'Des ponts ont été endommagés et des champs détruits dans les villages voisins.';
  it.each([
    ['Forte pluie à Ansongo : des maisons écroulées, aucune perte en vie humaine', false],
    ['Intempéries à Ansongo : des maisons détruites, aucune perte en vie humaine', false],
    ['Ansongo : des hommes armés attaquent la ville', true],
  ] as const)('%s', (title, expected) => {
    expect(extract({ published: '2024-09-05', title, text: pluie, lang: 'fr' }, gazetteer, null).relevant).toBe(expected);
  });
});
