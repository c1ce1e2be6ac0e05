/**
 * A patrol or an operation told with what it caught: « des éléments en patrouille ont intercepté
 * une moto … La fouille a permis de découvrir cinquante-neuf kilogrammes de chanvre », "an
 * operation … led to the recovery of twenty-one bundles of cannabis". The event is the catch, not
 * the patrol: people arrested make it an arrest; goods seized with nobody held, a seizure
 * (Strategic developments / Other, as the corpus codes it).
 */
import { SEIZURE, type Trigger } from './classify-event.js';

// What a patrol seized, found or took away (text folded: no accents, lower case).
const SEIZED = /\b(?:saisi(?:e|es|s)?|saisies?|confisque\w*|permis de (?:decouvrir|saisir|recuperer)|seized?|seizures?|confiscated|recovery of|recovered)\b/;

/** A patrol's or an operation's trigger read by its story (its sentence and the next three): its arrests, else its seizure. */
export function byPatrolCatch(trigger: Trigger, story: string, storyTriggers: readonly Trigger[]): Trigger {
  if (trigger.sense !== 'patrol') return trigger;
  const arrest = storyTriggers.find((t) => t.sense === 'arrest');
  if (arrest) return { ...trigger, eventType: arrest.eventType, subEventType: arrest.subEventType };
  if (SEIZED.test(story)) return { ...trigger, eventType: SEIZURE[0], subEventType: SEIZURE[1] };
  return trigger;
}
