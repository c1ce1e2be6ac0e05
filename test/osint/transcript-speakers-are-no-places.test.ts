import { describe, expect, it } from 'vitest';
import { loadGazetteerWithNeighbours } from '../../src/geo/gazetteer.js';
import { findPlaces } from '../../src/osint/find-places.js';

describe("a transcript's speakers and a letter's heads, written as a headline writes its place", async () => {
  const gazetteer = await loadGazetteerWithNeighbours();
  const namesIn = (text: string) => findPlaces(text, gazetteer).map((mention) => mention.name);

  it.each([
    // [text, a word that is no place, the place the text names]
    ['Présentateur : Dans le Grand Sud, onze orpailleurs ont été arrêtés à Tamanrasset.', 'Présentateur', 'Tamanrasset'],
    ['PRESENTER: Good afternoon. Gunmen struck an army post at Nara at dawn today.', 'Good', 'Nara'],
    ['Objet : destruction de champs de cannabis dans le département de Bignona', 'Objet', 'Bignona'],
    ['Post: "A man was burned alive in Bamako last night"', 'Post', 'Bamako'],
    ['Correspondant : Les assaillants ont incendié le poste de Diafarabé.', 'Correspondant', 'Diafarabé'],
  ] as const)('%s', (text, notAPlace, place) => {
    const names = namesIn(text);
    expect(names).toContain(place);
    expect(names).not.toContain(notAPlace);
  });
});
