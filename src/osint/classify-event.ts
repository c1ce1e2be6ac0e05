/**
 * Event type of a sentence: the trigger words of the lexicon (src/osint/lexicon/) found in it,
 * each mapped to an ACLED sub-event type (plus the border categories), directly or through the
 * class of its target: an attack on a camp, a post or an escorted convoy is a battle; on a village,
 * a market, a wedding or passengers, an attack on civilians.
 */
import type { EventType } from '../domain/event-types.js';
import { withoutSupplied } from './armed-men-supplied.js';
import { raidByForces } from './raid-by-forces.js';
import { theftVictim } from './theft-victim.js';
import { heldByArmedMen } from './held-by-armed-men.js';
import { communalFight } from './communal-fight.js';
import { protestArrests } from './protest-arrests.js';
import {
  ANGER,
  CIVILIAN_VICTIMS,
  CIVILIANS,
  CROWD,
  CROWD_AFTER,
  CROWD_AGENT,
  DEMONSTRATION,
  FORCES_VICTIMS,
  KILLED,
  MILITARY_PRESENT,
  NON_STATE,
  PARAMILITARIES,
  POLICE,
  RIOTERS,
  ROBBERS,
  SECURITY_FORCES,
  STATE_FORCES,
} from './party-words.js';
import { migrantsStopped } from './migrants-stopped.js';
import { PASSIVE_BEFORE, targetOf } from './target-of-act.js';
import { MISHAP } from './mishap.js';
import { findTargets, findTriggers, tokenize, type Language } from './lexicon/matcher.js';
import type { TargetClass } from './lexicon/targets.js';
import { tellsDeaths, type Sense } from './lexicon/triggers.js';

export interface Trigger {
  eventType: EventType;
  subEventType: string;
  /** How strongly the words point to a concrete event of this type. */
  weight: number;
  /** Offset of the trigger in the folded sentence. */
  index: number;
  /** The sense of the lexicon the words have. */
  sense: Sense;
  /** An attack whose target the sentence does not name: battle or attack on civilians is a guess. */
  uncertain?: boolean;
}

/** An ACLED event type and sub-event type. */
export type Kind = readonly [EventType, string];
export const ARMED_CLASH: Kind = ['Battles', 'Armed clash'];
export const ATTACK: Kind = ['Violence against civilians', 'Attack'];
/** Goods seized with nobody held, as the corpus codes a seizure. */
export const SEIZURE: Kind = ['Strategic developments', 'Other'];

// Senses whose type does not depend on a target.
const DIRECT: Partial<Record<Sense, Kind>> = {
  suicide: ['Explosions/Remote violence', 'Suicide bomb'],
  air: ['Explosions/Remote violence', 'Air/drone strike'],
  ied: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  explosion: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  shelling: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  grenade: ['Explosions/Remote violence', 'Grenade'],
  takeover: ['Battles', 'Government regains territory'],
  clash: ARMED_CLASH,
  neutralise: ARMED_CLASH,
  abduct: ['Violence against civilians', 'Abduction/forced disappearance'],
  sexual: ['Violence against civilians', 'Sexual violence'],
  protest: ['Protests', 'Peaceful protest'],
  riot: ['Riots', 'Violent demonstration'],
  mob: ['Riots', 'Mob violence'],
  arrest: ['Strategic developments', 'Arrests'],
  loot: ['Strategic developments', 'Looting/property destruction'],
  destroy: ['Strategic developments', 'Looting/property destruction'],
  weapons: ['Strategic developments', 'Disrupted weapons use'],
  patrol: ['Strategic developments', 'Change to group/activity'],
  agreement: ['Strategic developments', 'Agreement'],
  base: ['Strategic developments', 'Headquarters or base established'],
  cattle: ['Border activity', 'Cattle rustling'],
  smuggling: ['Border activity', 'Smuggling'],
  drugs: SEIZURE,
  gold: ['Border activity', 'Illegal gold mining'],
  displacement: ['Border activity', 'Displacement'],
  crossing: ['Border activity', 'Illegal crossing'],
};

