/**
 * A toll told side by side, a line each, as army communiqués do (« – côté ami : quatre (04)
 * militaires tués ; », « – côté ennemi : six (06) terroristes neutralisés »): ACLED counts the
 * dead of both sides, so the lines add up. Works on folded sentences.
 */
import { countFatalities } from './count-casualties.js';

const SIDE =
  /^\W*(?:(?:du |de notre )?cote (?:ami|amis|ennemi|adverse|des (?:assaillants|terroristes|fama|forces|jihadistes))|dans les rangs (?:amis|ennemis|de l'ennemi|des assaillants)|(?:on )?(?:our|the enemy's|the enemy|the friendly|friendly|enemy) side|(?:friendly|enemy) (?:forces|losses))\b/;

/** The toll of the sentence at `at` among `sentences`: with the other lines of its run when it is one side of a toll told side by side. */
export function tollBySides(sentences: readonly string[], at: number): number | null {
  if (!SIDE.test(sentences[at] ?? '')) return countFatalities(sentences[at] ?? '');
  let start = at;
  while (start > 0 && SIDE.test(sentences[start - 1]!)) start--;
  let total: number | null = null;
  for (let i = start; i < sentences.length && SIDE.test(sentences[i]!); i++) {
    const toll = countFatalities(sentences[i]!);
    if (toll !== null) total = (total ?? 0) + toll;
  }
  return total;
}
