/**
 * What the statistical layer reads of an article: the words and word pairs of its headline and
 * lead, the headline's words on their own, and the senses the lexicon finds there (so that the
 * rules' evidence is one more feature). The same function serves training (scripts/train-news.ts)
 * and extraction, so that both see an article alike.
 */
import { classifySentence } from '../classify-event.js';
import { foldText } from '../fold-text.js';
import { splitSentences } from '../split-sentences.js';

/** Characters of the body read after the headline: the lead tells what the article is about. */
const LEAD_CHARACTERS = 1500;
const LEAD_SENTENCES = 4;

function words(folded: string): string[] {
  return (folded.match(/[a-z]+|\d+/g) ?? []).map((w) => (/^\d/.test(w) ? (w.length === 4 ? '#year' : '#n') : w)).filter((w) => w.length > 1 || w === 'a');
}

/** The article's features, each once, as names ("w:attaque", "b:camp_militaire", "s:clash"…). */
export function documentFeatures(title: string, body: string, language: 'fr' | 'en'): string[] {
  const lead = body.slice(0, LEAD_CHARACTERS);
  const features = new Set<string>([`lang:${language}`]);
  const titleWords = words(foldText(title));
  const leadWords = words(foldText(lead));
  for (const w of titleWords) features.add(`t:${w}`);
  for (const list of [titleWords, leadWords]) {
    list.forEach((w, i) => {
      features.add(`w:${w}`);
      if (i > 0) features.add(`b:${list[i - 1]}_${w}`);
    });
  }
  const sentences = [
    ...(title.trim() ? [{ text: title, title: true }] : []),
    ...splitSentences(lead)
      .slice(0, LEAD_SENTENCES)
      .map((s) => ({ text: s.text, title: false })),
  ];
  for (const sentence of sentences) {
    const triggers = classifySentence(sentence.text, language);
    for (const trigger of triggers) {
      features.add(`s:${trigger.sense}`);
      features.add(`k:${trigger.subEventType}`);
      if (sentence.title) features.add(`st:${trigger.sense}`);
    }
    if (triggers[0]) features.add(`top:${triggers[0].subEventType}`);
  }
  return [...features];
}
