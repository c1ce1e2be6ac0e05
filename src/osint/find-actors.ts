/**
 * Actors named in a text, by alias: the press writes the same group in several languages and
 * acronyms (JNIM = GSIM = Groupe de soutien à l'islam et aux musulmans …). Names returned are the
 * canonical ones analysts see.
 */
import { foldText } from './fold-text.js';

export interface ActorMention {
  index: number;
  end: number;
  actor: string;
}

const ACTORS: [string, RegExp][] = [
  [
    'JNIM',
    /\b(jnim|gsim|groupe de soutien a l'islam et aux musulmans|jama'?a?t nusrat al[- ]islam wa[l]?[- ]muslimin|group (?:to|for the) support (?:of )?islam and muslims|katiba macina)\b/gi,
  ],
  ['ISSP', /\b(eigs|issp|etat islamique (?:au|dans le) (?:grand )?sahel|islamic state (?:in the )?(?:greater )?sahel|islamic state sahel province)\b/gi],
  ['Africa Corps', /\bafrica corps\b/gi],
  ['Wagner', /\b(wagner|suppletifs russes|russian (?:mercenaries|instructors))\b/gi],
  ['CSP-PSD', /\b(csp(?:-psd)?|cadre strategique permanent)\b/gi],
  ['MFDC', /\b(mfdc|mouvement des forces democratiques de (?:la )?casamance|movement of democratic forces of casamance)\b/gi],
  [
    'FAMa',
    /\b(fama|forces armees maliennes|armee malienne|soldats maliens|militaires maliens|malian (?:army|armed forces|soldiers|troops|defence forces)|mali's (?:army|armed forces|military))\b/gi,
  ],
  ['Mali Gendarmerie', /\bgendarmerie malienne\b/gi],
  [
    'Senegal Armed Forces',
    /\b(armee senegalaise|forces armees senegalaises|soldats senegalais|militaires senegalais|zone militaire n[°o]? ?\d+|senegalese (?:army|armed forces|soldiers|troops|defence forces)|senegal's (?:army|armed forces)|military zone no\.? ?\d+)\b/gi,
  ],
  [
    'Senegal Gendarmerie',
    /\b(gendarmerie (?:nationale )?senegalaise|garsi|gendarmes senegalais|senegalese gendarmes?|gendarmerie de (?:kedougou|tambacounda|saraya|bakel)|brigade de (?:saraya|kedougou|kidira|bakel))\b/gi,
  ],
  ['Senegal Police', /\b(police senegalaise|senegal(?:ese)? police)\b/gi],
  ['Mauritanian Armed Forces', /\b(armee mauritanienne|homologues mauritaniens|mauritanian (?:army|armed forces|soldiers|troops))\b/gi],
  ['Mauritanian Police', /\b(police mauritanienne|mauritanian police)\b/gi],
  ['Niger Armed Forces', /\b(armee nigerienne|forces armees nigeriennes|nigerien (?:army|troops|soldiers))\b/gi],
  ['Burkina Faso Armed Forces', /\b(armee burkinabe|burkinab[ee] (?:army|troops))\b/gi],
  ['Gambia Armed Forces', /\b(armee gambienne|gambian (?:army|armed forces|soldiers))\b/gi],
  ['Ivorian Defence and Security Forces', /\b(forces de defense et de securite ivoiriennes|armee ivoirienne|ivorian (?:army|forces))\b/gi],
  ['French Armed Forces', /\b(barkhane|armee francaise|french (?:army|troops|fighter jets|forces|military))\b/gi],
  ['Protesters', /\b(manifestants|marcheurs|protesters|demonstrators)\b/gi],
  ['Rioters', /\b(emeutiers|rioters|jeunes en colere)\b/gi],
  ['Civilians', /\b(civils|villageois|habitants|passagers|chauffeurs|routiers|orpailleurs|usagers|civilians|villagers|residents|passengers|drivers)\b/gi],
];

// Unnamed attackers are an actor of their own in ACLED.
const UNIDENTIFIED =
  /\b(hommes armes|individus armes|assaillants|groupes? armes?|bandits|coupeurs de route|malfaiteurs|terroristes|jihadistes|djihadistes|gunmen|armed men|attackers|militants|jihadists|assailants|insurgents)\b/gi;

export function findActors(text: string): ActorMention[] {
  const folded = foldText(text);
  const mentions: ActorMention[] = [];
  for (const [actor, pattern] of ACTORS)
    for (const match of folded.matchAll(pattern)) mentions.push({ index: match.index, end: match.index + match[0].length, actor });
  for (const match of folded.matchAll(UNIDENTIFIED))
    mentions.push({ index: match.index, end: match.index + match[0].length, actor: 'Unidentified armed group' });
  return mentions.sort((a, b) => a.index - b.index);
}

/** Distinct actors in order of first mention; a named group replaces the unnamed one. */
export function actorNames(mentions: readonly ActorMention[]): string[] {
  const names = [...new Set(mentions.map((m) => m.actor))];
  const named = names.some((n) => n === 'JNIM' || n === 'ISSP' || n === 'MFDC' || n === 'CSP-PSD');
  return named ? names.filter((n) => n !== 'Unidentified armed group') : names;
}
