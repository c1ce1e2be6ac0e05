import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { describePlace, placeSpecificity } from '../../src/osint/event-place.js';
import { extract } from '../../src/osint/extract.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { foldText } from '../../src/osint/fold-text.js';

// Where an event happened when several sentences tell it, or when its sentence names only its
// region: the sentence rules alone (no model).
describe('the event’s place across the sentences telling it', async () => {
  const gazetteer = await loadGazetteer();
  const rulePlace = (title: string, text: string) =>
    extract({ published: '2025-09-08', title, text, lang: text.includes(' the ') ? 'en' : 'fr' }, gazetteer, null).events[0]?.location ?? null;

  it.each([
    // A landmark the headline names (« près de Fassala ») says less than the village the body
    // names the event at.
    [
      'Wagner et l’armée malienne emmènent une quinzaine de prisonniers près de Fassala',
      'Wagner et l’armée malienne capturent une quinzaine de prisonniers lors d’une opération à la frontière mauritanienne\n\n' +
        'Le mardi 2 septembre, l’armée malienne et les paramilitaires russes de Wagner ont conduit une opération à Laghdaf, près de Fassala. ' +
        'Une quinzaine d’individus ont été arrêtés.',
      'Laghdaf',
    ],
    // A man known by his town (« le Chérif de Nioro ») does not put the event in his town.
    [
      'Publication X',
      'Ce matin vers 11h, entre Béma et Diongo Mani (route de Nioro), des hommes armés ont arrêté plusieurs véhicules. ' +
        'Deux 4x4 liés au Chérif de Nioro emportés, les deux chauffeurs et deux jeunes de la famille du Chérif pris en otage.',
      'Béma',
    ],
    // A sentence naming only the region of its event borrows a town of that region (the
    // headline's), not the capital another sentence names.
    [
      'Mali says airstrikes hit JNIM fighters in Diéma',
      "Mali's army carried out airstrikes on Sunday in the western Kayes region against JNIM fighters, killing several of them. " +
        'The blockade has made fuel scarce in Bamako for weeks.',
      'Diéma',
    ],
    // Where goods were going (« deliveries to the capital, Bamako ») is not where it happened.
    [
      'Airstrikes hit JNIM fighters in Diéma',
      "Mali's army carried out airstrikes on Sunday in the western Kayes region against JNIM fighters, who are trying to choke off fuel deliveries to the capital, Bamako.",
      'Diéma',
    ],
    // « près du village de Ama » is a landmark, as « près de Ama » is.
    ['Attaque nocturne', 'Lundi, des individus armés ont attaqué le hameau d’Elen Arama, près du village de Ama, tuant quatre personnes.', 'Elen Arama'],
    // « Tongo Tongo » is one place, not twice the village of Tongo.
    ['Embuscade meurtrière', 'Seize soldats ont été tués mardi dans une embuscade près de Tongo Tongo.', 'Tongo Tongo'],
    // The authorities of a capital are not where the event happened.
    [
      'Twenty soldiers killed near Tassia',
      'Authorities in Niamey have declared three days of national mourning after an assault on an army unit killed twenty soldiers on Tuesday.',
      'Tassia',
    ],
    // The towns a unit was moving between are a road's ends: the place of the ambush is nearer.
    [
      'Niger: 17 soldiers killed in ambush',
      'An ambush on the outskirts of Koutougou on Tuesday afternoon killed 17 soldiers. The unit was moving between the towns of Boni and Torodi when it was attacked.',
      'Koutougou',
    ],
    ['Niger : 17 soldats tués', 'Dix-sept militaires ont été tués mardi dans une embuscade aux abords de Koutougou, sur l’axe Boni–Torodi.', 'Koutougou'],
    // The Casamance is a river in the gazetteer, never an event's place; a rebel base is named
    // as a place (« la base rebelle de Diakaye »), so is a border crossing.
    [
      'Casamance : la base rebelle de Diakaye accepte de déposer les armes',
      'Un accord de paix a été signé vendredi entre l’État du Sénégal et les responsables de la base rebelle de Diakaye.',
      'Diakaye',
    ],
    [
      'Frontière sud : une patrouille douanière arrête des trafiquants près de Ghabou',
      'Une patrouille des douanes a arrêté vendredi un groupe de trafiquants au passage frontalier de Tevserege, près de la ville de Ghabou.',
      'Tevserege',
    ],
    // The name a headline opens with (« Ménaka : ») is the story's area, the place it then names
    // the event's.
    [
      'Ménaka : onze civils tués à Tevolat',
      'Mardi, onze civils ont été tués par des hommes armés dans la région de Ménaka, a annoncé la communauté Idaksahak.',
      'Tevolat',
    ],
    // A well names a point of the desert: as specific as a village, against the town it is measured from.
    [
      'Nord du Mali : la colonne des FAMa attaquée',
      'La colonne partie de Gao a été violemment attaquée hier jeudi par les combattants du CSP à Tabankort, à plus de deux cents kilomètres au nord de Gao.',
      'Tabankort',
    ],
    // A clause in the pluperfect tells where things happened before the event.
    [
      'Casamance : un accord signé',
      'L’accord paraphé hier jeudi à Bissau est l’aboutissement d’un long processus : les parties s’étaient déjà retrouvées à Toubacouta, à Tambacounda et à Banjul.',
      'Bissau',
    ],
  ])('%s', (title, text, expected) => {
    expect(rulePlace(title, text)).toBe(expected);
  });

  it('takes a village said to be one after its name (« Dandouko, un village situé à… ») as specific as « le village de Dandouko »', () => {
    const specificity = (text: string) => {
      const mention = findPlaces(text, gazetteer).find((p) => p.name === 'Dandouko');
      return placeSpecificity(mention!, foldText(text));
    };
    expect(specificity('Des bandits ont fait irruption à Dandouko, un village situé à 4 km de Dabia.')).toBe(
      specificity('Des bandits ont fait irruption dans le village de Dandouko, à 4 km de Dabia.'),
    );
  });

  it('reads the ends of a road joined by a dash of any length as its ends', () => {
    const text = 'Une embuscade a visé une unité sur l’axe Boni–Torodi mardi.';
    const torodi = findPlaces(text, gazetteer).find((p) => p.name === 'Torodi');
    expect(describePlace(torodi!, foldText(text))).toContain('axis');
  });
});
