/**
 * Lower case without accents, one apostrophe, character for character: `foldText(s)[i]` is the folded form of
 * `s[i]`, so that offsets found in the folded text point into the original. Patterns can then be
 * written in plain ASCII with `\b` (JavaScript's `\b` does not know accented letters).
 */
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[’‘ʼ`]/g;

export function foldText(text: string): string {
  const folded = text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, "'");
  if (folded.length === text.length) return folded;
  // Rare characters fold to another length (decomposed input, "İ"): fold one by one.
  let out = '';
  for (const char of text) {
    const one = char.normalize('NFD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, "'");
    out += one.length === char.length ? one : char.length === 1 ? '?' : '??';
  }
  return out;
}
