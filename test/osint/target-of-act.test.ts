import { describe, expect, it } from 'vitest';
import { foldSentence } from '../../src/osint/classify-event.js';
import { findTargets, findTriggers, tokenize } from '../../src/osint/lexicon/matcher.js';
import { targetOf } from '../../src/osint/target-of-act.js';

/** The target class of the sentence's first trigger. */
const target = (sentence: string, language: 'fr' | 'en') => {
  const tokens = tokenize(foldSentence(sentence));
  const [hit] = findTriggers(tokens, language);
  return hit ? (targetOf(hit, findTargets(tokens, language), tokens) ?? null) : 'no trigger';
};

describe('the target of an act', () => {
  it.each([
    // The object of an active verb, the complement of a noun.
    ["Des hommes armés ont attaqué le camp de l'armée à Boulkessi.", 'fr', 'military'],
    ["L'attaque du poste de secours de Markacoungo a fait cinq morts.", 'fr', 'civilians'],
    // Before a passive verb: the one attacked.
    ['Le village a été attaqué par des jihadistes.', 'fr', 'village'],
    // Armed men named as the agent, or by the adjective of the act, are who acted.
    ['Des villageois ont été attaqués par des terroristes.', 'fr', 'civilians'],
    ['Une attaque terroriste a visé Kolongo.', 'fr', null],
    // "as gunmen raid …": the gunmen open a clause of their own.
    ['Troops were ambushed as gunmen raided two villages.', 'en', 'military'],
    // A killing's participle that ends the clause, or that a place follows, is a headline's passive:
    // the armed men before it were killed. With a count after it, the verb is active.
    ['Banwa: militant commander for the Toéni–Solenzo zone killed', 'en', 'militants'],
    ['Deux terroristes tués à Boni', 'fr', 'militants'],
    ['Gunmen killed at least 31 people on a market bus.', 'en', 'civilians'],
  ] as const)('%s', (sentence, language, expected) => {
    expect(target(sentence, language)).toBe(expected);
  });
});
