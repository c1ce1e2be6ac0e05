/**
 * Deaths no one inflicted: accidents, disease, shipwrecks, pits caving in. A sentence telling them
 * tells no violence, and neither does the rest of a story whose headline tells them (« Quatre
 * orpailleurs périssent dans un éboulement », then « Les blessés avaient déjà été évacués »).
 */
import { tellsDeaths, type Sense } from './lexicon/triggers.js';

// Text folded: no accents, lower case.
export const MISHAP =
  /\b(sans lien avec|unrelated to|accident\w*|eboulement\w*|effondr\w*|collaps\w*|caves? in|caved in|cave-ins?|landslides?|glissements? de terrain|collision|percute|carambolage|noyade|noye\w*|electrocut\w*|epidemie|cholera|paludisme|rougeole|maladie|crash|drown\w*|disease|outbreak|malaria|measles|naufrag\w*|chavir\w*|shipwreck\w*|capsiz\w*|sinks|sank|sunk|disparus en mer|missing at sea|(?:route|way|journey|crossing|voyage) to (?:the )?(?:canar\w*|europe|spain)|(?:vers|pour) les (?:iles )?canaries)\b/;

// Words of deaths in a headline. Wider than the lexicon's words of killing and tolls, which lack
// « périr » (adding it there moves how every sentence reads: train 5-fold place −2).
const DEATHS = /\b(tues?|tuees?|morts?|deces|perissent|peri|perdu la vie|trouve la mort|killed|dead|died|deaths?|perish\w*|victimes|victims)\b/;

/** Whether a headline (folded) tells deaths of a mishap: its story's tolls are no violence either. */
export function tellsMishapDeaths(headline: string): boolean {
  return MISHAP.test(headline) && DEATHS.test(headline);
}

/** A sentence's triggers without its deaths, when its story tells a mishap. */
export function withoutDeaths<T extends { sense: Sense }>(triggers: T[], mishapStory: boolean): T[] {
  return mishapStory ? triggers.filter((t) => !tellsDeaths(t.sense)) : triggers;
}
