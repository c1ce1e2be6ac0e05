import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import { pageDay, pageMonth, statedDay } from '../../src/osint/page-date.js';

describe("a page's own day, when the feed saw it later", () => {
  it.each([
    // [body, feed's day, language, the day « hier » and weekdays count from]
    ['Journal du soir\n[Transcription – Journal de 20h, lundi 20 février 2023]\n\nÀ la mi-journée, un engin a explosé.', '2023-02-21', 'fr', '2023-02-20'],
    ['Page Facebook « Gourma-Rharous Infos » · 7 septembre 2023\n\nLe bateau a été attaqué ce matin.', '2023-09-08', 'fr', '2023-09-07'],
    ['Mali Security Watch @MaliSecWatch · 6 Aug 2015\nToll rises to 11.', '2015-08-07', 'en', '2015-08-06'],
    // The same day, or a header dating the page after the feed: the feed's day stays.
    ['[Transcription – Flash de 7 heures, mardi 27 août 2024]\nDes tirs ont été entendus.', '2024-08-27', 'fr', '2024-08-27'],
    ['Blog · 12 mars 2024\nRien.', '2024-03-10', 'fr', '2024-03-10'],
    // A line more than a week before, or a date inside the story, dates something else.
    ['[Rediffusion – Journal du 2 janvier 2023]\nLe camp a été attaqué.', '2023-03-01', 'fr', '2023-03-01'],
    ['Le 20 février 2023, un engin a explosé à Nara.', '2023-02-21', 'fr', '2023-02-21'],
    // Past the first lines, a bracketed line is not the page's header.
    ['a\nb\nc\nd\ne\nf\n[Journal de 20h, lundi 20 février 2023]', '2023-02-21', 'fr', '2023-02-21'],
  ] as const)('%s (feed %s)', (body, published, language, expected) => {
    expect(pageDay(body, published, language)).toBe(expected);
  });

  it('gives no day when the feed gave none', () => {
    expect(pageDay('[Transcription – Journal de 20h, lundi 20 février 2023]', null, 'fr')).toBeNull();
  });
});

describe('the month a page without a day gives itself', () => {
  it.each([
    // [body, language, the month, or null]
    ['ÉDITORIAL — Le Calame (mars 2023)\n\nQuatre détenus se sont enfuis de la prison.', 'fr', '2023-03'],
    ['Mortar shells hit the camp on Monday.\n\nMoulaye Sayah — AMAP Timbuktu (May 2017)', 'en', '2017-05'],
    ['Mortar shells hit the camp on Monday.\n\nMoulaye Sayah — AMAP Timbuktu', 'en', null],
    // A communiqué's place and month of issue, on a line of their own wherever it stands.
    ['COMMUNIQUÉ DE PRESSE\nUn.\nDeux.\nTrois.\nZiguinchor, mars 2018.\nQuatre.\nCinq.\nSix.', 'fr', '2018-03'],
    ['Un.\nDeux.\nTrois.\nLa base de Ziguinchor, reprise en mars 2018.\nQuatre.\nCinq.\nSix.', 'fr', null],
    // A bracketed month inside the story is not the page's.
    ['Un.\nDeux.\nTrois.\nLe camp (attaqué en mai 2017) a été reconstruit, dit le maire (juin 2019) au milieu du texte.\nQuatre.\nCinq.\nSix.', 'fr', null],
  ] as const)('%s', (body, language, expected) => {
    expect(pageMonth(body, language)).toBe(expected);
  });

  it.each([
    // [page as scraped, language, the month, or null]: a month closing the menu or a byline, after
    // a dash or a dot, on the page's first lines, though the cleaned body no longer holds them.
    ['Accueil | Société | Faits divers — septembre 2024\n\nDimanche matin, des hommes armés ont barré la route.', 'fr', '2024-09'],
    ['Senegal Security Watch @SnSecurityWatch · May 2025\n\nSix gold-panning sites were dismantled.', 'en', '2025-05'],
    // Not a month, or further down the page.
    ['Accueil | Société — Faits divers\n\nDimanche matin, des hommes armés ont barré la route.', 'fr', null],
    ['Un.\nDeux.\nTrois.\nQuatre — mai 2024\nCinq.', 'fr', null],
  ] as const)('%s', (page, language, expected) => {
    expect(pageMonth('Dimanche matin, des hommes armés ont barré la route.', language, page)).toBe(expected);
  });
});

describe('the day a page without a feed day states', () => {
  it.each([
    // [text, language, the day, or null]
    ['Accueil | Sécurité\nPublié le samedi 14 février 2026 | Le Soir de Bamako\n\nLes chauffeurs ont levé mercredi leur mot d’ordre.', 'fr', '2026-02-14'],
    ['Posted on March 3, 2024 by the editors\nGunmen attacked the post on Friday.', 'en', '2024-03-03'],
    ['[Transcription – Journal de 20h, lundi 20 février 2023]\nUn engin a explosé.', 'fr', '2023-02-20'],
    // A story's own sentence is no statement of the page's day.
    ['Le 3 janvier 2019, des hommes armés ont attaqué le poste de Diéma.', 'fr', null],
    ['Publié dans : Sécurité — Nord du Mali\nRégion de Gao : 25 civils tués.', 'fr', null],
  ] as const)('%s', (text, language, expected) => {
    expect(statedDay(text, language)).toBe(expected);
  });
});

describe('the day an article was filed', async () => {
  const gazetteer = await loadGazetteer();
  it('counts its weekdays from the day its page states', () => {
    const text =
      'Publié le samedi 14 février 2026 | Le Soir de Bamako\n\nDes hommes armés ont attaqué mercredi la brigade de gendarmerie de Diéma, tuant deux gendarmes.';
    const [event] = extract({ published: null, title: 'Diéma : la brigade de gendarmerie attaquée', text, lang: 'fr' }, gazetteer).events;
    expect(event?.date).toBe('2026-02-11');
  });

  it('counts the weekdays of wire copy from its dateline when the feed saw it days later', () => {
    const text = 'BAMAKO, Sept 12 (Reuters) - Gunmen attacked the gendarmerie post of Diema on Tuesday, killing two gendarmes.';
    const [event] = extract({ published: '2025-09-17', title: 'Gunmen attack Mali gendarmerie post', text, lang: 'en' }, gazetteer).events;
    expect(event?.date).toBe('2025-09-09');
  });
});
