/**
 * The kind of an attack whose target its sentence does not name (« une attaque armée fait quatre
 * morts »): an attack on civilians or an armed clash. Another sentence of the article that tells
 * an attack with its target decides (« attaques de Diallassagou » and « les populations des
 * villages … ont subi des attaques »); else the kind the statistical layer reads in the article.
 */
import type { Trigger } from './classify-event.js';

const ON_CIVILIANS = { eventType: 'Violence against civilians', subEventType: 'Attack' } as const;
const CLASH = { eventType: 'Battles', subEventType: 'Armed clash' } as const;

/** How the article's unsure attacks are read, from all its sentences' triggers and the model's kinds (empty without a model). */
export function unnamedTargetAttack(triggers: readonly Trigger[], kinds: ReadonlyMap<string, number>): (t: Trigger) => Trigger {
  const told = triggers.find((t) => t.sense === 'attack' && !t.uncertain && (t.subEventType === 'Attack' || t.subEventType === 'Armed clash'));
  return (t) => {
    if (!t.uncertain) return t;
    if (told) return { ...t, eventType: told.eventType, subEventType: told.subEventType };
    if (kinds.size === 0) return t;
    const onCivilians =
      (kinds.get(`${ON_CIVILIANS.eventType} / ${ON_CIVILIANS.subEventType}`) ?? 0) > (kinds.get(`${CLASH.eventType} / ${CLASH.subEventType}`) ?? 0);
    return { ...t, ...(onCivilians ? ON_CIVILIANS : CLASH) };
  };
}
