import type { Lang } from '../errors.js';

/**
 * The words of the field message language. A command's keyword also tells the sender's language
 * when only one language uses it (FIN is French, END English); POS and OBS are the same in both.
 */
export const COMMANDS = ['start', 'position', 'observation', 'end', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

interface Keyword {
  command: CommandName;
  lang: Lang | null;
}

const KEYWORDS: Record<string, Keyword> = {
  POS: { command: 'position', lang: null },
  POSITION: { command: 'position', lang: null },
  OBS: { command: 'observation', lang: null },
  DEBUT: { command: 'start', lang: 'fr' },
  START: { command: 'start', lang: 'en' },
  FIN: { command: 'end', lang: 'fr' },
  END: { command: 'end', lang: 'en' },
  AIDE: { command: 'help', lang: 'fr' },
  HELP: { command: 'help', lang: 'en' },
  '?': { command: 'help', lang: null },
};

/** The keyword each command is written with in each language, for replies and help. */
export const KEYWORD_OF: Record<CommandName, Record<Lang, string>> = {
  start: { fr: 'DEBUT', en: 'START' },
  position: { fr: 'POS', en: 'POS' },
  observation: { fr: 'OBS', en: 'OBS' },
  end: { fr: 'FIN', en: 'END' },
  help: { fr: 'AIDE', en: 'HELP' },
};

/** Upper case without accents, so that « début » and « DEBUT » are one word. */
export function folded(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}

export function keywordOf(word: string): Keyword | undefined {
  return Object.hasOwn(KEYWORDS, folded(word)) ? KEYWORDS[folded(word)] : undefined;
}
