import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

// The fighting or the attacks the displaced fled are why they are where the story finds them: an
// aid worker's visit or a camp's needs report no event of their own.
describe('the fighting the displaced fled', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    ['fr', 'Le HCR aide les 40 000 personnes déplacées qui ont fui les combats de mars 2022 dans la région de Ménaka.'],
    ['fr', 'Chassées de leurs villages par les attaques jihadistes, des milliers de familles vivent à Ouangolodougou.'],
    ['en', 'Aid agencies are sheltering thousands of families who fled the clashes of March 2022 between armed groups around Ménaka.'],
  ] as const)('%s: %s', (lang, sentence) => {
    const result = extract(
      { published: '2022-07-20', title: lang === 'fr' ? 'Les déplacés manquent de tout' : 'The displaced lack everything', text: sentence, lang },
      gazetteer,
      null,
    );
    expect(result.relevant).toBe(false);
  });

  it('leaves the attack a report tells beside them', () => {
    const text =
      "Lundi, des hommes armés ont attaqué le village d'Inékar ; trois civils ont été tués.\n\nLes survivants ont rejoint les déplacés qui avaient fui les combats de mars à Ménaka.";
    const result = extract({ published: '2022-07-20', title: 'Ménaka : trois civils tués à Inékar', text, lang: 'fr' }, gazetteer, null);
    expect(result.events[0]).toMatchObject({ location: 'Inékar', date: '2022-07-18', event_type: 'Violence against civilians' });
  });
});
