/**
 * Event type of a sentence: French and English trigger expressions mapped to the ACLED taxonomy
 * (plus the border categories). Patterns run on the folded sentence (lower case, no accents).
 */
import type { EventType } from '../domain/event-types.js';

export interface Trigger {
  eventType: EventType;
  subEventType: string;
  /** How strongly the words point to a concrete event of this type. */
  weight: number;
  /** Offset of the trigger in the folded sentence. */
  index: number;
}

type Rule = [EventType, string, number, RegExp];

const MILITARY_TARGET = '(?:un |une |le |la |les |des |l\'|d\'un |d\'une |du |de la |de l\')?(?:poste(?! de police)|camp|base|patrouille|convoi|colonne|position|militaires|soldats|armee|detachement|escorte|unite|check-?point|caserne)';

// Words of a date between a verb and its object: "ont attaqué jeudi 5 juin le poste".
const WHEN = '(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\\d{1,2}(?:er)?|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|\\d{4}|matin|soir|nuit|dernier|on|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? ){0,4}';

const RULES: Rule[] = [
  ['Explosions/Remote violence', 'Suicide bomb', 11, /\b(kamikazes?|attentats?[- ]suicides?|suicide (?:bomb(?:ing|er|ers)?|attack)|(?:vehicules?|voitures?|camions?) piegee?s?|(?:car|vehicle|truck) bombs?|packed with explosives)\b/],
  ['Explosions/Remote violence', 'Air/drone strike', 10, /\b(frappes? (?:aeriennes?|de drones?|d'aviation)|bombardements? aeriens?|raids? aeriens?|air ?strikes?|air raids?|drone (?:strikes?|attacks?)|frappes? (?:ciblees?|menees?) par (?:l'aviation|des drones)|fighter jets? (?:struck|hit|bombed)|aviation (?:militaire )?a (?:frappe|bombarde)|drones? (?:[\w']+ ){0,5}?(?:ont|a) (?:frappe|bombarde|vise|neutralise)|drones? (?:struck|hit|targeted))\b/],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 10, /\b((?:saute|sautant|roule|roulant|heurte) sur (?:une |un )?(?:mine|engin)|(?:heurte|percute|touche) (?:une |un )(?:mine|eei)\b|eei|mines? artisanales?|engins? explosifs?|\bied\b|improvised explosive|explosive devices?|(?:struck|hit|ran over|drove over|detonated) an? (?:anti-?tank |land ?|roadside )?(?:mine|bomb)|(?:landmine|mine) (?:blast|explosion)|explosion d'une mine|roadside bombs?)\b/],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 7, /\b(blast|explosion|explose|a explose)\b/],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 9, /\b(obus|tirs? de mortiers?|roquettes?|shelling|mortars? (?:fire|rounds?|shells?)|rockets? (?:fired|hit))\b/],
  ['Explosions/Remote violence', 'Grenade', 8, /\b(grenades?)\b(?! lacrymogene)(?! de desencerclement)/],
  ['Battles', 'Government regains territory', 9, /\b((?:pris|repris|reprendre|prendre|reprise) (?:le )?controle d[eu']|pris position (?:a|dans)|(?:took|taken|retook|regained|seized|taking) control of|reoccup\w*|reconqu(?:is|ise|ierent|ete)|recaptured|retook)\b/],
  ['Battles', 'Armed clash', 9, new RegExp(`\\b(embuscades?|ambush(?:ed|es)?|affrontements?|accrochages?|combats? (?:entre|contre|ont oppose|avec)|echanges? de tirs|heurts (?:intercommunautaires|entre (?:[\w']+ ){0,2}?(?:agriculteurs|eleveurs|cultivateurs|communautes|villages|milices|chasseurs|dozos|groupes))|clash(?:es|ed)?|fighting between|fire ?fight|(?:attaque|assaut|attack|assault|offensive)s? (?:contre|visant|on|against|d'|de) ${MILITARY_TARGET}|came under attack|(?:attacked|stormed|raided) (?:an? |the )?(?:army|military|soldiers|troops|base|post|convoy|patrol|camp)|repouss(?:e|er|ent|ee) (?:une |l')?(?:attaque|assaut)|repelled (?:an? |the )?(?:attack|assault)|ont fondu sur|pris pour cibles? ${MILITARY_TARGET}|s'en (?:sont )?pris a ${MILITARY_TARGET}|attaque (?:terroriste|jihadiste|djihadiste) contre)\\b`)],
  ['Battles', 'Armed clash', 9, new RegExp(`\\b(?:attaqu(?:e|ent|erent|ant|ait|aient)|pris d'assaut|assailli) ${WHEN}${MILITARY_TARGET}`)],
  ['Violence against civilians', 'Attack', 8, new RegExp(`\\b(?:attaqu(?:e|ent|erent|ant|ait|aient)|pris pour cible|stormed|attacked|raided|(?:attaque|attack|raid)s? (?:contre|on|against|of|du|de|d')) ${WHEN}(?:le |la |les |un |une |des |l'|a |the )?(?:village|hameau|marche|localite|foire|bus|car|vehicules? de transport|passagers|civils|habitants|fideles|mosquee|eglise|ecole|villagers|civilians|market|worshippers)\\b|\\b(?:ouvert le feu|opened fire|opening fire) (?:sur|on) (?:[\\w']+ ){0,2}?(?:civils|habitants|passagers|fideles|villageois|commercants|forains|civilians|villagers|traders|passengers|worshippers|residents)\\b`)],
  ['Strategic developments', 'Looting/property destruction', 7, /\b(?:incendi\w*|brule\w*|torched|burned|set fire to) (?:\w+ ){0,2}(?:greniers?|maisons|cases|boutiques|commerces|recoltes|granaries|houses|homes|shops)\b/],
  ['Battles', 'Armed clash', 8, /\b(?:neutralise\w*|neutralized|killed) (?:\w+ ){0,3}(?:terroristes|assaillants|jihadistes|djihadistes|combattants|hommes armes|elements terroristes|terrorists|militants|fighters|insurgents)\b/],
  ['Violence against civilians', 'Abduction/forced disappearance', 9, /\b(enleve(?:e|s|es)?|enlevements?|kidnapp\w*|abduct\w*|rapts?|pris en otages?|otages?|hostages?|sequestre\w*|disparitions? forcees?|interceptes? (?:et|puis) (?:detenus|emmenes))\b/],
  ['Violence against civilians', 'Sexual violence', 8, /\b(viols?|violee?s?|rape[ds]?|sexual (?:violence|assault))\b/],
  ['Violence against civilians', 'Attack', 8, /\b(massacres?|abattue?s?|assassin(?:e|ee|es|at|ats)|egorge\w*|executee?s?|shot dead|gunned down|(?:civils?|villageois|habitants|passagers|civilians|villagers|residents) (?:ont ete |were |a ete |was )?(?:tues|tue|massacres|killed|executes)|tue (?:par balles?|d'une balle)|killed (?:\w+ )?civilians|(?:ont|a|avoir|et) (?:tue|abattu|execute) (?:[\w']+ ){0,5}?(?:personnes|civils|bergers|eleveurs|commercants|paysans|cultivateurs|agriculteurs|orpailleurs|villageois|chauffeurs|forains|fideles)|fait irruption (?:dans|a) (?:le |la |l'|un |une )?(?:village|hameau|marche|mosquee|eglise|ecole|foire)|(?:killed|shot) (?:[\w']+ ){0,3}?(?:people|herders|farmers|traders|villagers|worshippers|miners)|tirs? sur (?:les |des )?(?:passagers|civils|habitants))\b/],
  ['Protests', 'Peaceful protest', 6, /\b(marches? (?:pacifiques?|pour|contre|de protestation)|(?:pris part|participe) a une marche|marcheurs|march(?:ent|aient|e) (?:contre|pour)|manifestations?|manifestants|(?:ont |a )manifeste|manifest(?:aient|ait|ent|erent)|sit-in|protest(?:s|ers|ed|ing)?|demonstrat(?:ion|ions|ors)|rassemblements? (?:pour|contre))\b/],
  ['Riots', 'Violent demonstration', 8, /\b(emeutes?|emeutiers|heurts(?! (?:intercommunautaires|entre (?:[\w']+ ){0,2}?(?:agriculteurs|eleveurs|cultivateurs|communautes|villages|milices|chasseurs|dozos|groupes)))|saccag\w*|(?:mettre|mis|mettent) le feu|incendi(?:e|ent|erent|ant) (?:[\w']+ ){0,4}?(?:le|la|un|une|des|l') ?(?:poste|commissariat|gendarmerie|batiment|mairie|siege|domicile|marche|bus|vehicule)|(?:lance|jete|jets? de) (?:des )?pierres|pneus brules|riots?|rioters|violent (?:demonstrations?|protests?))\b/],
  ['Riots', 'Mob violence', 8, /\b(lynch\w*|vindicte populaire|mob (?:violence|attack|justice))\b/],
  ['Strategic developments', 'Arrests', 7, /\b(arrete(?:s|e|es)?|arrestations?|interpell\w*|apprehende\w*|demantel\w*|garde a vue|(?:mis|mettre|met|mettent) la main (?:[\w']+ ){0,6}?sur|arrested|detained|arrests?|dismantl\w*|(?:broke|breaks?) up (?:a|an|the) (?:\w+ ){0,2}(?:cell|network|gang|ring)|taken into custody|rounded up)\b/],
  ['Strategic developments', 'Looting/property destruction', 7, /\b(braquages?|braque(?:s|es)?|coupeurs de routes?|depouille\w*|pill(?:age|e|es|ent|erent)|vols? a main armee|butin|looted|looting|robbed|robbery|robberies|hold-?ups?)\b/],
  ['Strategic developments', 'Change to group/activity', 6, /\b(patrouilles? (?:conjointes?|mixtes?|fluviales?|transfrontalieres?)|patrouillent|(?:ont|a) sillonne|joint (?:border |river )?patrols?|patrol(?:led)? (?:together|jointly)|lancement (?:officiel )?(?:des |de la |d'une )?(?:patrouilles?|operation)|launch(?:ed|es)? (?:joint |a joint |an? )?(?:patrols?|operation)|operation (?:militaire )?(?:lancee|baptisee)|(?:ont |a )?lance (?:[\w']+ ){0,5}?(?:une |des |la |les )(?:\w+ )?(?:operation|patrouilles?)|deploie(?:nt)?|deploiement|deployed|exercice (?:militaire )?conjoint|joint (?:military )?exercise)\b/],
  ['Strategic developments', 'Agreement', 6, /\b(accords? (?:de|sur|signes?|conclus?)|(?:ont |a )?signe (?:un|une|le|la) (?:accord|protocole|convention|memorandum)|protocole d'accord|signed an? (?:agreement|accord|memorandum|deal)|peace (?:deal|agreement)|cessez-le-feu|ceasefire)\b/],
  ['Strategic developments', 'Disrupted weapons use', 5, /\b(desamorc\w*|defused|caches? d'armes|weapons caches?|arms caches?|neutralise (?:un|une) (?:engin|mine))\b/],
  ['Strategic developments', 'Headquarters or base established', 5, /\b(install\w* (?:une|un|leur|sa) (?:base|camp|quartier general)|(?:new|set up an?) (?:military )?base)\b/],
  ['Border activity', 'Cattle rustling', 6, /\b(vols? de betail|vols? de (?:boeufs|bovins|troupeaux)|cattle (?:rustl\w*|theft|raid\w*)|enlevement de betail)\b/],
  ['Border activity', 'Smuggling', 5, /\b(contrebande|smuggl\w*|trafic (?:de|d')\w+|trafiquants)\b/],
  ['Border activity', 'Illegal gold mining', 4, /\b(orpaillage clandestin|orpailleurs clandestins|sites? d'orpaillage (?:illegal|clandestin)\w*|illegal (?:gold )?mining)\b/],
  ['Border activity', 'Displacement', 4, /\b(deplaces internes|ont fui (?:leurs|les) (?:villages|localites)|displaced (?:people|persons|families)|fled (?:their|the) villages?)\b/],
  ['Border activity', 'Illegal crossing', 4, /\b(passages? clandestins?|franchissements? illegaux|migrants? (?:interceptes|irreguliers)|illegal (?:crossings?|migrants?))\b/],
];

const KILLED = /\b(tues?|tuees?|morts?|deces|perdu la vie|succombe|killed|dead|died|deaths?|balles? reelles|shot)\b/;
const CIVILIANS = /\b(civils?|villageois|habitants|passagers|chauffeurs|routiers|civilians|villagers|residents|passengers|drivers|femmes|enfants|women|children)\b/;
const DISPERSAL = /\b(disperse\w*|lacrymogenes?|tear ?gas|charg(?:e|es) par|baton\w*)\b/;
const NON_STATE = /\b(jihadistes|djihadistes|terroristes|rebelles|insurges|groupes? arme|hommes armes|jnim|gsim|eigs|csp|militants|jihadists|rebels|insurgents|armed groups?)\b/;
const STATE_FORCES = /\b(armee|fama|forces armees|soldats|militaires|army|troops|soldiers|armed forces)\b/;
const SEIZED = /\b(saisi(?:e|es|s)?|saisies?|confisque\w*|intercepte\w*|seized|seizure|confiscated|intercepted)\b/;
const SECURITY_FORCES = /\b(police|policiers|gendarmes?|forces de l'ordre|forces de (?:defense et de )?securite|security forces|militaires|soldiers|troops|army|armee)\b/;

export function foldSentence(sentence: string): string {
  return sentence.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'");
}

/** Every trigger of the sentence, strongest first, with the context adjustments of ACLED coding. */
export function classifySentence(sentence: string): Trigger[] {
  const folded = foldSentence(sentence);
  const triggers: Trigger[] = [];
  for (const [eventType, subEventType, weight, pattern] of RULES) {
    const match = pattern.exec(folded);
    if (!match) continue;
    let type: EventType = eventType;
    let sub = subEventType;
    let w = weight;
    if (type === 'Protests') {
      if (KILLED.test(folded) && SECURITY_FORCES.test(folded)) {
        sub = 'Excessive force against protesters';
        w = 8;
      } else if (DISPERSAL.test(folded)) {
        sub = 'Protest with intervention';
        w = 7;
      }
    }
    if (type === 'Strategic developments' && sub === 'Looting/property destruction' && KILLED.test(folded) && CIVILIANS.test(folded)) {
      type = 'Violence against civilians';
      sub = 'Attack';
    }
    // Armed groups, not the state, taking a town.
    if (type === 'Battles' && sub === 'Government regains territory' && NON_STATE.test(folded.slice(0, match.index + 40)) && !STATE_FORCES.test(folded)) {
      sub = 'Non-state actor overtakes territory';
    }
    if (type === 'Battles' && sub === 'Armed clash' && CIVILIANS.test(folded) && !/\b(soldats|militaires|soldiers|troops|fama|escorte|escort|army|armee|convoi|convoy|patrouille|patrol)\b/.test(folded)) {
      type = 'Violence against civilians';
      sub = 'Attack';
    }
    // Contraband seized by the forces is a concrete event of the border, not a mention of a trade.
    if (type === 'Border activity' && sub === 'Smuggling' && SEIZED.test(folded)) w = 7;
    triggers.push({ eventType: type, subEventType: sub, weight: w, index: match.index });
  }
  // People held by armed men on a road are abducted, whatever the verb ("interceptés", "retenus").
  if (/\b(intercepte\w*|retenu\w*|detenu\w*|intercepted|held)\b/.test(folded) && /\b(groupes? armes?|hommes armes|jihadistes|djihadistes|terroristes|armed (?:men|groups?)|militants|jihadists)\b/.test(folded) && !triggers.some((t) => t.subEventType === 'Abduction/forced disappearance')) {
    triggers.push({ eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance', weight: 8, index: folded.search(/intercept|retenu|detenu|held/) });
  }
  // Killings at a protest are the protest's story (force against protesters), not a separate attack.
  const protest = triggers.some((t) => t.eventType === 'Protests');
  return triggers
    .filter((t) => !(protest && t.eventType === 'Violence against civilians' && t.subEventType === 'Attack'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
}
