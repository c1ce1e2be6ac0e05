/**
 * People held by armed men are abducted, whatever the verb says (« interceptés », « retenus »,
 * "held"): armed men make no arrests. Works on the folded sentence.
 */

const HELD = /\b(intercepte\w*|retenu\w*|detenu\w*|intercepted|held)\b/;
const ARMED_MEN = /\b(groupes? armes?|hommes armes|jihadistes|djihadistes|terroristes|armed (?:men|groups?)|militants|jihadists)\b/;

/** Where the sentence tells people held by armed men, or -1. */
export function heldByArmedMen(folded: string): number {
  const held = HELD.exec(folded);
  return held && ARMED_MEN.test(folded) ? held.index : -1;
}
