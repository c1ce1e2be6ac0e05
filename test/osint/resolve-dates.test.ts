import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/osint/resolve-dates.js';

const first = (text: string, published: string | null, language: 'fr' | 'en' = 'fr') => {
  const [mention] = resolveDates(text, published, language);
  return mention ? `${mention.date} ${mention.precision}` : null;
};

describe('resolveDates', () => {
  it.each([
    // [text, published, language, expected]
    ['Dimanche 14 septembre, des hommes armés ont attaqué.', '2025-09-15', 'fr', '2025-09-14 day'],
    ['Le 20 février 2025, la localité a accueilli le lancement.', '2025-02-23', 'fr', '2025-02-20 day'],
    ['Mercredi, les soldats ont patrouillé.', '2025-09-11', 'fr', '2025-09-10 day'],
    ['Une attaque a eu lieu mardi dernier.', '2025-09-15', 'fr', '2025-09-09 day'],
    ['En septembre 2024, les trois pays avaient déjà patrouillé.', '2025-02-23', 'fr', '2024-09 month'],
    ['Les arrestations ont eu lieu fin janvier.', '2021-02-09', 'fr', '2021-01 month'],
    ['Ils ont été interceptés les 3 et 4 septembre.', '2025-09-06', 'fr', '2025-09 month'],
    // A span of three days is dated by its first day; a week is dated by its month.
    ['La compagnie a conduit du 17 au 19 août 2025 des opérations de contrôle.', '2025-08-20', 'fr', '2025-08-17 day'],
    ['Deux opérations ont été menées entre le 21 et le 23 février 2026 dans le département.', null, 'fr', '2026-02-21 day'],
    ['The rebels said the battle near the border lasted from July 25 to 27.', '2024-08-02', 'en', '2024-07-25 day'],
    ['La patrouille a sillonné la zone du 10 au 16 septembre 2025.', '2025-09-20', 'fr', '2025-09 month'],
    // A span that names its days is dated by the day it began.
    ['Une opération de six jours, du samedi 5 au jeudi 10 août 2017, le long de la frontière.', null, 'fr', '2017-08-05 day'],
    ['Troops of the two countries patrolled together from Tuesday 20 to Friday 23 August 2024.', null, 'en', '2024-08-20 day'],
    ['Coups de feu dans la nuit de samedi à dimanche.', '2025-03-12', 'fr', '2025-03-09 day'],
    ['Dans la nuit du lundi 13 au mardi 14 septembre 2021, un poste a été attaqué.', null, 'fr', '2021-09-14 day'],
    ['La ville a été réveillée dans la nuit de mardi à mercredi 10 juin 2015 par des tirs.', null, 'fr', '2015-06-10 day'],
    ['The town woke to gunfire in the night of Tuesday to Wednesday 10 June 2015.', null, 'en', '2015-06-10 day'],
    // A day-month that would fall after publication belongs to the year before.
    ['Le 28 décembre, un convoi a sauté sur une mine.', '2025-01-05', 'fr', '2024-12-28 day'],
    ['The blast happened on Thursday near the border.', '2023-12-15', 'en', '2023-12-14 day'],
    ['Gendarmes detained four men in late January.', '2021-02-09', 'en', '2021-01 month'],
    ['Nineteen civilians died on January 3 near the village.', '2021-03-31', 'en', '2021-01-03 day'],
    ['Aucune date ici.', '2025-01-01', 'fr', null],
    // Words relative to the publication day, and nights told in English.
    ['Avant-hier, des hommes armés ont attaqué le poste.', '2025-03-12', 'fr', '2025-03-10 day'],
    // « hier lundi », "yesterday, Thursday": the weekday names the day, even a day off the page's.
    ['La ville de Kéniéba a vécu hier lundi une matinée de colère.', '2018-06-13', 'fr', '2018-06-11 day'],
    ['Yesterday, Thursday, police dispersed the crowd.', '2016-03-19', 'en', '2016-03-17 day'],
    ['Hier, des hommes armés ont attaqué le poste.', '2025-03-12', 'fr', '2025-03-11 day'],
    ['Ce matin, une patrouille est tombée dans une embuscade.', '2025-03-12', 'fr', '2025-03-12 day'],
    ['Le 3 courant, une attaque a visé le camp.', '2025-03-12', 'fr', '2025-03-03 day'],
    ['At least 86 people were killed on the night of June 11-12.', '2022-06-16', 'en', '2022-06-12 day'],
    ['The post came under attack overnight from Monday to Tuesday.', '2020-10-15', 'en', '2020-10-13 day'],
    ['Armed robbers raided the traders overnight Sunday to Monday.', '2018-05-29', 'en', '2018-05-28 day'],
    // "overnight on Monday": the weekday dates the night, not the day of the report.
    ['Gunmen fired on the tour bus near Kati overnight on Monday, the singer said.', '2023-01-03', 'en', '2023-01-02 day'],
    ['Migrants were intercepted overnight from Monday 4 to Tuesday 5 October 2021 off Kafountine.', null, 'en', '2021-10-05 day'],
    ['Troops killed forty gunmen overnight from Wednesday, September 23, to Thursday, September 24, 2020.', '2020-09-25', 'en', '2020-09-24 day'],
    ['The camp was hit overnight from Tuesday, September 30, to Wednesday, October 1.', '2025-10-02', 'en', '2025-10-01 day'],
    ['The camp was shelled in the night of Friday 3rd to Saturday 4th of May.', '2019-05-06', 'en', '2019-05-04 day'],
    ["L'armée a repris ces derniers jours ses opérations de nettoyage.", '2021-01-30', 'fr', '2021-01 month'],
    ['Gendarmes carried out a night patrol on September 8-9 in the gold villages.', '2025-09-10', 'en', '2025-09-09 day'],
    // A time of day alone dates nothing; without a publication day, only a date that writes its
    // year counts (chrono takes « de 7 heures » and "yesterday" for whole dates of its own
    // reference day).
    ['[Journal de 7 heures – transcription] Bonjour.', null, 'fr', null],
    ['[Journal de 7 heures – transcription] Mardi, une patrouille a été attaquée.', null, 'fr', null],
    ['Residents appeared yesterday before the committee.', null, 'en', null],
    ['Le camp a été attaqué mardi vers 17 heures.', '2024-10-07', 'fr', '2024-10-01 day'],
    // A post's numbering is no day and month; a day and month after « le » or "on" are.
    ['THREAD 1/3 — Malian Armed Forces say they struck positions in the village.', '2025-04-24', 'en', null],
    ['🧵 2/5 Des sources sécuritaires évoquent une attaque du poste.', '2025-04-24', 'fr', null],
    ['Le 18/08, cinq individus ont été interpellés.', '2025-09-01', 'fr', '2025-08-18 day'],
    // Counted from another event than the publication: no date of its own.
    ['They were arrested a few days before the 27th summit of the league.', '2016-09-22', 'en', null],
    // chrono reads "morning on Saturday 6 January" as a time of day: the date is read alone.
    ['It was around six in the morning on Saturday 6 January when he was seized.', '2018-01-10', 'en', '2018-01-06 day'],
    // A reading that stops inside a word is none: "dans un h[ôtel]" is not "in an hour".
    ['A. S., 40 ans, a été arrêté dans un hôtel de la ville.', '2024-01-31', 'fr', null],
    ['Les 40 soldats sont arrivés à bord de deux hélicoptères.', '2022-07-21', 'fr', null],
  ] as const)('%s (published %s)', (text, published, language, expected) => {
    expect(first(text, published, language)).toBe(expected);
  });

  it('reads "la veille sécuritaire" as a noun, not as the day before', () => {
    const mentions = resolveDates(
      'Dimanche 7 avril, des soldats sont entrés. Selon des spécialistes de la veille sécuritaire, ils venaient de Nara.',
      '2024-04-09',
      'fr',
    );
    expect(mentions.map((m) => m.date)).toEqual(['2024-04-07']);
  });

  it('dates "la veille" from the day mentioned before it', () => {
    const mentions = resolveDates('Ce mardi 14 novembre 2023, l’armée est entrée. La veille, les colonnes avaient avancé.', null, 'fr');
    expect(mentions.map((m) => m.date)).toEqual(['2023-11-14', '2023-11-13']);
  });

  it.each([
    'Le 10 septembre, Ogoboro a été attaqué à la veille de l’ouverture des concertations nationales.',
    'Le 10 septembre, à la veille de son départ, le commerçant a été enlevé.',
  ])('reads « à la veille de » an undated event as no day: %s', (text) => {
    expect(resolveDates(text, '2020-09-11', 'fr').map((m) => m.date)).toEqual(['2020-09-10']);
  });

  it('never returns a date after publication', () => {
    const mentions = resolveDates('Prochain rendez-vous le mercredi 26 janvier.', '2022-01-21', 'fr');
    for (const mention of mentions) expect(mention.date <= '2022-01-21').toBe(true);
  });
});
