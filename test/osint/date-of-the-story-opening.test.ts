import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

/**
 * An event sentence with no date of its own takes the day given in the sentences just before it
 * (the story's opening), whatever they tell, rather than the publication day; a state begun
 * « depuis juillet » dates nothing told after it.
 */
describe('an undated event sentence dated by the story’s opening just before it', async () => {
  const gazetteer = await loadGazetteer();
  const mainDate = (title: string, text: string, published: string, language: 'fr' | 'en') =>
    extract({ published, title, text, lang: language }, gazetteer, null).events[0]?.date ?? null;

  it.each([
    // [title, text, published, language, the main event's date]
    [
      'Kédougou : des sites d’orpaillage démantelés',
      'GENDARMERIE NATIONALE\nDivision Communication et Relations publiques\n\nCOMMUNIQUÉ\n\nLe mardi 3 mars 2026, la brigade de gendarmerie de Saraya s’est rendue le long de la Falémé.\n\nCette tournée a permis de visiter quatre sites près de Moussala.\n\nSur place, douze motopompes et six groupes électrogènes ont été détruits par les gendarmes à Moussala.',
      '2026-03-05',
      'fr',
      '2026-03-03',
    ],
    [
      'Gold-panning sites dismantled near Sadiola',
      'ARMY STATEMENT\nKayes military zone\n\nPRESS RELEASE\n\nOn Saturday 21 February 2026, troops of the Kayes zone set out along the Falémé river.\n\nThe mission took them to three gold-panning sites near Sadiola.\n\nThere, ten dredges and five pumps were destroyed by the soldiers at Sadiola.',
      '2026-02-23',
      'en',
      '2026-02-21',
    ],
    // The curfew « depuis juillet » told between the night and the abduction does not date it.
    [
      'Bafoulabé : des usines visitées par des hommes armés',
      "KOACI.COM | Mali | Sécurité\nLa région de Kayes de nouveau visée.\n\nLes habitants restent sous le choc.\n\nPlusieurs usines du cercle de Bafoulabé ont reçu la visite d'hommes armés dans la nuit du samedi au dimanche.\n\nLes assaillants sont arrivés à moto. La zone est sous couvre-feu depuis juillet.\n\nTrois employés de la cimenterie de Gangontéri ont été enlevés par les assaillants.",
      '2026-01-12',
      'fr',
      '2026-01-11',
    ],
  ] as const)('%s', (title, text, published, language, expected) => {
    expect(mainDate(title, text, published, language)).toBe(expected);
  });

  // The report's own day in a sentence telling no event (« on Tuesday », the publication day) is
  // when the reporter wrote: the firefight told next is Monday's.
  it('does not take the report’s day, told in a sentence of no event, for the story’s', () => {
    const text =
      'HOMBORI, Mali, March 23 — A convoy of the French force came under a combined assault of roadside bombs and automatic weapons fire on Monday afternoon at the northern entrance to the town of Hombori.\n\nNo casualty figures were available on Tuesday. Residents described an unusually fierce firefight that went on well into the evening, with bursts of gunfire.';
    const events = extract({ published: '2021-03-23', title: 'Convoy attacked at Hombori', text, lang: 'en' }, gazetteer, null).events;
    expect(events.find((e) => e.evidence?.includes('firefight'))?.date).toBe('2021-03-22');
  });
});
