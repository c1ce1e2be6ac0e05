/**
 * Deaths no one inflicted: accidents, disease, shipwrecks, pits caving in. A sentence telling them
 * tells no violence, and neither does the rest of a story whose headline tells them (« Quatre
 * orpailleurs périssent dans un éboulement », then « Les blessés avaient déjà été évacués »).
 * Under a headline telling a flood, the damage the story tells is no one's doing either.
 */
import { tellsDeaths, type Sense } from './lexicon/triggers.js';

// Text folded: no accents, lower case.
export const MISHAP =
  /\b(sans lien avec|unrelated to|accident\w*|eboulement\w*|effondr\w*|collaps\w*|caves? in|caved in|cave-ins?|landslides?|glissements? de terrain|collision|percute|carambolage|noyade|noye\w*|electrocut\w*|epidemie|cholera|paludisme|rougeole|maladie|ebola|covid|coronavirus|meningite|dengue|fievre jaune|yellow fever|crash|drown\w*|disease|outbreak|malaria|measles|naufrag\w*|chavir\w*|shipwreck\w*|capsiz\w*|sinks|sank|sunk|disparus en mer|missing at sea|(?:route|way|journey|crossing|voyage) to (?:the )?(?:canar\w*|europe|spain)|(?:vers|pour) les (?:iles )?canaries)\b/;

// Words of deaths in a headline. Wider than the lexicon's words of killing and tolls, which lack
// « périr » (adding it there moves how every sentence reads: train 5-fold place −2).
const DEATHS = /\b(tues?|tuees?|morts?|deces|perissent|peri|perdu la vie|trouve la mort|killed|dead|died|deaths?|perish\w*|victimes|victims)\b/;

/** Whether a headline (folded) tells deaths of a mishap: its story's tolls are no violence either. */
export function tellsMishapDeaths(headline: string): boolean {
  return MISHAP.test(headline) && DEATHS.test(headline);
}

// A flood or a storm in a headline: under it, roads « damaged » and villages "hit" are the water's
// doing, as are its dead.
const FLOOD =
  /\b(crues?|inondations?|floods?|flooding|flooded|pluies? (?:torrentielles|diluviennes|abondantes)|fortes? pluies?|averses?|intemperies|torrential rains?|heavy rains?|rainstorms?|downpours?)\b/;

/** What a story's headline tells no one did: deaths of a mishap, or the harm of a flood. */
export type Mishap = 'deaths' | 'flood';

/** The mishap a story's headline (folded) tells, if any. */
export function mishapOfHeadline(headline: string): Mishap | null {
  return FLOOD.test(headline) ? 'flood' : tellsMishapDeaths(headline) ? 'deaths' : null;
}

/** A sentence's triggers without the deaths (and, under a flood, the damage) its story's mishap caused. */
export function withoutMishap<T extends { sense: Sense }>(triggers: T[], mishap: Mishap | null): T[] {
  if (mishap === null) return triggers;
  return triggers.filter((t) => !tellsDeaths(t.sense) && !(mishap === 'flood' && (t.sense === 'destroy' || t.sense === 'attack')));
}