const DISPERSAL = /\b(disperse\w*|lacrymogenes?|tear ?gas|charg(?:e|es) par|baton\w*)\b/;
const SOLDIERS_KILLED =
  /\b(?:dont|most of them|mostly|including|parmi (?:eux|lesquels)|en majorite des)\b[^.]{0,30}\b(?:soldats|soldiers|militaires|gendarmes|policiers)\b|\b(?:soldats|soldiers|militaires|gendarmes|policiers|troops|(?:security|defen[cs]e) (?:forces|personnel)|agents des eaux et forets|gardes forestiers|forest guards|rangers)\b (?:[a-z']+ ){0,3}(?:ont ete |were |have been )?(?:tues|killed)\b/;
// Old mines cleared from a land (« dépolluer », "lost to landmines"): a programme, unless someone is hurt.
const OLD_MINES =
  /\b(deminage|depollu\w*|antimines?|restes explosifs|demining|mine clearance|mine action|explosive remnants|lost to (?:land)?mines|terres? minees?|mined land)\b/;
// « Les travaux se sont achevés »: a meeting that ended, not men finished off.
const ENDED = /\bs(?:e |'|’ ?)(?:(?:sont|est|etait|etaient) )?$/;
// « ont achevé samedi un exercice »: a task finished, no one finished off.
const FINISHED_TASK =
  /^\w+ (?:\w+ )?(?:un|une|le|la|les|l'|leur|leurs|son|sa|ses) (?:exercices?|formations?|travaux|missions?|visites?|tournees?|sessions?|stages?|programmes?|saisons?|campagnes?|chantiers?)\b/;
// A drill's enemy (« un ennemi fictif », "a mock attack"): nothing happened to anyone.
const MAKE_BELIEVE = /\b(fictifs?|fictives?|(?:attaque|embuscade|assaut) simulee|(?:simulated|mock) (?:attack|ambush|assault|raid)s?)\b/;
// Drones, aircraft and helicopters striking: an air strike, whatever the verb.
// « les avions », never « nous avions » (we had).
const AIR_MEANS =
  /\b(drones?|aviation|avions? de (?:chasse|combat|guerre)|(?:les|des) avions|avions (?:francais|militaires)|mirage 2000|bombardiers|aeronefs?|vecteurs? aeriens?|helicopteres? de combat|armee de l'air|forces? aeriennes?|air force|aircraft|warplanes?|fighter jets?|helicopter gunships?)\b/;
// « présumés jihadistes », "suspected militants": the armed men named are suspects, not actors.
const SUSPECTED = /\b(?:suspected|presumed|alleged|suspects?|presumee?s?|supposee?s?)\s+\w+/g;
const ARMED_MEN_VEHICLES = /\b(?:pick[ -]?ups?|vehicules?|motos?|motocyclettes?|vehicles?|motorbikes?|motorcycles?|technicals?)\b/;
// Words of arrests said of no one held: « tout mouvement suspect », « le bois saisi sera mis à la
// disposition des Eaux et Forêts » (goods handed over, not people). Read as "before|word".
const NO_ONE_HELD =
  /(?:\b(?:no |aucune? |pas d'|sans )\|[a-z]+$|\b(?:aucune? (?:personne|individu|suspect)|personne|nobody|no one) (?:n'a|n'ont|n'a pu|was|has been|could be)(?: ete| been| etre)? \|[a-z]+$|\b(?:mouvements?|objets?|colis|vehicules?|activites?|comportements?|presences?) \|suspecte?s?|\bsaisie?s? (?:(?:sera|seront|a ete|ont ete|est|sont) )?\|mise?s?)$/;
const NO_FIGHT = /\b(?:pas eu d'|pas d'|aucun |sans |no |without )$/;
const FUTURE_BEFORE = /\b(?:sera|seront|will(?: be)?|shall be)\s+$/;
const THREAT_BEFORE = /\b(?:menaces? d'|risques? d'|threats? of (?:an? |new )?|risk of (?:an? |new )?)(?:\w+ )?$/;
const PLANNED_AFTER = /^[\w']+ (?:a (?:commettre|perpetrer|mener)|to be (?:carried out|committed))\b/;
const THEN_KILLED =
  /^[\w']+\b[^.;]{0,40}?\b(?:puis|avant d'etre|then|before being|and|et)\s+(?:(?!autres|others)[\w']+\s+){0,2}?(?:tues?|tuees?|assassine\w*|execute\w*|abattue?s?|killed|murdered|executed|shot dead)\b/;
const SEIZED = /\b(saisi(?:e|es|s)?|saisies?|confisque\w*|intercepte\w*|seized|seizure|confiscated|intercepted)\b/;

export function foldSentence(sentence: string): string {
  return sentence.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'");
}

// Words before an attack's trigger that make it the past of the sentence's own event: the pluperfect
// (« où quatorze hommes avaient été tués »), or an attack named as what arrests followed
// (« l'enquête sur l'attaque », "suspected of the attack", « après l'embuscade »).
const PLUPERFECT_BEFORE = /\b(?:avai(?:t|ent)(?: ete)?|had(?: been)?)\s*$/;
const FOLLOWED =
  /\b(?:enquetes? sur|in connection with|suspected of|suspects? in|auteurs? (?:presumes? )?d[eu']|responsables? d[eu']|implique\w* dans|en lien avec|linked to|suite a|apres|after|following|over)\s+(?:l'|la |le |les |the |an? |une? |des |du )?(?:[\w-]+ ){0,2}$/;
// « Kayes s'embrase après la mort d'un jeune motard abattu par un policier »: the death the
// riot or protest answered is its cause, told before it.
const DEATH_CAUSE =
  /\b(?:apres|suite a|after|following|over) (?:la mort|le deces|l'assassinat|le meurtre|the death|the killing|the shooting|the murder)\b[^.;:]*$/;
// « ont défilé … pour exiger la fin des assassinats », "marched to denounce the killings": the
// killings a protest denounces are its cause, not its event.
const DENOUNCED = /\b(?:pour|to) (?:exiger|denoncer|condamner|dire non a(?:ux?)?|reclamer justice pour|demand|denounce|condemn)\b[^.;:]*$/;

/** The type of an act aimed at a target of this class. */
function byTarget(target: TargetClass | undefined, folded: string): Kind | null {
  switch (target) {
    case 'military':
    case 'post':
    case 'militants':
      return ARMED_CLASH;
    case 'civilians':
    case 'market':
    case 'worship':
    case 'village':
      return ATTACK;
    case 'convoy':
      return MILITARY_PRESENT.test(folded) ? ARMED_CLASH : ATTACK;
    case 'property':
      return ['Strategic developments', 'Looting/property destruction'];
    default:
      return null;
  }
}

/** Every trigger of the sentence, strongest first, with the context adjustments of ACLED coding. */
export function classifySentence(sentence: string, language?: Language): Trigger[] {
  const folded = foldSentence(sentence);
  if (MAKE_BELIEVE.test(folded)) return [];
  const tokens = tokenize(folded);
  const languages: Language[] = language ? [language] : ['fr', 'en'];
  const triggers: Trigger[] = [];
  for (const lang of languages) {
    const targets = findTargets(tokens, lang);
    const hits = findTriggers(tokens, lang);
    const hurt = hits.some((h) => tellsDeaths(h.value.sense));
    for (const hit of hits) {
      const row = hit.value;
      const index = tokens[hit.start]!.index;
      const before = folded.slice(Math.max(0, index - 60), index);
      const target = targetOf(hit, targets, tokens);
      // « vise à renforcer », "aims to": an aim, not an act.
      if (row.needsTarget && (!target || ['a', 'to'].includes(tokens[hit.end]?.word ?? ''))) continue;
      if (tellsDeaths(row.sense) && MISHAP.test(folded)) continue;
      if ((row.sense === 'weapons' || row.sense === 'ied') && OLD_MINES.test(folded) && !hurt) continue;
      if (tokens[hit.start]!.word.startsWith('achev') && (ENDED.test(folded.slice(Math.max(0, index - 14), index)) || FINISHED_TASK.test(folded.slice(index))))
        continue;
      // « Aucun bilan n'a été communiqué », "no toll was given": no deaths told, no event either.
      if (row.sense === 'toll' && /\b(?:aucun|no|pas de)\s+$/.test(folded.slice(Math.max(0, index - 8), index))) continue;
      // « 6 500 policiers seront déployés », "troops will be deployed": a plan, not an act.
      if (FUTURE_BEFORE.test(folded.slice(Math.max(0, index - 24), index))) continue;
      // « des menaces d'attentats », "the threat of attacks", « des attentats à commettre »: a threat
      // or a plan, not an act.
      if (THREAT_BEFORE.test(folded.slice(Math.max(0, index - 24), index)) || PLANNED_AFTER.test(folded.slice(index, index + 40))) continue;
      // « enlevés puis assassinés », "abducted and executed": the killing is the event (not when
      // others are the ones killed: « trois enlevés et deux autres tués »).
      if (row.sense === 'abduct' && THEN_KILLED.test(folded.slice(index))) continue;
      // « Il n'y a pas eu d'affrontement », "without clashes": a fight denied is none.
      if (row.sense === 'clash' && NO_FIGHT.test(folded.slice(Math.max(0, index - 14), index))) continue;
      if (row.sense === 'attack' && raidByForces(tokens[hit.start]!.word, before)) continue;
      if (row.sense === 'arrest' && NO_ONE_HELD.test(`${folded.slice(Math.max(0, index - 40), index)}|${tokens[hit.start]!.word}`)) continue;
      let kind: Kind | null = DIRECT[row.sense] ?? null;
      let weight = row.weight;
      let uncertain = false;
      if (row.sense === 'attack') {
        kind = byTarget(target, folded);
        if (!kind) {
          // No target named: the forces or the civilians the sentence names tell which.
          kind = STATE_FORCES.test(folded) ? ARMED_CLASH : CIVILIANS.test(folded) ? ATTACK : ARMED_CLASH;
          uncertain = !STATE_FORCES.test(folded) && !CIVILIANS.test(folded);
          weight -= 1;
        }
      } else if (row.sense === 'kill' || row.sense === 'toll') {
        // The dead are soldiers (« most of them soldiers », « soldiers and civilians were killed »):
        // the armed forces fought, a battle.
        kind = SOLDIERS_KILLED.test(folded) ? ARMED_CLASH : (byTarget(target, folded) ?? ATTACK);
        if (kind[1] === 'Looting/property destruction') kind = ATTACK;
      }
      // Forces who fire on people and wound or kill only civilians attacked civilians, whatever
      // the words name as the act's object (« trois civils blessés lors d'une incursion de l'armée »).
      if (
        kind === ARMED_CLASH &&
        (row.sense === 'attack' || row.sense === 'kill' || row.sense === 'toll') &&
        target !== 'post' &&
        CIVILIAN_VICTIMS.test(folded) &&
        !FORCES_VICTIMS.test(folded) &&
        !NON_STATE.test(folded)
      )
        kind = ATTACK;
      if (!kind) continue;
      let [type, sub] = kind;
      if (type === 'Protests') {
        if (KILLED.test(folded) && SECURITY_FORCES.test(folded)) {
          sub = 'Excessive force against protesters';
          weight = 8;
        } else if (DISPERSAL.test(folded)) {
          sub = 'Protest with intervention';
          weight = 7;
        }
      }
      // Fire set and goods wrecked by armed men, or by no crowd the sentence names, are destruction, not a riot.
      // A town that « s'embrase » is its people rising, named or not.
      const aflame = /embras/.test(folded.slice(index, index + 12));
      if (type === 'Riots' && sub === 'Violent demonstration' && row.sense === 'riot' && (NON_STATE.test(folded) || (!CROWD.test(folded) && !aflame))) {
        [type, sub] = DIRECT.destroy!;
        weight = Math.min(weight, 7);
      }
      if (sub === 'Looting/property destruction' && KILLED.test(folded) && CIVILIANS.test(folded)) [type, sub] = ATTACK;
      // Robbers who rob people or wound them attacked them; livestock taken is cattle rustling.
      if (row.sense === 'loot') {
        const victim = theftVictim(folded);
        if (victim === 'people' && !SECURITY_FORCES.test(folded)) [type, sub] = ATTACK;
        if (victim === 'livestock') [type, sub] = DIRECT.cattle!;
      }
      // Armed groups, not the state, taking a town.
      // « bases rebelles détruites »: the rebels lost them.
      if (
        sub === 'Government regains territory' &&
        NON_STATE.test(folded.slice(0, index + 40)) &&
        !STATE_FORCES.test(folded) &&
        !/^bases? rebelles?\b/.test(folded.slice(index))
      ) {
        sub = 'Non-state actor overtakes territory';
      }
      // Demonstrators who « réoccupent les axes » block roads: a protest, not territory taken.
      if (row.sense === 'takeover' && DEMONSTRATION.test(folded) && !NON_STATE.test(folded) && !STATE_FORCES.test(folded)) [type, sub] = DIRECT.protest!;
      // Forces destroying the armed men's vehicles (« les FAMa détruisent deux pick-up terroristes »)
      // fought them, unless from the air.
      if (row.sense === 'destroy' && STATE_FORCES.test(folded) && NON_STATE.test(folded) && ARMED_MEN_VEHICLES.test(folded) && !AIR_MEANS.test(folded))
        [type, sub] = ARMED_CLASH;
      // Forces clashing with demonstrators or gold miners face a riot, not a battle; so do the police
      // clashing with residents ("residents clash with police"), and so does an anger or a
      // demonstration that turns to clashes (« la colère tourne à l'affrontement »).
      if (
        type === 'Battles' &&
        sub === 'Armed clash' &&
        row.sense === 'clash' &&
        (RIOTERS.test(folded) || DEMONSTRATION.test(folded) || ANGER.test(folded) || (CIVILIANS.test(folded) && POLICE.test(folded))) &&
        !NON_STATE.test(folded)
      )
        [type, sub] = DIRECT.riot!;
      // An ambush laid by robbers where no force is named waits for travellers, not soldiers.
      if (
        type === 'Battles' &&
        sub === 'Armed clash' &&
        row.sense === 'clash' &&
        (CIVILIANS.test(folded) || ROBBERS.test(folded)) &&
        !MILITARY_PRESENT.test(folded)
      )
        [type, sub] = ATTACK;
      // Residents of two villages, or youths of two sides of a border, fighting each other: mob violence.
      if ((row.sense === 'clash' || row.sense === 'riot') && communalFight(folded)) [type, sub] = DIRECT.mob!;
      // Contraband seized by the forces is a concrete event, not a mention of a trade; the corpus
      // codes it as the seizure it is (the arrests told with it outweigh it).
      if (sub === 'Smuggling' && SEIZED.test(folded)) [type, sub, weight] = [...SEIZURE, 7];
      if (sub === 'Arrests' && migrantsStopped(folded)) [type, sub] = DIRECT.crossing!;
      if (
        AIR_MEANS.test(folded) &&
        (row.sense === 'attack' || row.sense === 'neutralise' || row.sense === 'kill' || row.sense === 'toll') &&
        !/\b(contre|against) (?:les |des |un |une |the )?(drones?|aviation)/.test(folded)
      ) {
        [type, sub] = DIRECT.air!;
      }
      if (sub === 'Grenade' && /lacrymogene|desencerclement|tear/.test(folded)) continue;
      // « bombarder de pierres »: stones thrown by a crowd, not shells or bombs from the air.
      if (row.sense === 'air' && /^[a-z]+ (?:de|avec des) (?:pierres|cailloux|projectiles)\b|^\w+ \w+ (?:with )?stones\b/.test(folded.slice(index)))
        [type, sub] = DIRECT.riot!;
      // A crowd (« la population », « la foule », « des jeunes ») that « s'en prend » to people or
      // goods with no armed men named: mob violence, not an armed attack.
      // So is a crowd that kills (« une foule en furie a tué quatre hommes »), not one killed.
      const crowdKills = row.sense === 'kill' && /\b(?:la|une) foule\b/.test(before) && !/\b(?:ete|been|were|was)\s+$/.test(before);
      // A crowd that storms a post or a camp of the forces riots (« des orpailleurs en colère ont pris
      // d'assaut le point d'appui … qu'ils ont saccagé »).
      if (((row.sense === 'attack' && CROWD_AGENT.test(before)) || crowdKills) && !NON_STATE.test(folded)) {
        [type, sub] = row.sense === 'attack' && (target === 'post' || target === 'military') ? DIRECT.riot! : DIRECT.mob!;
      }
      // « Manif du FNDC à Lélouma : la résidence du préfet pris pour cible »: what a demonstration
      // attacks, with no armed men named, its demonstrators attacked, a riot.
      if (row.sense === 'attack' && DEMONSTRATION.test(folded.slice(0, index)) && !NON_STATE.test(folded)) [type, sub] = DIRECT.riot!;
      // « l'attaque de la brigade par des jeunes »: a post or goods attacked by a crowd, a riot.
      if (row.sense === 'attack' && CROWD_AFTER.test(folded.slice(index, index + 80)) && !NON_STATE.test(folded)) [type, sub] = DIRECT.riot!;
      // Armed men do not arrest: people they « arrêtent » or "detain" are abducted.
      const clause = folded.slice(Math.max(0, index - 80, folded.lastIndexOf(';', index) + 1, folded.lastIndexOf(':', index) + 1), index);
      // Men taken by foreign paramilitaries (Wagner, the Africa Corps) are counted, as ACLED does,
      // among forced disappearances, not arrests.
      if (row.sense === 'arrest') {
        // « capturés … par une bande armée »: the agent of a passive arrest, told after it.
        const agent = /^[^.;:]{0,60}?\b(?:par|by) (?:des |une |un |les |the |an? )?([a-z' ]{3,30})/.exec(folded.slice(index))?.[1] ?? '';
        // "Suspected jihadists were detained": told in the passive, or named as suspects, the armed
        // men before the verb are the ones held, not the ones holding.
        const subject = PASSIVE_BEFORE.has(tokens[hit.start - 1]?.word ?? '') ? '' : withoutSupplied(clause.replace(SUSPECTED, ' '));
        const byArmedMen = (NON_STATE.test(subject) || NON_STATE.test(agent)) && !STATE_FORCES.test(clause) && !STATE_FORCES.test(agent);
        if (byArmedMen || PARAMILITARIES.test(folded)) [type, sub] = DIRECT.abduct!;
      }
      triggers.push({ eventType: type, subEventType: sub, weight, index, sense: row.sense, ...(uncertain ? { uncertain } : {}) });
    }
  }
  const held = heldByArmedMen(folded);
  if (held >= 0 && !triggers.some((t) => t.subEventType === 'Abduction/forced disappearance'))
    triggers.push({ eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', weight: 8, index: held, sense: 'abduct' });
  // An attack told in the pluperfect, or as what arrests followed, is the past of the sentence's
  // event: the arrest (or the other act) leads.
  const past = (t: Trigger) =>
    (t.sense === 'attack' || t.sense === 'kill' || t.sense === 'clash' || t.sense === 'toll') &&
    (PLUPERFECT_BEFORE.test(folded.slice(Math.max(0, t.index - 20), t.index)) ||
      (triggers.some((o) => o.sense === 'arrest') && FOLLOWED.test(folded.slice(Math.max(0, t.index - 60), t.index))) ||
      (triggers.some((o) => o.sense === 'riot' || o.sense === 'protest') &&
        (DEATH_CAUSE.test(folded.slice(Math.max(0, t.index - 60), t.index + 12)) || DENOUNCED.test(folded.slice(Math.max(0, t.index - 60), t.index)))));
  const present = triggers.filter((t) => !past(t));
  if (present.length > 0 && present.length < triggers.length) {
    const lead = Math.min(...present.map((t) => t.weight));
    for (const t of triggers) if (past(t)) t.weight = Math.min(t.weight, lead - 1);
  }
  // Killings at a protest are the protest's story (force against protesters), not a separate attack.
  const protest = triggers.some((t) => t.eventType === 'Protests');
  // A bomb, a mine, a shell or a drone says how the people were killed or the camp attacked: the
  // means is the event's type, above the attack or the toll it caused.
  const generic = triggers.filter((t) => t.sense === 'attack' || t.sense === 'kill' || t.sense === 'toll');
  const strongestGeneric = Math.max(0, ...generic.map((t) => t.weight));
  for (const t of triggers) if (t.eventType === 'Explosions/Remote violence' && t.weight <= strongestGeneric) t.weight = strongestGeneric + 1;
  // Demonstrators arrested as their protest is broken up are its intervention (protest-arrests.ts).
  // The same type found by several words counts once, at its strongest.
  return protestArrests(triggers, folded)
    .filter((t) => !(protest && t.eventType === 'Violence against civilians' && t.subEventType === 'Attack'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .filter((t, i, all) => all.findIndex((o) => o.subEventType === t.subEventType && o.eventType === t.eventType) === i);
}
