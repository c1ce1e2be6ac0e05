import type { Lang } from '../errors.js';
import type { EventType, SubEventType } from '../event-types.js';
import { folded } from './words.js';

/**
 * The short type codes of an observation sent by SMS or read over the radio: one French and one
 * English code for each type of event a patrol reports, so that a leader types what they say.
 * NOTE is an observation without a type (its text is then required).
 */
export interface ObservationType {
  fr: string;
  en: string;
  eventType: EventType | null;
  subEventType: SubEventType | null;
}

// biome-ignore format: a table, one type a line.
export const OBSERVATION_TYPES: readonly ObservationType[] = [
  { fr: 'AFF', en: 'CLASH', eventType: 'Battles', subEventType: 'Armed clash' },
  { fr: 'EXPL', en: 'BLAST', eventType: 'Explosions/Remote violence', subEventType: null },
  { fr: 'IED', en: 'IED', eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' },
  { fr: 'CIV', en: 'CIV', eventType: 'Violence against civilians', subEventType: 'Attack' },
  { fr: 'ENLEV', en: 'ABDUCT', eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
  { fr: 'MANIF', en: 'PROTEST', eventType: 'Protests', subEventType: null },
  { fr: 'EMEUTE', en: 'RIOT', eventType: 'Riots', subEventType: null },
  { fr: 'ARREST', en: 'ARREST', eventType: 'Strategic developments', subEventType: 'Arrests' },
  { fr: 'PILL', en: 'LOOT', eventType: 'Strategic developments', subEventType: 'Looting/property destruction' },
  { fr: 'CONT', en: 'SMUG', eventType: 'Border activity', subEventType: 'Smuggling' },
  { fr: 'PASS', en: 'CROSS', eventType: 'Border activity', subEventType: 'Illegal crossing' },
  { fr: 'ORP', en: 'GOLD', eventType: 'Border activity', subEventType: 'Illegal gold mining' },
  { fr: 'BETAIL', en: 'CATTLE', eventType: 'Border activity', subEventType: 'Cattle rustling' },
  { fr: 'DEPL', en: 'DISPL', eventType: 'Border activity', subEventType: 'Displacement' },
  { fr: 'NOTE', en: 'NOTE', eventType: null, subEventType: null },
];

/** The type a code names, and the language it is written in when only one language uses it. */
export function observationTypeOf(word: string): { type: ObservationType; lang: Lang | null } | undefined {
  const code = folded(word);
  const type = OBSERVATION_TYPES.find((t) => t.fr === code || t.en === code);
  if (!type) return undefined;
  return { type, lang: type.fr === type.en ? null : type.fr === code ? 'fr' : 'en' };
}

/** The codes of one language, for help and error replies. */
export function typeCodes(lang: Lang): string {
  return OBSERVATION_TYPES.map((t) => t[lang]).join(' ');
}
