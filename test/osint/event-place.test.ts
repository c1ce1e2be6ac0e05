import { describe, expect, it } from 'vitest';
import { loadGazetteer, loadGazetteerWithNeighbours } from '../../src/geo/gazetteer.js';
import { describePlace } from '../../src/osint/event-place.js';
import { extract } from '../../src/osint/extract.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { foldText } from '../../src/osint/fold-text.js';

const article = (title: string, text: string) => ({ published: '2025-07-03', title, text, lang: 'fr' });

describe('where an event happened', async () => {
  const gazetteer = await loadGazetteer();
  // The rules alone (no model) and the shipped model must both place these.
  const models = [
    ['rules alone', null],
    ['with the shipped model', undefined],
  ] as const;

  it.each(models)('takes the village over the district it lies in (%s)', (_name, model) => {
    const [main] = extract(
      article(
        'Des hommes armés attaquent un village du cercle de Nioro',
        'Des hommes armés ont attaqué mardi le village de Gavinané, dans le cercle de Nioro du Sahel, tuant deux bergers.',
      ),
      gazetteer,
      model,
    ).events;
    expect(main?.location).toBe('Gavinané');
  });

  it.each(models)('takes the place over the landmark it is near (%s)', (_name, model) => {
    const [main] = extract(
      article(
        'Frontière : des hommes enlevés',
        'Mardi, une quinzaine d’hommes ont été enlevés par des hommes armés à Laghdaf, près de Fassala, à la frontière mauritanienne.',
      ),
      gazetteer,
      model,
    ).events;
    expect(main?.location).toBe('Laghdaf');
  });

  it.each(models)('never takes the dateline town (%s)', (_name, model) => {
    const [main] = extract(
      article('Un poste attaqué', 'BAMAKO (Reuters) - Gunmen attacked a gendarmerie post in Sandaré on Tuesday, killing two gendarmes, the army said.'),
      gazetteer,
      model,
    ).events;
    expect(main?.location).toBe('Sandaré');
  });

  // The sentence rules alone: what a mention's neighbours say of it.
  const rulePlace = (title: string, text: string) => extract(article(title, text), gazetteer, null).events[0]?.location ?? null;

  it.each([
    // A country on a letterhead is no event place; the place of the event sentence is.
    [
      'Communiqué',
      'RÉPUBLIQUE ISLAMIQUE DE MAURITANIE\n\nCOMMUNIQUÉ\n\nL’affrontement de mardi a entraîné la mort de deux assaillants et la blessure de quelques autres.',
      null,
    ],
    // « la communauté rurale de Bembou » is a division, however long its name.
    [
      'Orpailleurs braqués',
      'Jeudi, six individus armés ont fait irruption à Kharakhéna, site d’orpaillage de la communauté rurale de Bembou, et ont blessé deux orpailleurs.',
      'Kharakhéna',
    ],
    // The landmark a town is near is not where it happened.
    // A story naming no town but the division it happened in is placed at the division's seat.
    ['Le point de la matinée – cercle de Macina', 'Hier, des hommes armés ont attaqué un village pendant une pêche collective dans un marigot.', 'Macina'],
    // « the Tevolat area » is around Tevolat, not a division.
    ['Civilians killed', 'On Tuesday, armed men killed 11 civilians in the Tevolat area, Askari rural commune, Ménaka region.', 'Tevolat'],
    ['Delegation ambushed', 'The April 18 attack targeted a delegation near the town of Nara, close to the Wagadou forest.', 'Nara'],
    // « the Anderamboukane road » is the road to Anderamboukane, weaker than the town it leaves.
    ['Checkpoint attacked', 'Gunmen attacked the army checkpoint at the southern exit of Ménaka, on the Anderamboukane road, on Thursday.', 'Ménaka'],
    // An army's « secteur de Ségou » is the area of its command: the village the sentence names is the place.
    [
      'FAMa : deux incidents',
      'Secteur de Ségou : vers 13h30, le pick-up d’une patrouille a sauté sur un engin explosif improvisé près de Niendjela. Aucun des occupants n’a survécu.',
      'Niendjela',
    ],
    // The towns a road links are its ends; the villages it was attacked between are nearer.
    [
      'Embuscade repoussée',
      'Ce vendredi, entre Yagara et Diafarabé, sur la RN-6 reliant Sévaré à San, des terroristes ont tendu une embuscade à un convoi escorté.',
      'Diafarabé',
    ],
  ])('%s: %s', (title, text, expected) => {
    expect(rulePlace(title, text)).toBe(expected);
  });

  const flagsOf = (text: string, name: string) => {
    const mention = findPlaces(text, gazetteer).find((p) => p.name === name);
    return describePlace(mention!, foldText(text));
  };

  it.each([
    // Every name of a list after « les régions de » is a division, not only the first.
    ['L’armée a neutralisé 22 terroristes dans les régions de Ségou, Nara, Bougouni et Sikasso.', ['Ségou', 'Nara', 'Bougouni', 'Sikasso']],
    ['Des opérations ont eu lieu dans les cercles de Kita et Bafoulabé.', ['Kita', 'Bafoulabé']],
  ])('reads each name of a list of divisions as a division: %s', (text, names) => {
    for (const name of names) expect(flagsOf(text, name), name).toContain('division');
  });

  it.each([
    // The area a village lies in, written in parentheses after its name.
    ['Des bandits ont tué un orpailleur à Kalana (Yanfolila) dans la nuit de lundi.', 'Yanfolila', true],
    ['Des bandits ont tué un orpailleur à Kalana (Yanfolila) dans la nuit de lundi.', 'Kalana', false],
    ['Des bandits ont tué un orpailleur à Kalana, puis à Yanfolila, dans la nuit de lundi.', 'Yanfolila', false],
  ] as const)('reads a name in parentheses after a place as its area: %s (%s)', (text, name, division) => {
    expect(flagsOf(text, name).includes('division')).toBe(division);
  });

  it.each([
    // English writes the kind of division after its name.
    ['Gunmen shot a gold miner at Tondo, in the Niagassola sub-prefecture, on Thursday.', 'Niagassola', true],
    ['Drones struck the camp at Amachach in Tessalit commune on Monday.', 'Tessalit', true],
    ['Gunmen shot a gold miner at Tondo, in the Niagassola sub-prefecture, on Thursday.', 'Tondo', false],
    // A menu's « Région » on the next line is no division of the headline's place.
    ['Heurts entre bergers et villageois à Batoma\n\nRégion\n\nLes habitants se sont mobilisés vendredi.', 'Batoma', false],
  ] as const)('reads the kind of division written after a name: %s (%s)', (text, name, division) => {
    expect(flagsOf(text, name).includes('division')).toBe(division);
  });

  it('reads the towns a road links as its ends', () => {
    expect(flagsOf('Un convoi a été attaqué sur la RN-6 reliant Sévaré à San.', 'San')).toContain('axis');
  });

  it('reads a numbered part of a town as the town, not a division', () => {
    const text = 'Le commissariat de police du 2ème arrondissement de Kayes a arrêté samedi un homme armé.';
    expect(flagsOf(text, 'Kayes')).not.toContain('division');
    expect(rulePlace('Kayes : un suspect de l’attaque de la banque de Sadiola interpellé', text)).toBe('Kayes');
  });

  it.each(models)('keeps the attacked village over a neighbouring village named for the same day (%s)', (_name, model) => {
    const [main] = extract(
      article(
        'Centre : un village attaqué pendant un mariage',
        'Au moins douze villageois ont été tués à Kanikombolé lors d’une attaque mardi soir. Le même mardi, dans le village voisin de Tégourou, une personne a été tuée.',
      ),
      gazetteer,
      model,
    ).events;
    expect(main?.location).toBe('Kanikombolé');
  });

  it.each([
    [
      'Burkina : un convoi attaqué',
      'Un convoi de civils a été attaqué sur l’axe Dori-Arbinda, à 25 kilomètres de la ville de Gorgadji, au Burkina Faso.',
      'Gorgadji',
    ],
    // Where the convoy was going and where it left from are not where it was attacked.
    [
      'Burkina : un convoi attaqué',
      'Les soldats escortaient des civils qui rejoignaient Arbinda lorsque le convoi, parti de Dori, a été attaqué près de Gorgadji, au Burkina Faso.',
      'Gorgadji',
    ],
  ])('takes the landmark an event is measured from over the ends of a road or a journey: %s', async (title, text, expected) => {
    const region = await loadGazetteerWithNeighbours();
    expect(extract(article(title, text), region, null).events[0]?.location).toBe(expected);
  });

  it('keeps the village of the event sentence over the town of the headline the whole article favours', () => {
    const [main] = extract(
      article(
        'Traque des braqueurs à Kédougou : « Nous avons arrêté six individus »',
        'SENEWEB | Société\nTraque des braqueurs à Kédougou : « Nous avons arrêté six individus »\n' +
          'Une patrouille mixte de gendarmes et de soldats a arrêté les membres d’une bande armée qui écumait la zone aurifère de Bembou–Sabodala–Tomboronkoto. ' +
          'Selon nos sources, les bandits ont été pris après plusieurs heures d’échanges de tirs avec les forces de défense et de sécurité.\n' +
          '« Nous avons arrêté six individus, dont des blessés », a déclaré le commandant de la légion Est de Tambacounda.',
      ),
      gazetteer,
    ).events;
    expect(main?.location).toBe('Bembou');
  });

  it('reads the town of a hospital as the hospital’s seat, not a place of the event', () => {
    expect(flagsOf('One soldier is being treated at the Hôpital Principal in Dakar.', 'Dakar')).toContain('institution');
  });

  it('reads where the wounded are treated as a direction, not a place of the event', () => {
    const text = 'Seven soldiers were wounded; one is being treated in Dakar.';
    const [dakar] = findPlaces(text, gazetteer);
    expect(describePlace(dakar!, foldText(text))).toContain('direction');
  });
});
