import { franc } from 'franc-min';

export type Language = 'fr' | 'en' | 'other';

const CODES: Record<string, Language> = { fra: 'fr', eng: 'en' };
// French and English against the languages a feed of the region or a wire service may carry;
// comparing with fewer languages halves the time of a call.
const CANDIDATES = ['fra', 'eng', 'spa', 'por', 'ita', 'deu', 'nld', 'ron', 'pol', 'tur', 'rus', 'arb', 'hau', 'yor', 'ibo', 'fuv', 'swh', 'som'];

/**
 * French, English or something else. franc compares the text with other languages too, so that
 * an article in Spanish, Portuguese or Arabic is not forced into French or English.
 */
// Short words frequent in one language and rare in the others: when they leave no doubt, franc
// (a fifth of the extractor's time) is not needed.
const FUNCTION_WORDS: Record<'fr' | 'en' | 'xx', RegExp> = {
  fr: /\b(le|les|des|une|est|dans|pour|qui|sur|aux|ont|été|par|pas|ces|cette|avec|selon|leur|leurs)\b/gi,
  en: /\b(the|and|of|was|were|with|from|that|this|have|has|been|said|which|their|they|its|by|on|at)\b/gi,
  xx: /\b(el|los|las|del|una|por|para|con|que|não|uma|os|como|della|degli|che|und|der|die|het|een)\b/gi,
};

function clearLanguage(sample: string): 'fr' | 'en' | null {
  const count = (lang: 'fr' | 'en' | 'xx') => sample.match(FUNCTION_WORDS[lang])?.length ?? 0;
  const [fr, en, xx] = [count('fr'), count('en'), count('xx')];
  if (fr >= 12 && fr >= 4 * Math.max(en, xx, 1)) return 'fr';
  if (en >= 12 && en >= 4 * Math.max(fr, xx, 1)) return 'en';
  return null;
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 1500);
  const clear = clearLanguage(sample);
  if (clear) return clear;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return 'other';
  const code = franc(sample, { minLength: 10, only: CANDIDATES });
  if (code in CODES) return CODES[code]!;
  // Short or mixed texts: fall back on a choice between the two working languages only.
  if (code === 'und') {
    const narrowed = franc(sample, { minLength: 1, only: ['fra', 'eng'] });
    return CODES[narrowed] ?? 'other';
  }
  return 'other';
}
