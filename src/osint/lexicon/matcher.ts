/**
 * The lexicon tables compiled into matchers over the words of a folded sentence: each phrase is
 * expanded into its inflected forms once, indexed by its first word, and tried at every word.
 */
import { englishVerb, frenchVerb, nounForms } from './inflect.js';
import { TARGETS, type TargetClass } from './targets.js';
import { TRIGGERS, type TriggerRow, type Words } from './triggers.js';

export type Language = 'fr' | 'en';

export interface Token {
  word: string;
  /** Offset of the word in the folded sentence. */
  index: number;
}

export interface Hit<T> {
  value: T;
  /** First and one-past-last token of the match. */
  start: number;
  end: number;
}

/** `~` in a phrase: up to this many words of any kind. */
const GAP = '~';
const GAP_WORDS = 3;

export function tokenize(folded: string): Token[] {
  return [...folded.matchAll(/[a-z0-9]+/g)].map((m) => ({ word: m[0], index: m.index }));
}

const words = (phrase: string) => phrase.split(/[\s'-]+/).filter(Boolean);

/** Every spelling of a phrase: the marked (or first) word of a verb phrase, the last of a noun phrase, inflected. */
function expand(phrase: string, kind: 'verb' | 'noun' | 'phrase', language: Language): string[][] {
  const parts = words(phrase);
  if (kind === 'phrase') return [parts];
  const marked = parts.findIndex((w) => w.startsWith('^'));
  const at = kind === 'verb' ? Math.max(0, marked) : parts.length - 1 - [...parts].reverse().findIndex((w) => w !== GAP);
  const lemma = parts[at]!.replace(/^\^/, '');
  const forms = kind === 'noun' ? nounForms(lemma) : language === 'fr' ? frenchVerb(lemma) : englishVerb(lemma);
  return [...new Set(forms)].map((form) => parts.map((w, i) => (i === at ? form : w.replace(/^\^/, ''))));
}

class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { parts: string[]; value: T }[]>();

  add(parts: string[], value: T): void {
    const first = parts[0]!;
    const list = this.byFirst.get(first) ?? [];
    list.push({ parts, value });
    this.byFirst.set(first, list);
  }

  /** Longest match starting at each word; a value is reported once, at its first match. */
  match(tokens: readonly Token[]): Hit<T>[] {
    const hits: Hit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!.word);
      if (!candidates) continue;
      for (const { parts, value } of candidates) {
        const end = matchAt(parts, tokens, i);
        if (end >= 0) hits.push({ value, start: i, end });
      }
    }
    return hits;
  }
}

/** One past the last word matched when `parts` match at `start`, else -1. */
function matchAt(parts: readonly string[], tokens: readonly Token[], start: number, p = 0): number {
  let i = start;
  for (; p < parts.length; p++) {
    const part = parts[p]!;
    if (part === GAP) {
      for (let skip = 0; skip <= GAP_WORDS; skip++) {
        const end = matchAt(parts, tokens, i + skip, p + 1);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (tokens[i]?.word !== part) return -1;
    i++;
  }
  return i;
}

function compileWords<T>(index: PhraseIndex<T>, entry: Words, language: Language, value: T): void {
  for (const verb of entry.verbs ?? []) for (const parts of expand(verb, 'verb', language)) index.add(parts, value);
  for (const noun of entry.nouns ?? []) for (const parts of expand(noun, 'noun', language)) index.add(parts, value);
  for (const phrase of entry.phrases ?? []) for (const parts of expand(phrase, 'phrase', language)) index.add(parts, value);
}

const triggerIndexes = new Map<Language, PhraseIndex<TriggerRow>>();
const targetIndexes = new Map<Language, PhraseIndex<TargetClass>>();

function triggerIndex(language: Language): PhraseIndex<TriggerRow> {
  let index = triggerIndexes.get(language);
  if (!index) {
    index = new PhraseIndex<TriggerRow>();
    for (const row of TRIGGERS) compileWords(index, row[language], language, row);
    triggerIndexes.set(language, index);
  }
  return index;
}

function targetIndex(language: Language): PhraseIndex<TargetClass> {
  let index = targetIndexes.get(language);
  if (!index) {
    index = new PhraseIndex<TargetClass>();
    for (const [target, lists] of Object.entries(TARGETS) as [TargetClass, { fr: string[]; en: string[] }][]) {
      for (const phrase of lists[language]) for (const parts of expand(phrase, 'noun', language)) index.add(parts, target);
    }
    targetIndexes.set(language, index);
  }
  return index;
}

/** Trigger rows found in the words, one hit per row (its first), in word order. */
export function findTriggers(tokens: readonly Token[], language: Language): Hit<TriggerRow>[] {
  const seen = new Set<TriggerRow>();
  const hits: Hit<TriggerRow>[] = [];
  // At one word, the longest phrase: « attaque à main armée » rather than « attaque ».
  const all = triggerIndex(language)
    .match(tokens)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const hit of all) {
    if (seen.has(hit.value)) continue;
    seen.add(hit.value);
    hits.push(hit);
  }
  return hits;
}

/** Target mentions in the words: the longest at each place, none inside another. */
export function findTargets(tokens: readonly Token[], language: Language): Hit<TargetClass>[] {
  const all = targetIndex(language)
    .match(tokens)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<TargetClass>[] = [];
  for (const hit of all) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept;
}
