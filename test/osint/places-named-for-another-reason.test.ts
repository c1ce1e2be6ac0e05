import { describe, expect, it } from 'vitest';
import { loadGazetteerWithNeighbours } from '../../src/geo/gazetteer.js';
import { sentencePlace } from '../../src/osint/event-place.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { foldText } from '../../src/osint/fold-text.js';
import { splitSentences } from '../../src/osint/split-sentences.js';

describe('the place of an event sentence, among places named for another reason', async () => {
  const gazetteer = await loadGazetteerWithNeighbours();
  /** The place the rules read in a text of one sentence. */
  const placeOf = (text: string) => {
    const [sentence] = splitSentences(text);
    return sentencePlace(findPlaces(text, gazetteer), sentence!, foldText(text), sentence!.index)?.name ?? null;
  };

  it.each([
    // [sentence, the event's place]
    // Where the reporter sits is no event's place.
    ['Selon notre correspondant à Zouérate, dix-huit orpailleurs ont été interpellés dans la zone de Tijirit.', 'Tijirit'],
    ['Our correspondent in Gao said a checkpoint was attacked near Ansongo.', 'Ansongo'],
    // A relative clause in the pluperfect tells what had happened before.
    ['The patrol was combing the Mongone area in search of gunmen who had raided the village of Djinaki.', 'Mongone'],
    ['Les militaires ratissaient Mongone à la recherche des hommes qui avaient attaqué le village de Djinaki.', 'Mongone'],
    // The villages a raid hit, over the area around them.
    ['The raids hit Diallassagou, Dianweli and Deguessagou, in the Bandiagara area, during the night.', 'Diallassagou'],
    ['Gunmen attacked a patrol in the Tevolat area on Monday.', 'Tevolat'],
    // A town the gazetteer knows only by its marsh, named as a town.
    ['Jihadists attacked an army post in the northern Malian town of Ber and fired rockets at Gao and Timbuktu.', 'Ber'],
  ] as const)('%s', (text, expected) => {
    expect(placeOf(text)).toBe(expected);
  });
});
