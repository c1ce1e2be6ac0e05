/**
 * Press spellings of a place that differ from the gazetteer's by one habit of transcription:
 * « Aguelhoc » for Aguelhok, « Tinzaouaten » for Tinzaouatene, « Djenné » for Jenné. A name the
 * gazetteer lacks is looked up again under each spelling one such change away (a few binary
 * searches, no fuzzy index to build at start-up).
 */
import { foldName } from '../geo/gazetteer.js';

// One change at a time, each a habit of French or English transcription of the region's names.
const SWAPS: readonly [RegExp, string][] = [
  [/c$/, 'k'],
  [/k$/, 'c'],
  [/ck/, 'k'],
  // « Toubacoro » for Toubakoro: a hard c before a, o, u is the k of the other transcription.
  [/c([aou])/, 'k$1'],
  [/k([aou])/, 'c$1'],
  // « Missirah » for Missira: an h closing a name after its vowel is not sounded.
  [/([aeiou])h$/, '$1'],
  [/e$/, ''],
  [/([^e])$/, '$1e'],
  [/ou/, 'u'],
  [/([^o])u/, '$1ou'],
  [/kh/, 'k'],
  [/dj/, 'j'],
  [/([^d])j/, '$1dj'],
  [/tch/, 'ch'],
  [/y/, 'i'],
  [/([aeiou])i([aeiou])/, '$1y$2'],
  [/(\w)\1/, '$1'],
  [/ /, ''],
  // Tamasheq names opening with « Tin » or « In » (well of…): « Tinzaouaten » for Tin Zaouaten.
  [/^(t?in)([^aeiou ])/, '$1 $2'],
];

/** The spellings one habit away from `name` (folded), the name itself excluded. */
export function spellingVariants(name: string): string[] {
  const folded = foldName(name);
  const variants = new Set<string>();
  for (const [pattern, replacement] of SWAPS) {
    // Each occurrence in turn: « Ouarsouma » has two « ou ».
    const global = new RegExp(pattern.source, 'g');
    for (const match of folded.matchAll(global)) {
      const at = match.index;
      const variant = folded.slice(0, at) + match[0].replace(pattern, replacement) + folded.slice(at + match[0].length);
      if (variant !== folded && variant.length >= 4) variants.add(variant);
    }
  }
  return [...variants];
}
