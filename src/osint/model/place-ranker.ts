/**
 * Which of the places an article names is where its main event happened: each distinct place
 * name is described by how and where the text names it (in the headline, the lead, a sentence
 * telling an event; as a village, a division, a direction, a landmark…), and a logistic regression
 * trained on the train split (scripts/train-news.ts) scores the descriptions. It decides where the
 * rules of event-place.ts, which see one sentence at a time, are unsure (the place those rules
 * chose is one of the features).
 */
import { foldName } from '../../geo/gazetteer.js';
import { describePlace } from '../event-place.js';
import type { PlaceMention } from '../find-places.js';
import type { Sentence } from '../split-sentences.js';

export interface PlaceCandidate {
  /** Folded name shared by the mentions. */
  key: string;
  mentions: PlaceMention[];
  features: string[];
}

export interface RankingContext {
  folded: string;
  sentences: readonly Sentence[];
  titleEnd: number;
  /** Sentences with a trigger of an event, by their start offset, and the strongest trigger's weight. */
  triggerWeights: ReadonlyMap<number, number>;
  /** The country the text is about. */
  mainCountry: string | null;
}

const bucket = (n: number, limits: readonly number[]) => {
  const at = limits.findIndex((limit) => n <= limit);
  return at < 0 ? `${limits[limits.length - 1]}+` : String(limits[at]);
};

/** The place names of a text, each with the features of its mentions. */
export function placeCandidates(places: readonly PlaceMention[], context: RankingContext, chosen: string | null = null): PlaceCandidate[] {
  const groups = new Map<string, PlaceMention[]>();
  for (const p of places) {
    const key = foldName(p.name);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const bodySentences = context.sentences.filter((s) => s.index >= context.titleEnd);
  return [...groups.entries()].map(([key, mentions], rank) => {
    const features = new Set<string>([`count:${bucket(mentions.length, [1, 2, 3])}`, `rank:${bucket(rank, [0, 1, 2, 4])}`]);
    const known = mentions.find((m) => m.place !== null)?.place ?? null;
    features.add(known ? `code:${known.featureCode || known.featureClass}` : 'unknown');
    if (known && context.mainCountry) features.add(known.country === context.mainCountry ? 'country:same' : 'country:other');
    const flagCounts = new Map<string, number>();
    for (const m of mentions) {
      const sentenceAt = context.sentences.findIndex((s) => m.index >= s.index && m.index < s.end);
      const sentence = context.sentences[sentenceAt];
      if (m.index < context.titleEnd) features.add('title');
      else {
        const order = sentence ? bodySentences.indexOf(sentence) : -1;
        features.add(`sentence:${bucket(order, [0, 1, 2, 4, 8])}`);
      }
      const weight = sentence ? context.triggerWeights.get(sentence.index) : undefined;
      if (weight !== undefined) features.add(weight >= 8 ? 'trigger:strong' : 'trigger:weak');
      for (const flag of describePlace(m, context.folded)) flagCounts.set(flag, (flagCounts.get(flag) ?? 0) + 1);
    }
    for (const [flag, n] of flagCounts) features.add(n === mentions.length ? `all:${flag}` : `some:${flag}`);
    // The place the sentence rules chose for the main event.
    if (chosen !== null && key === chosen) features.add('chosen');
    // Pairs of the strongest signals: a village named in the headline is not a division named there.
    for (const a of ['title', 'trigger:strong', 'unknown', 'chosen']) {
      if (!features.has(a)) continue;
      for (const b of [...features]) if (b !== a && (b.startsWith('all:') || b.startsWith('code:'))) features.add(`${a}&${b}`);
    }
    return { key, mentions, features: [...features] };
  });
}
