import { expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

/**
 * « les attaques répétées contre des citoyens », "recurring attacks": what keeps happening, named
 * in a protest or a diplomatic note, is no event of its own; the incursion the story tells leads
 * (with the shipped model, as extraction runs).
 */
it('leads with the incursion told, not the repeated attacks a protest names', async () => {
  const gazetteer = await loadGazetteer();
  const result = extract(
    {
      published: '2024-04-21',
      title: 'Tensions Mauritanie–Mali : Madallah sous le choc après l’incursion de l’armée malienne',
      text: 'SAHEL MEDIA | Mauritanie | Sécurité\nTensions Mauritanie–Mali : trois civils blessés après une incursion de l’armée malienne\n\nLes tensions entre Nouakchott et Bamako reprennent. Dimanche 7 avril, des soldats maliens sont entrés dans le village mauritanien de Madallah, près de Fassala, pour y traquer des jihadistes. Ils ont ouvert le feu : trois civils ont été blessés.\n\nLe ministre mauritanien de la Défense a été reçu samedi à Bamako, au lendemain de la convocation de l’ambassadeur du Mali à Nouakchott pour protester contre « les attaques répétées contre des citoyens mauritaniens innocents ».',
      lang: 'fr',
    },
    gazetteer,
  );
  expect(result.events[0]?.date).toBe('2024-04-07');
});
