/**
 * The kind of an attack whose target its sentence does not name (« une attaque armée fait quatre
 * morts »): an attack on civilians or an armed clash. Another sentence of the article that tells
 * an attack with its target decides (« attaques de Diallassagou » and « les populations des
 * villages … ont subi des attaques »); else the kind the statistical layer reads in the article.
 */
import { ARMED_CLASH, ATTACK, type Trigger } from './classify-event.js';
import { kindLabel } from './model/news-model.js';

/** How the article's unsure attacks are read, from all its sentences' triggers and the model's kinds (empty without a model). */
export function unnamedTargetAttack(triggers: readonly Trigger[], kinds: ReadonlyMap<string, number>): (t: Trigger) => Trigger {
  const told = triggers.find((t) => t.sense === 'attack' && !t.uncertain && (t.subEventType === ATTACK[1] || t.subEventType === ARMED_CLASH[1]));
  return (t) => {
    if (!t.uncertain) return t;
    if (told) return { ...t, eventType: told.eventType, subEventType: told.subEventType };
    if (kinds.size === 0) return t;
    const [eventType, subEventType] = (kinds.get(kindLabel(...ATTACK)) ?? 0) > (kinds.get(kindLabel(...ARMED_CLASH)) ?? 0) ? ATTACK : ARMED_CLASH;
    return { ...t, eventType, subEventType };
  };
}
