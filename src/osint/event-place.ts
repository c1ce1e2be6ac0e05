/**
 * Where an event happened, from the places its sentence names: the most specific place wins (a
 * village before its district seat, a district seat before the capital), a village the gazetteer
 * lacks counts when the text introduces it as one (« le village de Gouari », « à Laghdaf »), and
 * places named for another reason are set aside: divisions (« cercle de Bankass »), directions
 * (« vers Bamako »), reference points when something closer is named (« près de Fassala »), the
 * seats of courts and hospitals, rivers. Datelines are removed before (clean-scrape.ts).
 */
import { featureRank, type Place } from '../geo/gazetteer.js';
import { haversineKm } from '../geo/great-circle.js';
import type { PlaceMention } from './find-places.js';
import type { Sentence } from './split-sentences.js';

// Words around a place name that say it is not where the event happened. An army's « secteur de
// Ségou » is the area its command covers, as wide as a division.
const DIVISION_BEFORE =
  /\b(region|wilaya|province|departement|cercle|arrondissement|district|moughataa|prefecture|commune|communaute rurale|secteur|sector) (?:de |du |d')?(?:la |l')?$/i;
// « le commissariat du 2e arrondissement de Kayes », « la commune IV de Bamako »: a numbered part
// of a town is in the town, not a division around it.
const TOWN_PART_BEFORE =
  /\b(?:(?:\d+(?:er|e|eme|ieme)?|premier|[ivx]+) (?:arrondissement|commune)|(?:arrondissement|commune) (?:[ivx]+|\d+)) (?:de |du |d')?(?:la |l')?$/i;
