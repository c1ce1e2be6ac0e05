/**
 * What an act was aimed at: the target word of the sentence that belongs to the trigger's clause.
 */
import type { Hit, Token } from './lexicon/matcher.js';
import type { TargetClass } from './lexicon/targets.js';
import type { TriggerRow } from './lexicon/triggers.js';

/** Words before a verb that make it passive (« a été attaqué », "was attacked"). */
export const PASSIVE_BEFORE: ReadonlySet<string> = new Set(['ete', 'etaient', 'etait', 'sont', 'est', 'been', 'was', 'were', 'is', 'are']);
const AGENT = new Set(['par', 'by']);
const AGENT_ADJECTIVE = /^(?:terroristes?|jihadistes?|djihadistes?|islamistes?|rebelles?)$/;
/**
 * "Militant commander killed", « deux terroristes tués à Boni »: a killing's participle that ends
 * its clause, or that a place or time follows, tells what was done to the words before it, as a
 * headline does without its auxiliary.
 */
const PARTICIPLE = /(?:ed|en|e|es|u|us)$/;
const AFTER_PARTICIPLE = new Set(['in', 'near', 'at', 'on', 'during', 'a', 'au', 'aux', 'dans', 'pres', 'lors', 'en']);
/** Words that open a clause of its own: what follows is no object of the verb before them. */
const CLAUSE_OPENERS = new Set(['as', 'when', 'while', 'lorsque', 'lorsqu', 'quand', 'tandis']);

/**
 * The target of a trigger: the nearest target word of its clause, after it (the object of an
 * active verb, the complement of a noun: « l'attaque du camp »), or before it when the verb is
 * passive (« le camp a été attaqué par »). Armed men named as the agent are who acted, not the target.
 */
export function targetOf(hit: Hit<TriggerRow>, targets: readonly Hit<TargetClass>[], tokens: readonly Token[]): TargetClass | undefined {
  const next = tokens[hit.end]?.word;
  // "killed at least", « tué au moins »: a count follows, the verb is active.
  const count = /^(?:least|moins)$/.test(tokens[hit.end + 1]?.word ?? '');
  const headline =
    hit.value.sense === 'kill' && PARTICIPLE.test(tokens[hit.end - 1]?.word ?? '') && (next === undefined || (AFTER_PARTICIPLE.has(next) && !count));
  const passive = PASSIVE_BEFORE.has(tokens[hit.start - 1]?.word ?? '') || AGENT.has(next ?? '') || headline;
  let best: Hit<TargetClass> | undefined;
  let bestDistance = Infinity;
  for (const target of targets) {
    const after = target.start >= hit.end;
    const before = target.end <= hit.start;
    if (!after && !before) continue;
    const agent = AGENT.has(tokens[target.start - 1]?.word ?? '') || AGENT.has(tokens[target.start - 2]?.word ?? '');
    if (target.value === 'militants' && ((before && !headline) || agent)) continue;
    // « des attaques terroristes », « une attaque jihadiste »: the adjective says who attacked.
    if (target.value === 'militants' && target.start === hit.end && AGENT_ADJECTIVE.test(tokens[target.start]?.word ?? '')) continue;
    // "100 killed as gunmen raid two villages": the gunmen are the next clause's subject.
    if (after && tokens.slice(hit.end, target.start).some((t) => CLAUSE_OPENERS.has(t.word))) continue;
    const gap = after ? target.start - hit.end : hit.start - target.end;
    const distance = gap + (after === passive ? 3 : 0);
    if (gap > 10 || distance >= bestDistance) continue;
    best = target;
    bestDistance = distance;
  }
  return best?.value;
}
