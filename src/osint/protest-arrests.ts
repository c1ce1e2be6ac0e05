/**
 * Demonstrators arrested are the protest's intervention, not an arrest of its own: « la marche
 * dispersée, plusieurs jeunes arrêtés », « des orpailleurs arrêtés, des mères dispersées au gaz
 * lacrymogène ». ACLED codes the arrests the forces make at a protest as a protest with
 * intervention. Works on a sentence's triggers and the folded sentence.
 */
import type { Trigger } from './classify-event.js';
import { NON_STATE } from './party-words.js';

// A gathering the forces broke up, named with the act: « la marche … dispersée ».
const DISPERSED_GATHERING =
  /\b(?:marche|manifestation|rassemblement|sit-in|cortege|protest|march|rally|demonstration|gathering)\b[^.;]{0,40}\b(?:dispers\w*|broken up|broke up)\b/;

// Arrests told as what followed the protest (« après la marche », "arrest 13 over 'illegal'
// demonstration", "for taking part in"): men picked up later, an arrest of its own.
const ARRESTED_AFTER =
  /\b(?:over|after|following|for taking part in|for (?:their )?(?:role|part) in|suite a|apres|pour avoir (?:participe|manifeste|organise))\b[^.;]{0,40}\b(?:protests?|demonstrations?|march|rally|manifestations?|marche|rassemblement)\b/;

/** The sentence's triggers, its arrests read as the intervention at the protest it tells. */
export function protestArrests(triggers: Trigger[], folded: string): Trigger[] {
  const protest = triggers.find((t) => t.eventType === 'Protests');
  if ((!protest && !DISPERSED_GATHERING.test(folded)) || NON_STATE.test(folded) || ARRESTED_AFTER.test(folded)) return triggers;
  return triggers.map((t) =>
    t.sense === 'arrest' && t.subEventType === 'Arrests' ? { ...t, eventType: 'Protests', subEventType: 'Protest with intervention' } : t,
  );
}
