/**
 * Attack on civilians or armed clash, told by the story around a trigger's sentence: who it says
 * was aimed at and hit.
 */
import { ARMED_CLASH, ATTACK, type Trigger } from './classify-event.js';
import { CIVILIAN_VICTIMS, FORCES_VICTIMS, MILITARY_PRESENT, STATE_FORCES } from './party-words.js';

// A post or a camp named as what an attack aimed at: « ils ont visé le poste de sécurité ».
const POST_TARGETED =
  /\b(?:vis\w*|cibl\w*|target\w*|attaqu\w*|attack\w*|pris d'assaut|stormed)\b[^.]{0,40}\b(?:poste(?! de (?:sante|secours))|brigade|gendarmerie|camp|commissariat|caserne|checkpoint|post|base|barracks|police station)\b/;

/**
 * Attack on civilians or armed clash, told by the story around the trigger's sentence (it and the
 * next sentences of its paragraph, folded): who it says was aimed at and hit. An ambush of
 * travellers where no forces appear is an attack on civilians; an attack on a locality whose story
 * names a post aimed at, or forces hit and no civilian, is a battle.
 */
export function byStoryVictims(trigger: Trigger, story: string): Trigger {
  const [type, sub] = [trigger.eventType, trigger.subEventType];
  if (
    type === 'Battles' &&
    sub === 'Armed clash' &&
    (trigger.sense === 'clash' || trigger.sense === 'attack') &&
    !MILITARY_PRESENT.test(story) &&
    !STATE_FORCES.test(story) &&
    CIVILIAN_VICTIMS.test(story)
  )
    return { ...trigger, eventType: ATTACK[0], subEventType: ATTACK[1] };
  if (
    type === 'Violence against civilians' &&
    sub === 'Attack' &&
    trigger.sense === 'attack' &&
    (FORCES_VICTIMS.test(story) || POST_TARGETED.test(story)) &&
    !CIVILIAN_VICTIMS.test(story)
  )
    return { ...trigger, eventType: ARMED_CLASH[0], subEventType: ARMED_CLASH[1] };
  return trigger;
}
