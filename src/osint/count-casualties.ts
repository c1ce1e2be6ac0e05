/**
 * Fatalities of a sentence: "au moins treize civils ont été tués", "vingt-cinq civils ont perdu la
 * vie", "left twenty soldiers and one civilian dead". Figures of both sides add up; a plain "ni
 * blessé ni mort" gives 0. Works on the folded sentence (lower case, no accents).
 */
import { FOLDED_MONTH_NAMES } from './calendar-words.js';

const UNITS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

function numberValue(words: string): number | null {
  if (/^\d+$/.test(words)) return Number(words);
  let sum = 0;
  for (const part of words.split(/[- ]|\bet\b/).filter(Boolean)) {
    const value = UNITS[part];
    if (value === undefined) return null;
    sum += value;
  }
  return sum > 0 ? sum : null;
}

const NUMBER =
  '(\\d+|(?:(?:vingt|trente|quarante|cinquante|soixante|twenty|thirty|forty|fifty)[- ](?:et[- ])?)?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|one|two|three|four|five|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|vingt|trente|quarante|cinquante|twenty|thirty|forty|fifty)';
// Up to five words between the figure and the verb, none of them a figure: "treize civils ont été
// tués", « quatre employés de la mine tués », but « un chef parmi les douze tués » counts twelve.
const WHO = `(?:(?!${NUMBER.replace(/^\(/, '(?:')}\\b)[\\w-]+ ){0,5}?`;
// The conditional of reported tolls too: « un militaire aurait perdu la vie », « deux assaillants
// auraient été abattus ».
const DEATH =
  '(?:neutralises|neutralisees|neutralized|neutralised|ont ete tues|ont ete tuees|ont ete abattus|auraient ete abattus|sont morts|seraient morts|ont peri|a peri|auraient peri|aurait peri|ont perdu la vie|a perdu la vie|auraient perdu la vie|aurait perdu la vie|a ete tuee?|a ete abattue?|aurait ete tuee?|aurait ete abattue?|est morte?|serait morte?|a succombe|aurait succombe|was killed|morts|tues|tuees|tue|tuee|mort|morte|killed|dead|were killed|died|lost their lives|have been killed|deaths)';

// « pas de mort à déplorer », « aucun décès n'a été signalé », « ni mort ni blessé », "no one was hurt".
const NONE =
  /\b(ni (?:blesse|mort)s? ni (?:mort|blesse)s?|aucun (?:mort|deces|blesse)|aucune (?:victime|perte en vies? humaines?)|pas de (?:morts?|victimes?|deces|perte en vies? humaines?)|sans (?:faire de )?(?:victimes?|perte en vies? humaines?)|no (?:one was )?(?:killed|hurt|injured|casualties|deaths|injuries))\b/;
const PAIR = new RegExp(`\\b(?:left|laissant) ${NUMBER}\\b[^.]*?\\band ${NUMBER}\\b[^.]*?\\b(?:dead|morts)\\b`);
const TOLL = new RegExp(`\\b${NUMBER} ${WHO}${DEATH}\\b`, 'g');
const ABOUT = '(?:(?:au moins|pres de|plus de|environ|quelque|at least|about|some|more than|nearly) )?';
const KILLING = new RegExp(`\\b(?:tuant|killing|faisant|killed) ${ABOUT}${NUMBER}\\b`);
// The verb before its victims, in its own clause: "ont tué deux soldats et blessé cinq autres".
const KILLED_THEM = new RegExp(`\\b(?:ont|a|avoir|avaient|avait|et) (?:tue|abattu|execute|massacre) ${WHO}${ABOUT}${NUMBER}\\b`);

const OTHER_SIDE = new RegExp(`\\bcontre ${NUMBER} (?:du cote|cote|chez|parmi|dans les rangs)`);
const ONE_KILLED = /\b(?:a ete|avait ete|aurait ete|was|has been) (?:tuee?|abattue?|assassinee?|executee?|killed|shot dead|murdered|executed)\b/;

// Round figures of the press ("une dizaine de morts") read as their value.
const ROUND: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
};
const ROUND_FIGURE = /\b(?:une )?(dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)s? d(?:e |')/g;
// A day of the month between a verb and its figure ("ont tué mardi 8 août quatre bergers") is no toll.
const DAY_OF_MONTH = new RegExp(`\\b\\d{1,2}(?:er)? (?:${FOLDED_MONTH_NAMES.join('|')})\\b`, 'g');

// « cent trente-deux (132) civils », « deux (02) militaires »: the press writes the figure twice.
const FIGURE_TWICE =
  /\b(?:(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cents?|mille|et)[- ]?)+\((\d+)\)/g;

export function countFatalities(foldedSentence: string): number | null {
  const s = foldedSentence
    .replace(FIGURE_TWICE, (_m, digits: string) => String(Number(digits)))
    .replace(DAY_OF_MONTH, '')
    .replace(/ {2,}/g, ' ')
    .replace(ROUND_FIGURE, (_m, word: string) => `${ROUND[word]} `);
  if (NONE.test(s)) return 0;
  // "left twenty soldiers and one civilian dead": two figures under one verb.
  const pair = PAIR.exec(s);
  if (pair) {
    const a = numberValue(pair[1]!);
    const b = numberValue(pair[2]!);
    if (a !== null && b !== null) return a + b;
  }
  let total = 0;
  let found = false;
  for (const match of s.matchAll(TOLL)) {
    const value = numberValue(match[1]!);
    // Years are not body counts.
    if (value === null || value > 5000 || /^(19|20)\d\d$/.test(match[1]!)) continue;
    total += value;
    found = true;
  }
  if (found) {
    // "cinq soldats ont été tués, contre trois du côté des assaillants": the other side's dead too.
    const other = OTHER_SIDE.exec(s);
    const value = other ? numberValue(other[1]!) : null;
    return total + (value ?? 0);
  }
  // "tuant un jeune", "killing three"
  const killing = KILLING.exec(s) ?? KILLED_THEM.exec(s);
  if (killing) return numberValue(killing[1]!);
  // One person killed, told in the singular: "Pape Faye a été abattu", "a soldier was shot dead".
  return ONE_KILLED.test(s) ? 1 : null;
}
