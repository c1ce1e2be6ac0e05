/**
 * The lead of an article: its first sentences of prose. A scraped page puts its section line, its
 * headline said again and the byline (« NEWS | REGIONS | ZIGUINCHOR », « Par notre correspondant »)
 * before them; they date and place nothing.
 */
import type { Sentence } from './split-sentences.js';

const LEAD_SENTENCES = 3;
// A sentence of prose has a few words and ends as a sentence ends (a headline or a menu does not).
const PROSE_WORDS = 6;
const SENTENCE_END = /[.!?…]["»”’)\s]*$/;

export function isProse(text: string): boolean {
  return SENTENCE_END.test(text.trim()) && text.split(/\s+/).filter(Boolean).length >= PROSE_WORDS;
}

/** The first sentences of prose after the headline, which ends at `titleEnd`. */
export function leadSentences(sentences: readonly Sentence[], titleEnd: number): Sentence[] {
  return sentences.filter((s) => s.index >= titleEnd && isProse(s.text)).slice(0, LEAD_SENTENCES);
}
