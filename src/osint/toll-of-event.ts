/**
 * The toll of an event sentence: its own, else that of the next sentences of its paragraph that
 * tell no other event (« Cette fois, ni blessé ni mort n'est à déplorer. »).
 */
import type { Trigger } from './classify-event.js';
import type { Sense } from './lexicon/triggers.js';
import { tollBySides } from './toll-by-sides.js';

/** Senses told along with an event (its toll, burnt granaries, looted cattle), not another event. */
const ACCOMPANYING: ReadonlySet<Sense> = new Set<Sense>(['toll', 'destroy', 'loot', 'explosion']);

/** How many sentences of its paragraph after the event sentence may give its toll. */
const TOLL_SENTENCES_AFTER = 3;

export interface TollContext {
  /** Every sentence of the article, folded, in order. */
  folded: readonly string[];
  /** The triggers of each sentence, by its order. */
  triggers: readonly (readonly Trigger[])[];
}

/** The fatalities of the event of the sentence at `at`, of type `eventType`; `paragraph` holds the orders of the next sentences of its paragraph. */
export function tollOfEvent(context: TollContext, at: number, eventType: Trigger['eventType'], paragraph: readonly number[]): number | null {
  // A sentence about another event ends the story of this one.
  const tellsOther = (order: number) => context.triggers[order]!.some((t) => !ACCOMPANYING.has(t.sense) && t.eventType !== eventType);
  let fatalities = tollBySides(context.folded, at);
  for (const next of paragraph.slice(0, TOLL_SENTENCES_AFTER)) {
    if (fatalities !== null || tellsOther(next)) break;
    fatalities = tollBySides(context.folded, next);
  }
  return fatalities;
}
