import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { foldText } from '../../src/osint/fold-text.js';
import { splitSentences } from '../../src/osint/split-sentences.js';
import { statedPlace } from '../../src/osint/stated-place.js';

// A sentence after the event's that says where it took place (« L'attaque s'est produite aux
// environs du village de Songho ») names the event's place: the sentence rules alone (no model).
describe('the place a sentence states the event took place at', async () => {
  const gazetteer = await loadGazetteer();
  const rulePlace = (title: string, text: string, lang: 'fr' | 'en') =>
    extract({ published: '2021-12-04', title, text, lang }, gazetteer, null).events[0]?.location ?? null;

  it.each([
    // The opening measures the attack from the town; the next sentence names its village.
    [
      'Une trentaine de civils tués près de Bandiagara',
      'Une trentaine de civils ont été tués hier vendredi 3 décembre dans une attaque non loin de Bandiagara. ' +
        'L’attaque s’est produite aux environs du village de Songho. « Le véhicule a d’abord été la cible de tirs nourris à Bandiagara », dit un témoin.',
      'fr',
      'Songho',
    ],
    // « entre les localités d'Acharane et de Tintelout »: between two villages, the first one.
    [
      'Un soldat tué sur l’axe Tombouctou-Goundam',
      'Un caporal des FAMa a perdu la vie vendredi 3 décembre sur l’axe reliant Tombouctou à Goundam, où une escorte a été attaquée. ' +
        'L’accrochage s’est produit vers 8 h 30, entre les localités d’Acharane et de Tintelout.',
      'fr',
      'Acharane',
    ],
  ] as const)('%s', (title, text, lang, place) => {
    expect(rulePlace(title, text, lang)).toBe(place);
  });

  it('reads only the clause after the verb of taking place, not the place the event comes from or a quotation after it', () => {
    const text = 'Venus de Mopti, les assaillants ont frappé. L’attaque a eu lieu près de Songho. « Ils sont repartis vers Bandiagara », dit un témoin.';
    const places = findPlaces(text, gazetteer);
    const [first, second] = splitSentences(text);
    expect(statedPlace(places, first!, foldText(text))).toBeUndefined();
    expect(statedPlace(places, second!, foldText(text))?.name).toBe('Songho');
  });
});