// « dans les régions de Ségou, Nara, Bougouni et Sikasso »: every name of the list is a division.
const DIVISION_LIST_BEFORE =
  /\b(?:regions|cercles|communes|provinces|departements|wilayas|districts|moughataas|prefectures) (?:de |du |d'|des |of )?(?:[a-z'-]+(?: [a-z'-]+)?, )*(?:[a-z'-]+(?: [a-z'-]+)? (?:et|and) )?$/i;

/** The words before a place (folded) say it is a division: « cercle de Bankass », « les régions de Ségou, Nara et Kayes », « Séké Silabada (Siguiri) ». */
function divisionBefore(folded: string, at: number): boolean {
  const before = (n: number) => folded.slice(Math.max(0, at - n), at);
  return (
    (DIVISION_BEFORE.test(before(24)) && !TOWN_PART_BEFORE.test(before(30))) ||
    DIVISION_LIST_BEFORE.test(before(80)) ||
    (AFTER_A_NAME.test(before(3)) && CLOSED_PARENTHESIS.test(folded.slice(at, at + 32)))
  );
}
// « Séké Silabada (Siguiri) », « Kourako (Doko) »: a name in parentheses right after another name is
// the area it lies in, as the press writes the prefecture or the circle after a village.
const AFTER_A_NAME = /[a-z]\s?\($/;
const CLOSED_PARENTHESIS = /^[a-z' -]{4,30}\)/;
// « the Tevolat area » is around the place, not a division of it: wider than a village, though.
const AREA_AFTER = /^\s+(?:area|vicinity|surroundings)\b/i;
// "in the Doko sub-prefecture", "Tessalit commune": English names the division before its kind.
const DIVISION_AFTER =
  /^[^\S\n]+(region|district|cercle|circle|sector|secteur|province|zone|sub-prefecture|prefecture|commune|department|municipality|moughataa|wilaya)\b/i;

/** The text names the place as a division: by the words around it, or as the gazetteer's first or second level. */
function namedAsDivision(p: PlaceMention, folded: string): boolean {
  return (
    divisionBefore(folded, p.index) ||
    DIVISION_AFTER.test(folded.slice(p.end, p.end + 20)) ||
    (p.place !== null && (p.place.featureCode === 'ADM1' || p.place.featureCode === 'ADM2'))
  );
}
// « des civils qui rejoignaient Arbinda », « en route pour Kidal », "deliveries to the capital,
// Bamako": where people or goods were going.
const DIRECTION_BEFORE =
  /\b(vers|rejoign\w*|regagn\w*|a destination d[eu']|en route (?:pour|vers)|on (?:its|their|the) way to|venus? d[eu']|venant d[eu']|arrivee?s? d[eu']|partie?s? d[eu']|repli\w* (?:vers|sur)|fled (?:to|towards)|came from|arrived from|en provenance d[eu']|en direction d[eu']|originaires? d[eu']|evacue\w* (?:vers|sur|a)|soigne\w* (?:a|au)|hospitalise\w* (?:a|au)|(?:treated|hospitali[sz]ed|admitted) (?:at|in)|transfere\w* (?:a|vers)|towards|heading (?:to|for)|bound for|from|to|(?:to|towards|vers|jusqu'a) (?:the |la )?capitale?,)\s+(?:la |le |l')?$/i;
// "le pont de la Falémé", "sur les rives du fleuve": the river, not the village of that name.
const WATERWAY_BEFORE =
  /\b(?:(?:pont|rives?|berges?|bords?|vallee|lit|traversee|franchi|traverse|enjambant|cours) (?:de la|du fleuve|de la riviere|du|le|la)|fleuve|riviere) $/i;
const WATERWAY_AFTER = /^\s+(river|fleuve|riviere)\b/i;
const INSTITUTION_BEFORE =
  /\b(tribunal|parquet|hopital|prefet|gouverneur|maire|universite|cour|court|hospital|mayor|governor|ambassade|embassy)(?: [a-z]+)? (?:de |du |d'|of |in |at |a )?(?:la |l')?$/i;
// A person known by a town's name (« le chérif de Nioro », "the Cherif of Nioro", « l'imam de
// Kayes »), the authorities of a capital ("authorities in Niamey"): the town is not where the event happened. (Not one of the place ranker's features:
// the shipped model was trained without it.)
const PERSON_OF_PLACE_BEFORE =
  /\b(?:cherif|imam|cheikh|cleric|chefs? (?:de|du) village|village chief|authorities|autorites|junte|junta) (?:de |du |d'|of |in |a )?(?:la |l'|the )?$/i;
// « selon notre correspondant à Zouérate », "our correspondent in Gao": where the reporter sits,
// as a dateline or a byline, not where the event happened.
const REPORTER_BEFORE =
  /\b(?:correspondante?s?|envoyee?s? speciale?s?|correspondents?|reporters?|stringers?) (?:local |locale |regional |sur place )?(?:a|au|en|de|in|at|based in)(?: la| le| l')? $/i;

// "près de Fassala", "à 20 km de Sadiola": a landmark to find the place by, weaker than the place itself.
const REFERENCE_BEFORE =
  /(?:\b\d+ ?(?:km|kilometres?|miles)\b[^.]{0,30}\b(?:de|du|d'|from|of)\s*(?:la |le |l')?$)|\b((?:pres|non loin|proche|aux environs) d(?:e|u|')(?: (?:village|localite|hameau|ville|commune) d[e'])?|a (?:une |quelques |\d+ )?(?:\w+ )?(?:km|kilometres?) (?:au \w+ )?d[eu']|(?:au )?(?:nord|sud|est|ouest)(?:-est|-ouest)? d[e']|near|outside|close to|(?:km|kilometres|miles) (?:\w+ )?(?:from|of)|(?:north|south|east|west) of)\s*(?:la |le |l'|the )?$/i;
// "l'axe Dori-Arbinda", "entre Bema et Diongo": the road the event happened on, weaker than a place on it.
// « la RN-6 reliant Sévaré à San »: the towns a road links are its ends, not the event's place.
// « l'axe Boni–Torodi »: the press joins a road's ends with a dash of any length.
// "between the towns of Boni and Torodi": both ends, however the pair is introduced.
const AXIS_BEFORE =
  /\b(?:(?:axe|route|troncon|piste|road|highway|between|entre|reliant|linking|connecting)(?:[ \u2013\u2014-][\w'-]+){0,2}[ \u2013\u2014-]|(?:between|entre) (?:the |les )?(?:towns|villages|localites|villes|communes) (?:of |de |d')?(?:(?:[\w'-]+ ){1,2}(?:and|et) )?)$/i;
// « the Anderamboukane road »: the road that leads there, as « la route d'Anderamboukane ».
const AXIS_AFTER = /^\s+(?:road|highway|axis)\b/i;
// « le village voisin de Sokorokanda », « a neighbouring village »: a place next to the event's,
// named for what happened there too, never more specific than the event's own place.
const NEIGHBOUR_BEFORE =
  /\b(?:(?:village|localite|hameau|bourg|ville|commune|campement)s? (?:voisine?s?|proches?|environnante?s?)|(?:neighbou?ring|nearby|adjacent) (?:village|town|locality|hamlet|settlement)s?) (?:de |d'|du |of )?$/i;
const LIST_JOINT = /^\s*(?:[-\u2013\u2014,/]|et|and)\s*$/;
const POINT_OF_WATER = /^(?:WLLS?|WTRH|SPNGS?)$/;
// A village or a locality named as such is as specific as a place gets.
const SETTLEMENT_BEFORE = /\b(village|hameau|localite|campement|bourg|hamlet|settlement)(?: \w+)? (?:de |d'|du |of )?$/i;
const TOWN_BEFORE = /\b(?:town|ville|locality)(?: \w+)? (?:de |d'|du |of )?$/i;
// « Dandouko, un village situé à 4 km de… », "Tassia, a village near…": named, then said to be one.
const SETTLEMENT_AFTER = /^,\s*(?:une?|a|the|le|la) (?:petite? |small )?(?:village|hameau|localite|campement|hamlet|settlement)\b/i;

export function within<T extends { index: number }>(items: readonly T[], sentence: Sentence): T[] {
  return items.filter((item) => item.index >= sentence.index && item.index < sentence.end);
}

/** How specific a place is, whatever its sentence: villages above towns, towns above the capital. */
export function placeSpecificity(p: PlaceMention, folded: string): number {
  const before = folded.slice(Math.max(0, p.index - 30), p.index);
  if (NEIGHBOUR_BEFORE.test(before)) return 3;
  // « le cercle de Kéniéba » names the division, however the gazetteer reads the name.
  if (divisionBefore(folded, p.index)) return 2;
  const settlement = SETTLEMENT_BEFORE.test(before) || SETTLEMENT_AFTER.test(folded.slice(p.end, p.end + 30));
  if (!p.place) return settlement ? 7 : p.cued ? 4.5 : 2;
  // « the town of Ber »: the gazetteer may know a town only by its marsh or its well.
  // A well or a water hole names a point of the desert, as specific as a village (Tabankort).
  if (p.place.featureClass !== 'P') return settlement || TOWN_BEFORE.test(before) || POINT_OF_WATER.test(p.place.featureCode) ? 6 : 1 + (p.cued ? 1 : 0);
  // PPL 4 → 6, PPLA3 → 5.5, PPLA2 → 5, PPLA → 4.5, PPLC → 4; a town of no rank (Aribinda, 45,000
  // people) is as wide as a seat of a third-level division.
  const town = p.place.featureCode === 'PPL' && p.place.population >= VILLAGE_POPULATION ? 0.5 : 0;
  return 4 + featureRank(p.place.featureClass, p.place.featureCode) * 0.5 - town + (settlement ? 1 : 0) + (p.cued ? 1 : 0);
}

/**
 * How much a mention says where the event happened, between sentences telling one event: its
 * specificity, less for a landmark (« près de Fassala »), a road's end or an institution's seat.
 */
export function placeWeight(p: PlaceMention, folded: string): number {
  const before = (n: number) => folded.slice(Math.max(0, p.index - n), p.index);
  return (
    placeSpecificity(p, folded) -
    (REFERENCE_BEFORE.test(before(40)) ? 3 : 0) -
    (AXIS_BEFORE.test(before(30)) || AXIS_AFTER.test(folded.slice(p.end, p.end + 10)) ? 2 : 0) -
    (INSTITUTION_BEFORE.test(before(30)) || PERSON_OF_PLACE_BEFORE.test(before(30)) ? 3 : 0)
  );
}

/** What the words around a mention say of it: a division, a direction, a landmark, a village… */
export function describePlace(p: PlaceMention, folded: string): string[] {
  const before = (n: number) => folded.slice(Math.max(0, p.index - n), p.index);
  const flags: string[] = [];
  if (namedAsDivision(p, folded)) flags.push('division');
  if (DIRECTION_BEFORE.test(before(30))) flags.push('direction');
  if (REFERENCE_BEFORE.test(before(40))) flags.push('reference');
  if (INSTITUTION_BEFORE.test(before(30))) flags.push('institution');
  if (AXIS_BEFORE.test(before(30))) flags.push('axis');
  if (WATERWAY_BEFORE.test(before(30)) || WATERWAY_AFTER.test(folded.slice(p.end, p.end + 8))) flags.push('waterway');
  if (SETTLEMENT_BEFORE.test(before(30))) flags.push('settlement');
  if (p.cued) flags.push('cued');
  if (p.place?.featureCode === 'PPLC') flags.push('capital');
  if (REPORTER_BEFORE.test(before(40))) flags.push('reporter');
  if (PAST_RELATIVE.test(before(80))) flags.push('past');
  return flags;
}

const PAST_CLAUSE = /\b(?:s'etai(?:en)?t|avai(?:en)?t|had)\b/;
// The clause runs from its pronoun to the place, with no comma between.
const PAST_RELATIVE = /\b(?:who|which|that|qui|qu'ils?|qu'elles?) (?:had|avai(?:en)?t|s'etai(?:en)?t) [^,;:.!?\n]*$/;

/** The place of a sentence, or none when every place it names is named for another reason (the seat of a court or a mayor counts only when nothing else is named). */
export function sentencePlace(places: readonly PlaceMention[], sentence: Sentence, folded: string, triggerAt: number): PlaceMention | undefined {
  const here = within(places, sentence);
  const before = (p: PlaceMention, n: number) => folded.slice(Math.max(0, p.index - n), p.index);
  const isDivision = (p: PlaceMention) => isCountry(p) || namedAsDivision(p, folded);
  const isOutside = (p: PlaceMention) =>
    isDivision(p) ||
    DIRECTION_BEFORE.test(before(p, 30)) ||
    REPORTER_BEFORE.test(before(p, 40)) ||
    PERSON_OF_PLACE_BEFORE.test(before(p, 30)) ||
    WATERWAY_BEFORE.test(before(p, 30)) ||
    WATERWAY_AFTER.test(folded.slice(p.end, p.end + 8)) ||
    // A river (« Casamance » is the river's name in the gazetteer) is no event's place.
    isRiver(p);
  const others = here.filter((p) => !isOutside(p));
  const isReference = (p: PlaceMention) => REFERENCE_BEFORE.test(before(p, 40));
  // « L'accord paraphé à Bissau … : les parties s'étaient déjà retrouvées à Toubacouta, à
  // Banjul »: a clause of the sentence in the pluperfect tells where things happened before.
  // "gunmen who had raided the village of Djinaki": a relative clause in the pluperfect, too.
  const inPastClause = (p: PlaceMention) => {
    const opening = Math.max(folded.lastIndexOf(':', p.index), folded.lastIndexOf(';', p.index));
    if (opening > sentence.index && PAST_CLAUSE.test(folded.slice(opening, p.index))) return true;
    return PAST_RELATIVE.test(folded.slice(Math.max(sentence.index, p.index - 80), p.index));
  };
  const isLabel = (p: PlaceMention) => p.index === sentence.index && /^\s*:/.test(folded.slice(p.end, p.end + 3));
  const isAxis = (p: PlaceMention) => AXIS_BEFORE.test(before(p, 30)) || AXIS_AFTER.test(folded.slice(p.end, p.end + 10));
  // « sur l'axe Dori-Arbinda, à 25 km de Gorgadji »: when no place is named plainly, the landmark
  // the event is measured from says more than the ends of a road a hundred kilometres long.
  const plain = others.some((p) => !isReference(p) && !isAxis(p));
  const score = (p: PlaceMention) =>
    placeSpecificity(p, folded) +
    (p.index >= triggerAt ? 0.5 : 0) -
    (isReference(p) && others.length > 1 ? (plain ? 3 : 1) : 0) -
    (isAxis(p) && others.length > 1 ? (plain ? 3 : 2) : 0) -
    (INSTITUTION_BEFORE.test(before(p, 30)) && others.length > 1 ? 3 : 0) -
    // « Ménaka : onze civils tués à Tevolat »: the name a headline opens with, before its colon,
    // is the story's area; the place the headline then names is the event's.
    (isLabel(p) && others.length > 1 ? 2 : 0) -
    (inPastClause(p) && others.length > 1 ? 5 : 0) -
    (p.place?.featureCode === 'PPLC' && others.length > 1 ? 1.5 : 0) -
    // « Diallassagou, Dianweli and Deguessagou, in the Bandiagara area »: the area is wider than the villages.
    (AREA_AFTER.test(folded.slice(p.end, p.end + 14)) && others.length > 1 ? 1.5 : 0);
  let best: PlaceMention | undefined;
  for (const p of others) if (!best || score(p) > score(best)) best = p;
  return best;
}

// A village within this distance of a town lies in the town's surroundings: « Traque des
// braqueurs à Kédougou » and the body's « zone aurifère de Bembou », 60 km away.
const WITHIN_REACH_KM = 60;
// A populated place this small, or of unknown size (most villages), is a village.
const VILLAGE_POPULATION = 10_000;

/** The place the sentence rules chose for the main event, and whether the sentence telling the event names it. */
export interface RulesPlace {
  place?: PlaceMention;
  /** Named by a sentence telling the event itself, not borrowed from its paragraph, the headline or the lead. */
  ownPlace?: boolean;
}

/**
 * Which place is the event's: whether a place the whole article favours (the place ranker's,
 * given by all its mentions) may take the place of the one the sentence rules chose.
 * - The rules found no place: any.
 * - The sentence telling the event names a place the gazetteer knows: only a place at least as
 *   specific (the village for its town) or a name the gazetteer lacks (most often a village),
 *   never a wider one (the town for its village, the region, the capital).
 * - A river (« Casamance » is one in the gazetteer), or a place named only as a neighbour
 *   (« le village voisin de Tégourou »): never, when the rules found a place.
 * - The rules' place, named by the event sentence or borrowed, is a village (or a village the
 *   gazetteer lacks, introduced as one): it stands against a seat, a division or a region within
 *   60 km that a headline, a dateline or the background names (the body's Bembou against the
 *   headline's Kédougou). Two towns (Ziguinchor and Bignona) are left to the ranker.
 * - A place named only after the rules' place in one list (« la zone de Bembou–Sabodala »,
 *   "between Tarabakoro and Akor"): never. Such a list names an area, which is coded at its first
 *   name; which of the others the ranker likes best says nothing of where the event was.
 */
export function rankerMayReplace(rules: RulesPlace | undefined, candidate: readonly PlaceMention[], folded: string): boolean {
  const event = rules?.place;
  if (!event) return true;
  if (rules.ownPlace && event.place) {
    const floor = placeSpecificity(event, folded);
    if (!candidate.some((m) => m.place === null || placeSpecificity(m, folded) >= floor)) return false;
  }
  // « dans le village voisin de Tégourou »: a neighbour is named beside the event's place, not for it.
  if (candidate.every((m) => NEIGHBOUR_BEFORE.test(folded.slice(Math.max(0, m.index - 30), m.index)))) return false;
  if (candidate.every((m) => listedAfter(event, m, folded))) return false;
  const other = candidate.find((m) => m.place !== null);
  // « en Casamance »: the river the gazetteer knows by that name is no event's place.
  if (other && isRiver(other)) return false;
  return !(other && villageStandsAgainst(event, other, folded));
}

/**
 * A place the event's own sentence names gives way only to a place the headline or a sentence
 * telling an event names (the place ranker's features say which): a list of names padding a page,
 * or a hostile one, tells no event.
 */
export function mayOutweighOwnPlace(rules: RulesPlace | undefined, rankerFeatures: readonly string[]): boolean {
  return !rules?.ownPlace || rankerFeatures.some((f) => f === 'title' || f.startsWith('trigger:'));
}

/** `next` follows `first` in a list: nothing but a dash, a comma, a slash or « et » / "and" between them. */
function listedAfter(first: PlaceMention, next: PlaceMention, folded: string): boolean {
  return first.end <= next.index && LIST_JOINT.test(folded.slice(first.end, next.index));
}

/** A village the event's sentences name against a seat, a division or a region around it. */
function villageStandsAgainst(event: PlaceMention, other: PlaceMention, folded: string): boolean {
  if (!other.place || placeSpecificity(event, folded) <= placeSpecificity(other, folded)) return false;
  if (isVillage(other.place)) return false;
  if (!event.place) return event.cued;
  return isVillage(event.place) && haversineKm(event.place.lon, event.place.lat, other.place.lon, other.place.lat) <= WITHIN_REACH_KM;
}

/** A populated place of no rank and under 10,000 people (or of unknown size): a village, not a town, a seat or a division. */
function isVillage(place: Place): boolean {
  return place.featureClass === 'P' && place.featureCode === 'PPL' && place.population < VILLAGE_POPULATION;
}

/** A country (« République du Mali » on a letterhead) is never where an event happened. */
function isCountry(p: PlaceMention): boolean {
  return p.place !== null && p.place.featureClass === 'A' && p.place.featureCode.startsWith('PCL');
}

/** The division (region, cercle, département…) a sentence names as the area of its event, if any. */
export function sentenceDivision(places: readonly PlaceMention[], sentence: Sentence, folded: string): PlaceMention | undefined {
  return within(places, sentence).find((p) => p.place !== null && !isCountry(p) && describePlace(p, folded).includes('division'));
}

/** Whether a place lies in a division (same country and first-level division); unknown places may. */
export function liesIn(p: PlaceMention, division: PlaceMention | undefined): boolean {
  if (!division?.place || !p.place) return true;
  return p.place.country === division.place.country && p.place.admin1 === division.place.admin1;
}

/** A stream of the gazetteer (its class H holds marshes and wells too, which name places: Ber). */
function isRiver(p: PlaceMention): boolean {
  return p.place !== null && p.place.featureClass === 'H' && p.place.featureCode.startsWith('STM');
}

/** A region named by the sentence, for when it names no town. */
export function sentenceRegion(places: readonly PlaceMention[], sentence: Sentence): PlaceMention | undefined {
  return within(places, sentence).find((p) => p.place !== null && !isCountry(p) && !isRiver(p));
}
