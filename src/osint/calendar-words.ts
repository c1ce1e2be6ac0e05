/**
 * The names of months and weekdays the press of the region writes, French and English, written
 * once here with their accents. Readers of folded text (lower case, no accents) take `MONTHS` and
 * `WEEKDAYS` with their numbers (months 1 to 12, weekdays 0 for Sunday to 6); readers of the text
 * as written take `MONTH_PATTERN` and `WEEKDAY_PATTERN`, which accept a name with or without its
 * accents.
 */
import { foldText } from './fold-text.js';

const MONTH_NAMES = [
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
];
// Abbreviations wire copy writes ("Sept 28", "Dec. 3"); folded readers only.
const MONTH_ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, sept: 9, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAY_NAMES = [
  ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
];

const numbered = (languages: string[][], first: number) =>
  Object.fromEntries(languages.flatMap((names) => names.map((name, index) => [foldText(name), index + first])));
// « f[eé]vrier »: the name matches whether or not the page kept its accents.
const pattern = (languages: string[][]) =>
  languages
    .flat()
    .map((name) => name.replace(/[^a-z]/g, (letter) => `[${foldText(letter)}${letter}]`))
    .join('|');

/** Folded month names, full and abbreviated, with their numbers (1 to 12). */
export const MONTHS: Record<string, number> = { ...numbered(MONTH_NAMES, 1), ...MONTH_ABBREVIATIONS };
/** Folded weekday names with their numbers (0 for Sunday to 6). */
export const WEEKDAYS: Record<string, number> = numbered(WEEKDAY_NAMES, 0);
/** The full month names, folded: for readers of folded text that build their own patterns. */
export const FOLDED_MONTH_NAMES: readonly string[] = MONTH_NAMES.flat().map(foldText);
/** The weekday names, folded. */
export const FOLDED_WEEKDAY_NAMES: readonly string[] = WEEKDAY_NAMES.flat().map(foldText);
/** The full month names as an alternation for text as written, accents optional (no group). */
export const MONTH_PATTERN = pattern(MONTH_NAMES);
/** The weekday names as an alternation for text as written (no group). */
export const WEEKDAY_PATTERN = pattern(WEEKDAY_NAMES);
