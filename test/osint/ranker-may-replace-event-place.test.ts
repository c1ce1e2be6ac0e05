import { describe, expect, it } from 'vitest';
import { loadGazetteerWithNeighbours } from '../../src/geo/gazetteer.js';
import { mayOutweighOwnPlace, rankerMayReplace } from '../../src/osint/event-place.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { foldText } from '../../src/osint/fold-text.js';

// One rule says which place is the event's: whether the place the whole article favours (the place
// ranker's) may take the place of the one the sentence rules chose. Each row: the text, the rules'
// place, whether the sentence telling the event names it (own) or the rules borrowed it, the
// article's place, and whether it may replace the rules' place.
const own = true;
const borrowed = false;

describe('which place is the event’s: the ranker’s place against the rules’ place', async () => {
  const gazetteer = await loadGazetteerWithNeighbours();

  it.each([
    // The event sentence's village is never widened to its town, the region or the capital.
    ['Des hommes armés ont attaqué le village de Diboli ; la ville de Kayes a renforcé sa sécurité.', 'Diboli', own, 'Kayes', false],
    ['Des bandits ont été arrêtés à Bembou, dans la région de Kédougou.', 'Bembou', own, 'Kédougou', false],
    // A village is as specific as the event sentence's town: the ranker may choose it.
    ['Des bandits ont été arrêtés à Kédougou, près de Bembou.', 'Kédougou', own, 'Bembou', true],
    // A name the gazetteer lacks may always be chosen (most often a village).
    ['Des hommes armés ont attaqué un poste près de Kayes. Attaque à Zorokoundabougou.', 'Kayes', own, 'Zorokoundabougou', true],
    // Borrowed from the headline or the lead, a village still stands against a seat within 60 km…
    ['Des bandits ont été arrêtés à Bembou ; la gendarmerie de Kédougou les a entendus.', 'Bembou', borrowed, 'Kédougou', false],
    // …and against a town of no rank but 45,000 people (Aribinda, 43 km from Gorgadji). A village of
    // Burkina Faso is read in a text about Burkina Faso only.
    ['Au Burkina Faso, un convoi parti de Dori pour Arbinda a été attaqué près de la ville de Gorgadji.', 'Gorgadji', borrowed, 'Arbinda', false],
    // A seat far from the village is another story's place, or a wrong reading: the article decides.
    ['Des bandits ont été arrêtés à Bembou ; le suspect a été transféré à Tambacounda.', 'Bembou', borrowed, 'Tambacounda', true],
    // A village the gazetteer lacks, introduced as one, stands against the region's seat.
    ['Des hommes armés ont attaqué le village de Kingolola, dans la région de Ségou.', 'Kingolola', borrowed, 'Ségou', false],
    // Two towns: the article decides, unless the event sentence names the smaller one (the
    // regional seat is wider).
    ['Des heurts ont éclaté à Bignona et à Ziguinchor.', 'Bignona', borrowed, 'Ziguinchor', true],
    ['Des heurts ont éclaté à Bignona et à Ziguinchor.', 'Bignona', own, 'Ziguinchor', false],
    // A place named only as a neighbour is named beside the event's, never for it…
    ['Douze villageois ont été tués à Kanikombolé. Dans le village voisin de Tégourou, une personne a été tuée.', 'Kanikombolé', own, 'Tégourou', false],
    // …but named again on its own, it may be the event's.
    ['Douze villageois ont été tués à Kanikombolé, dans le village voisin de Tégourou. Tégourou pleure ses morts.', 'Kanikombolé', own, 'Tégourou', true],
    // « en Casamance »: the river of that name is no event's place.
    ['Un soldat a été tué en Casamance, dans le département de Bignona.', 'Bignona', borrowed, 'Casamance', false],
    // A list names an area, coded at its first name: the ranker may not move to a later one…
    ['Une bande écumait la zone aurifère de Bembou–Sabodala–Tomboronkoto.', 'Bembou', own, 'Sabodala', false],
    ['Des bandits ont attaqué Bembou, Sabodala et Tomboronkoto.', 'Bembou', own, 'Sabodala', false],
    // …but may come back to the first from a later one.
    ['Des bandits ont attaqué Bembou, Sabodala et Tomboronkoto.', 'Sabodala', own, 'Bembou', true],
  ])('%s (%s, own %s) against %s: %s', (text, rulesName, ownPlace, otherName, expected) => {
    const mentions = findPlaces(text, gazetteer);
    const of = (name: string) => mentions.filter((m) => m.name === name);
    expect(of(rulesName), rulesName).not.toHaveLength(0);
    expect(of(otherName), otherName).not.toHaveLength(0);
    expect(rankerMayReplace({ place: of(rulesName)[0], ownPlace }, of(otherName), foldText(text))).toBe(expected);
  });

  it('lets the ranker choose freely where the rules found no place', () => {
    const text = 'Des hommes armés ont attaqué Kayes.';
    expect(rankerMayReplace(undefined, findPlaces(text, gazetteer), foldText(text))).toBe(true);
    expect(rankerMayReplace({ ownPlace: false }, findPlaces(text, gazetteer), foldText(text))).toBe(true);
  });

  it.each([
    // [the rules' place is the event sentence's own, the ranker's features of the other place, may it replace]
    [true, ['count:3+', 'sentence:8+', 'all:cued'], false],
    [true, ['count:1', 'title', 'code:PPL'], true],
    [true, ['count:2', 'sentence:1', 'trigger:weak'], true],
    [false, ['count:3+', 'sentence:8+', 'all:cued'], true],
  ] as const)('a place named only where no event is told outweighs the event sentence’s own: own %s, %j → %s', (ownPlace, features, expected) => {
    const [place] = findPlaces('Des hommes armés ont attaqué le poste de Diboli.', gazetteer);
    expect(mayOutweighOwnPlace({ place, ownPlace }, features)).toBe(expected);
  });
});
