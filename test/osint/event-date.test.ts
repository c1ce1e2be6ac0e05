import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { eventDates, toldAsBackground, toldAsSecondary } from '../../src/osint/event-date.js';
import { extract } from '../../src/osint/extract.js';
import { foldText } from '../../src/osint/fold-text.js';
import { resolveDates } from '../../src/osint/resolve-dates.js';
import { splitSentences } from '../../src/osint/split-sentences.js';

/** The date the rules keep for the event of a text's first sentence. */
const eventDate = (text: string, published: string, language: 'fr' | 'en') => {
  const dates = resolveDates(text, published, language);
  const [sentence] = splitSentences(text);
  return eventDates(dates, sentence!, foldText(text))[0]?.date ?? null;
};

describe('the date of an event sentence', () => {
  it.each([
    // [sentence, published, language, the event's date or null]
    ['Un soldat a été tué lundi lors d’une opération, a-t-on appris mardi de source militaire.', '2023-01-17', 'fr', '2023-01-16'],
    ['Un soldat a été tué lors d’une opération, a-t-on appris mardi de source militaire.', '2023-01-17', 'fr', null],
    ['Les autorités ont affirmé jeudi soir qu’un seul soldat avait été blessé.', '2021-01-30', 'fr', null],
    ['Three soldiers died in the assault, and the bodies of two civilians were found on Friday.', '2026-01-31', 'en', null],
    ['On Sunday, Russian military bloggers reported at least 20 Wagner fighters killed in an ambush.', '2024-07-28', 'en', null],
    // Told after the event, « … on Saturday, military sources said » dates the event.
    ['Two soldiers were killed in an ambush near Nampala on Saturday, military sources said.', '2015-08-02', 'en', '2015-08-01'],
    ['The rebels put the toll at 47 soldiers killed, in a statement on Thursday.', '2024-08-02', 'en', null],
    ['Niger began three days of national mourning on Thursday for 17 soldiers killed in an ambush.', '2019-05-16', 'en', null],
    ['The defence ministry said the ambush on May 14 also left six soldiers wounded.', '2019-05-16', 'en', '2019-05-14'],
    ['The daily, which reported the case on Monday, said gendarmes detained four men.', '2021-02-09', 'en', null],
    ['L’armée a indiqué que l’attaque du 3 mars avait fait deux morts.', '2025-03-05', 'fr', '2025-03-03'],
    // Short, and all date but its verb: a sentence saying when the event took place is no date line.
    ['The arrest took place on 24 October 2025.', '2025-10-26', 'en', '2025-10-24'],
    // A reporter's answer on air, « c'était ce mardi », gives the day of what he goes on to tell.
    ["Correspondant : Oui, c'était ce mardi 18 juin.", '2019-06-21', 'fr', '2019-06-18'],
    ['Les faits se sont produits le 3 mars.', '2025-03-05', 'fr', '2025-03-03'],
    // A wire dateline, with or without its country, says when the report was filed.
    ['NOUADHIBOU, Mauritania, Sept 28 -- Security services on Friday stopped 125 people.', '2019-09-28', 'en', '2019-09-27'],
    ['BAMAKO, March 3 -- Suspected jihadists on Sunday attacked a police checkpoint near Bougouni.', '2021-03-03', 'en', '2021-02-28'],
    ['Le gouvernement s’est exprimé sur l’attaque lors d’une conférence de presse animée cet après-midi du 13 juin 2022.', '2022-06-13', 'fr', null],
    // A broadcast's bracketed header dates the programme, not an event.
    ['[Transcription – Radio rurale de Kayes, jeudi 6 août 2020]', '2020-08-06', 'fr', null],
    ['Mardi dernier, 4 août, des individus armés ont fait irruption dans la localité.', '2020-08-06', 'fr', '2020-08-04'],
    // A page's date line is short; a story may open with « Updated ».
    ['Updated 3 August 2015', '2015-08-06', 'en', null],
    [
      "Updated toll from Monday's attack on the National Guard post at Gourma-Rharous (~140 km east of Timbuktu): 11 guards killed.",
      '2015-08-06',
      'en',
      '2015-08-03',
    ],
    // Accounts given of a fight are dated when they were given; the fight's own day is elsewhere.
    ['The army and the rebels gave sharply different accounts on Saturday of two days of fighting.', '2024-07-28', 'en', null],
    ['The rebels said they seized trucks in the battles on Thursday and Friday.', '2024-07-28', 'en', '2024-07-25'],
  ] as const)('%s', (text, published, language, expected) => {
    expect(eventDate(text, published, language)).toBe(expected);
  });
});

