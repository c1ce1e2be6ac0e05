/**
 * The day a sentence states as when the event told near it took place: « L'opération s'est
 * déroulée mercredi », "The attack happened on Tuesday evening". Reporters give the toll or the
 * catch in one sentence and when it happened in another; that sentence answers when on purpose,
 * and dates a nearby event sentence that gives no date of its own.
 */
import { eventDates, toldAsBackground } from './event-date.js';
import type { DateMention } from './resolve-dates.js';
import type { Sentence } from './split-sentences.js';
import { TOOK_PLACE } from './stated-place.js';

/** How many sentences before and after an event's may say when it took place. */
const SENTENCES_BEFORE = 5;
const SENTENCES_AFTER = 3;

/**
 * The date stated after a verb of taking place by the sentence nearest `sentences[order]` that
 * states one, looking `SENTENCES_AFTER` ahead and `SENTENCES_BEFORE` back; not a background
 * sentence's (« The previous attack took place at the end of May »), nor a year alone.
 */
export function dateStatedNear(sentences: readonly Sentence[], order: number, dates: readonly DateMention[], folded: string): DateMention | undefined {
  // Nearest first; at the same distance, the sentence before.
  const near: Sentence[] = [];
  for (let distance = 1; distance <= Math.max(SENTENCES_BEFORE, SENTENCES_AFTER); distance++) {
    if (distance <= SENTENCES_BEFORE && order - distance >= 0) near.push(sentences[order - distance]!);
    if (distance <= SENTENCES_AFTER && order + distance < sentences.length) near.push(sentences[order + distance]!);
  }
  for (const sentence of near) {
    const text = folded.slice(sentence.index, sentence.end);
    const verb = TOOK_PLACE.exec(text);
    if (!verb || toldAsBackground(text)) continue;
    const from = sentence.index + verb.index + verb[0].length;
    const stated = eventDates(dates, sentence, folded).find((d) => d.index >= from && d.precision !== 'year');
    if (stated) return stated;
  }
  return undefined;
}
