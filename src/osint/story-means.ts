/**
 * The means of an attack told in the next sentences of its story make its type: a shelling, an air
 * strike or a suicide bombing rather than a battle.
 */
import type { Trigger } from './classify-event.js';
import type { Sense } from './lexicon/triggers.js';

// The means that make an attack remote violence, whatever else its story tells.
const REMOTE_MEANS = new Set<Sense>(['suicide', 'air', 'shelling']);

/**
 * An attack told with its means in the next sentences of its story (« Le bateau a été attaqué …
 * Des roquettes ont touché le bateau »): a shelling, an air strike or a suicide bombing, not a
 * battle. `story` holds the triggers of those sentences.
 */
export function byStoryMeans(trigger: Trigger, story: readonly Trigger[]): Trigger {
  // An ambush or a fight with a rocket launcher among its weapons stays a battle.
  if (trigger.sense !== 'attack') return trigger;
  const means = story.find((t) => REMOTE_MEANS.has(t.sense));
  return means ? { ...trigger, eventType: means.eventType, subEventType: means.subEventType } : trigger;
}