describe('a sentence told as background', () => {
  it.each([
    ['Dans la nuit du 2 septembre, une opération similaire avait abouti à trente interpellations.', true],
    ['La brigade de gendarmerie avait été attaquée et onze gendarmes tués.', true],
    ['The convoy had been ambushed twice before.', true],
    ['An earlier sweep on the night of September 2 led to 30 arrests.', true],
    ['Il s’agit de la deuxième attaque la plus meurtrière en un mois, après l’embuscade du 2 juillet.', true],
    ['Second deadliest attack in a month after the 2 July ambush on Burkinabe peacekeepers.', true],
    ['Ce crime survient au lendemain d’une autre incursion, le samedi précédent, dans un campement voisin.', true],
    ['In February, Nigerien troops were hit with the same tactics in the Tilwa area.', true],
    // The aftermath told later: bodies brought home, a wounded man dying of his wounds.
    ['Les chauffeurs ont levé mercredi leur mot d’ordre, après le rapatriement des corps de leurs collègues tués sur la route.', true],
    ['Le deuxième blessé de l’attaque de Kharakhéna est décédé ce matin à l’hôpital de Tambacounda.', true],
    ['A soldier wounded in the ambush died of his wounds on Tuesday.', true],
    ['Des hommes armés ont tué trois villageois et brûlé leurs corps.', false],
    ['Des hommes armés ont attaqué le poste mardi.', false],
    ['Le village avait une école et un marché.', false],
    ['The army had to withdraw.', false],
  ] as const)('%s', (text, expected) => {
    expect(toldAsBackground(foldText(text))).toBe(expected);
  });
});

describe('the date of an event the text does not date in its own sentence', async () => {
  const gazetteer = await loadGazetteer();
  const models = [
    ['rules alone', null],
    ['with the shipped model', undefined],
  ] as const;
  const mainDate = (title: string, text: string, published: string, model: null | undefined) =>
    extract({ published, title, text, lang: 'fr' }, gazetteer, model).events[0]?.date ?? null;

  it.each(models)('takes the body’s date for the same event over the publication day (%s)', (_name, model) => {
    const text =
      'Les hommes armés sèment à nouveau la terreur : au moins quatre personnes tuées à Toumpou.\n\n' +
      'Selon des sources locales, Toumpou a été attaqué hier jeudi 15 août, vers 11 heures, par des hommes armés non identifiés. Quatre villageois ont été tués.';
    expect(mainDate('Au moins quatre personnes tuées à Toumpou', text, '2019-08-16', model)).toBe('2019-08-15');
  });

  it.each(models)('keeps a wire report closed by « the government said » before the background it gives (%s)', (_name, model) => {
    const text =
      'Unidentified gunmen attacked a gendarmerie post in Diema, in western Mali, early on Monday, killing one gendarme and wounding two others before being driven back, the government said.\n\n' +
      'In January, an attack on the toll post at the entrance to the town killed two civilians.';
    expect(mainDate('Gendarme killed as attack on Mali post repelled', text, '2020-02-11', model)).toBe('2020-02-10');
  });

  it.each(models)('dates a headline’s event by what the body tells at the same place (%s)', (_name, model) => {
    const text =
      'Sites d’orpaillage : les gendarmes à la recherche des braqueurs\n\n' +
      'Dans la région de Kédougou, les vols à main armée se multiplient près des mines. La gendarmerie a mené ces derniers temps plusieurs opérations.\n\n' +
      'Le samedi 7 octobre, la brigade de gendarmerie a investi le village de Kharakhéna, en zone aurifère du département de Saraya.';
    expect(mainDate('Kharakhéna : échange de tirs entre gendarmes et malfaiteurs', text, '2017-10-10', model)).toBe('2017-10-07');
  });
});

describe('a sentence telling another event than the story’s', () => {
  it.each([
    ['Par ailleurs, une embuscade mardi près de Nioro a tué sept soldats.', true],
    ['The group also claimed a separate ambush on April 19 that it said killed seven soldiers.', true],
    ['Separately, army drone strikes hit a column of vehicles.', true],
    // « Le même jour » opens another event told beside the story's.
    ["Le même jour, une personne a été tuée à Barkamanao lors d'un accrochage entre l'armée et des individus armés.", true],
    ['On the same day, gunmen ambushed a convoy near Nara.', true],
    ['Les gendarmes sont arrivés le même jour à Diéma.', false],
    ['Des hommes armés ont attaqué lundi le poste de Diéma.', false],
  ] as const)('%s', (text, expected) => {
    expect(toldAsSecondary(foldText(text))).toBe(expected);
  });
});
