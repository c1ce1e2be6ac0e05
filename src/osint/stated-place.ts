/**
 * The place a sentence states as where the event just told happened: « L'attaque s'est produite
 * aux environs du village de Songho », "The arrests took place at Wansangaran, a gold-bearing
 * locality". Reporters open with the toll and the nearest town (« non loin de Bandiagara ») and
 * say a sentence or two later where it took place: that sentence names the event's place on
 * purpose, and its village is the event's rather than the town the opening measured it from.
 */
import { placeSpecificity, placeWeight, sentencePlace } from './event-place.js';
import type { PlaceMention } from './find-places.js';
import type { Sentence } from './split-sentences.js';

// The verbs of a sentence saying where something took place (text folded: no accents, lower case).
export const TOOK_PLACE =
  /\b(?:took place|happened|occurred|s'est (?:produite?|deroulee?|passee?)|se sont (?:produite?s|deroulee?s)|(?:a|ont) eu lieu|remontent? (?:a|au|aux)|date(?:s|d)? (?:back )?(?:to|from))\b/;

/** The place a sentence states after its verb of taking place, if it is one. */
export function statedPlace(places: readonly PlaceMention[], sentence: Sentence, folded: string): PlaceMention | undefined {
  const verb = TOOK_PLACE.exec(folded.slice(sentence.index, sentence.end));
  if (!verb) return undefined;
  const from = sentence.index + verb.index + verb[0].length;
  // Up to the end of its clause: a quotation may follow on the same line (« … de Songho. « Le véhicule… »).
  const clauseEnd = /[.;!?«]/.exec(folded.slice(from, sentence.end));
  const end = clauseEnd ? from + clauseEnd.index : sentence.end;
  return sentencePlace(places, { ...sentence, index: from, end, text: sentence.text.slice(from - sentence.index, end - sentence.index) }, folded, from);
}

/** How many sentences after an event's may say where it took place. */
const SENTENCES_AFTER = 3;

/**
 * The place of an event told by a sentence whose own place is `own` (or none): the place one of
 * the sentences just after it (`after`, in order) states, when it is more specific than the event
 * sentence's.
 */
export function placeStatedAfter(
  own: PlaceMention | undefined,
  after: readonly Sentence[],
  places: readonly PlaceMention[],
  folded: string,
): PlaceMention | undefined {
  for (const sentence of after.slice(0, SENTENCES_AFTER)) {
    const stated = statedPlace(places, sentence, folded);
    // « s'est produite aux environs du village de Songho », "happened between X and Y": said to
    // answer where, a landmark or a road's end is the place itself.
    if (stated && (!own || placeSpecificity(stated, folded) > placeWeight(own, folded))) return stated;
  }
  return undefined;
}
