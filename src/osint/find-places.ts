/**
 * Place names of a text matched against the gazetteer, then disambiguated: the country the text
 * is about, the regions it names, the rank of the feature (seats before hamlets) and the distance
 * to the other places of the text (a story names places close to each other).
 */
import { foldName, featureRank, type Gazetteer, type Place } from '../geo/gazetteer.js';
import { haversineKm } from '../geo/great-circle.js';
import { FOLDED_MONTH_NAMES, FOLDED_WEEKDAY_NAMES } from './calendar-words.js';
import { foldText } from './fold-text.js';
import { spellingVariants } from './spelling-variants.js';
import { isShoutedRun } from './shouted-name-run.js';
export interface PlaceMention {
  index: number;
  end: number;
  /** As written in the text. */
  name: string;
  /** Chosen gazetteer entry; null when the gazetteer does not know the name. */
  place: Place | null;
  /** A word such as "à", "près de", "near" introduces it. */
  cued: boolean;
}

// Capitalised words that are not places even when a hamlet somewhere bears the name.
// biome-ignore format: a word list, set several words a line by kind.
const NOT_PLACES = new Set(
  [
    'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'il', 'ils', 'elle', 'elles', 'on', 'nous',
    'selon', 'dans', 'pour', 'par', 'avec', 'sans', 'sur', 'sous', 'entre', 'depuis', 'apres', 'avant', 'lors', 'mais', 'et', 'ou', 'si',
    'the', 'a', 'an', 'in', 'on', 'at', 'of', 'for', 'by', 'with', 'from', 'and', 'or', 'but', 'if', 'as', 'it', 'he', 'she', 'they', 'we',
    ...FOLDED_WEEKDAY_NAMES, ...FOLDED_MONTH_NAMES,
    'mali', 'senegal', 'mauritanie', 'mauritania', 'niger', 'guinee', 'guinea', 'gambie', 'gambia', 'burkina', 'faso', 'algerie', 'algeria', 'ivory', 'coast', 'ivoire', "cote d'ivoire",
    'afrique', 'africa', 'sahel', 'france', 'russie', 'russia', 'etat', 'state', 'islam', 'allah', 'dieu', 'god', 'coran',
    'jnim', 'gsim', 'gat', 'fama', 'eigs', 'issp', 'mfdc', 'onu', 'un', 'afp', 'rfi', 'reuters', 'dirpa', 'garsi', 'cedeao', 'ecowas', 'aes', 'minusma',
    'fla', 'csp', 'cma', 'mnla', 'hcua', 'gatia', 'msa', 'mujao', 'aqmi', 'vdp',
    'president', 'ministre', 'minister', 'general', 'colonel', 'capitaine', 'commandant', 'armee', 'army', 'police', 'gendarmerie',
    'region', 'cercle', 'commune', 'village', 'zone', 'secteur', 'axe', 'route', 'nord', 'sud', 'est', 'ouest', 'north', 'south', 'east', 'west',
    'centre', 'center', 'forces', 'force', 'groupe', 'group', 'operation', 'mission', 'poste', 'camp', 'base', 'ville', 'town', 'city',
    'premier', 'prime', 'communique', 'source', 'sources', 'photo', 'caption', 'legende', 'video', 'contact', 'sport', 'politique', 'securite', 'economie',
    'tous', 'tout', 'toute', 'plus', 'moins', 'aucun', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
    'mission', 'national', 'nationale', 'republique', 'republic', 'dakar bamako', 'al', 'el', 'ould', 'ben', 'bin', 'abou', 'amadou',
    'publication', 'incident', 'alerte', 'urgent', 'exclusif', 'breaking', 'update', 'video', 'photo', 'reportage', 'entretien', 'interview',
    'analyse', 'edito', 'opinion', 'tribune', 'bilan', 'insecurite', 'attaque', 'attaques', 'terrorisme', 'justice', 'sante', 'societe', 'international',
    // More section kickers (« Défense : 18 orpailleurs interceptés », « Banditisme : une bande démantelée »).
    'defense', 'banditisme', 'criminalite', 'securite routiere', 'faits divers', 'diplomatie', 'humanitaire', 'environnement', 'education', 'culture', 'defence', 'security', 'crime', 'politics', 'society',
    // The speakers of a transcript and the heads of a letter or a post (« Présentateur : », "PRESENTER: Good
    // afternoon", « Objet : »), written at a line's start before a colon as a headline writes its place.
    'presentateur', 'presentatrice', 'presenter', 'animateur', 'animatrice', 'host', 'anchor', 'journaliste', 'journalist',
    'correspondant', 'correspondante', 'correspondent', 'reporter', 'intervenant', 'temoin', 'witness', 'objet', 'post', 'good', 'hello', 'bonjour', 'bonsoir',
    'some', 'son', 'sa', 'ses', 'mouvement', 'greater', 'french', 'dogon', 'dogons', 'peul', 'peuls', 'peule', 'touareg', 'touaregs', 'bambara', 'front', 'coordination', 'islamic', 'journal', 'flash', 'bank', 'banque', 'hotel', 'radio', 'television', 'air', 'chef', 'cherif', 'imam', 'drame', 'context', 'contexte', 'needs', 'besoins', 'explainer', 'background', 'backgrounder', 'related', 'frontiere', 'border', 'hopital', 'hospital', 'clinique', 'clinic', 'massacre', 'tuerie', 'carnage', 'embuscade', 'dieu', 'marche', 'boutique', 'pont', 'foire', 'mine', 'site',
    // Words that open a sentence ("All five crew members…", "US agents…") and name a hamlet somewhere.
    'all', 'no', 'none', 'yet', 'so', 'more', 'you', 'us', 'me', 'to', 'mon', 'ton', 'oui',
  ].map(foldName),
);

const CUE =
  /(?:^|[\s(])(?:à|au|aux|en|près d[e'’]|pres d[e'’]|proche d[e'’]|non loin d[e'’]|aux environs d[e'’]|aux alentours d[e'’]|entre|(?:au )?(?:nord|sud|est|ouest)(?:-est|-ouest)? d[e'’]|dans la (?:localité|commune|ville|zone|région|cercle) d[e'’]|(?:poste|brigade|commissariat|camp|base|détachement|unité)s? (?:de (?:police|douane|gendarmerie|secours|santé|contrôle|sécurité)|territoriale|militaire|avancée?|mobile) d[eu'’]|(?:villages?|localités?|ville|commune|cercle|région|poste|département|arrondissement|secteur|environs|hauteur|site|camp|base|passage|axe|route|quartier)(?: (?:frontalière|frontalier|voisine|voisin|malienne|malien|sénégalaise|sénégalais|mauritanienne|mauritanien|rebelle|militaire|aurifère|d[’']orpaillage))? d[eu'’]|(?:sur )?(?:l'axe|la route|le tron[çc]on)|in|at|near|outside|around|close to|(?:on )?the outskirts of|aux abords d[eu'’]|à la sortie d[eu'’]|à l[’']entrée d[eu'’]|(?:à la )?périphérie d[eu'’]|(?:attaques?|assauts?|raids?|embuscades?|incursions?) (?:contre|de|d[’']|du|sur)|(?:attacks?|raids?|assaults?|ambush(?:es)?|strikes?) (?:on|in|at|near)|(?:border |small |nearby |northern |southern |eastern |western )?(?:town|village|city|locality|region|area|district) of)(?:\s+|(?<=['’]))(?:the |le |la |les |l[’'])?(?:(?:northern|southern|eastern|western|central|north|south|east|west|border|malian|senegalese|mauritanian) )?$/iu;

const PERSON_BEFORE =
  /(?:\b\d{1,3} ans,\s+|\baged \d{1,3},\s+|\b(?:nommé|dénommé|prénommé)e?\s+|\bun certain\s+|\ble sieur\s+|\b(?:M\.|Mr\.?|Mme|Mrs\.?)\s+)$/u;

const SETTLEMENT_CUE = /\b(?:villages?|hameaux?|localités?|campements?|hamlets?|town)(?: (?!in\b|au\b|en\b)\p{L}+)? (?:de |d'|du |of )$/iu;

// A name: capitalised words, joined by hyphens, apostrophes or the particles of place names.
// « N'Golokouna », « M'Bour », « F'Dérik »: a name may open with N', M' or F'.
const NAME = /(?:[NMF][’'])?\p{Lu}[\p{L}\p{M}]+(?:(?:[- ](?:du|de|el|al|es|ech|ould)?[- ]?|[’'])\p{Lu}[\p{L}\p{M}]*)*/gu;

// Two or three capitalised words joined by hyphens only.
const COMPOUND = /(?:[NMF][’'])?\p{Lu}[\p{L}\p{M}]+(?:-\p{Lu}[\p{L}\p{M}]+){1,2}(?![\p{L}-])/gu;
const AXIS_WORD = /\b(?:axe|route|tron[çc]on|piste|road|highway|axis|between|entre|liaison)\s+(?:de |du |d[’']|the )?$/iu;

// The last word of a newspaper's, a radio's or an account's name.
const MEDIA_WORD = /^(?:infos?|news|voices?|actus?|tv|fm|radio|presse?|express|times|post|matin|soir|hebdo|journal|mag|magazine|online|live|m[ée]dias?|web)$/iu;

const DIRECTION_WORD = /^(?:north|south|east|west|nord|sud|est|ouest|upper|lower|haut|haute|bas|basse|central|centre)$/i;

interface Candidate {
  index: number;
  end: number;
  name: string;
  places: Place[];
  cued: boolean;
}

const FROM_COUNTRY =
  /\b(?:(?:venue?s?|venant|venai(?:en)?t|vien(?:nen)?t|provenant|provenai(?:en)?t|provien(?:nen)?t|en provenance|originaires?|importee?s?) d[eu']|refoules? (?:vers|du|de)|from|fled to|vers)\s*(?:la |le |l')?$/;

/** Countries a text is about, strongest first, from the names and adjectives it uses. */
export function countryContext(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const folded = foldText(text);
  const patterns: [string, RegExp][] = [
    ['ML', /\b(mali|malien(ne)?s?|malian|bamako|fama)\b/gi],
    ['SN', /\b(senegal(ais(es?)?)?|senegalese|dakar|casamance)\b/gi],
    ['MR', /\b(mauritanie|mauritanien(ne)?s?|mauritania|mauritanian|nouakchott)\b/gi],
    ['NE', /\b(niger|nigerien(ne)?s?|nigerien|niamey|tillaberi)\b/gi],
    ['CI', /\b(cote d'ivoire|ivoirien(ne)?s?|ivorian|ivory coast)\b/gi],
    ['BF', /\b(burkina( faso)?|burkinabes?|ouagadougou)\b/gi],
    ['GM', /\b(gambie|gambia|gambien(ne)?s?|gambian|banjul)\b/gi],
    ['GN', /\b(guinee|guinea|guineen(ne)?s?|guinean|conakry)\b/gi],
  ];
  for (const [country, pattern] of patterns) {
    // "venus du Mali", "from Mali": where people came from says little about where things happened.
    const n = [...folded.matchAll(pattern)].filter((m) => !FROM_COUNTRY.test(folded.slice(Math.max(0, m.index - 30), m.index))).length;
    if (n > 0) counts.set(country, n);
  }
  return counts;
}

const COUNTRY_WORDS: [string, RegExp][] = [
  ['ML', /^(?:mali|malien(?:ne)?|malian)$/],
  ['SN', /^(?:senegal|senegalais(?:e)?|senegalese)$/],
  ['MR', /^(?:mauritanie|mauritania|mauritanien(?:ne)?|mauritanian)$/],
  ['GN', /^(?:guinee|guinea|guineen(?:ne)?|guinean)$/],
  ['GM', /^(?:gambie|gambia|gambien(?:ne)?|gambian)$/],
];
const RIGHT_AFTER =
  /^\s*(?:,\s*(?:au|en|in|du cote|cote|on the)\s+(?:the\s+)?|\(\s*|,\s*(?:ville|localite|village|town|commune)\s+(?:frontaliere\s+)?)([a-z]+)/;

/** Whether a run of capitalised words ends with a nation's name (« Rosso Sénégal »). */
function endsWithCountry(tokens: readonly string[]): boolean {
  const last = foldName(tokens[tokens.length - 1]!);
  return COUNTRY_WORDS.some(([, pattern]) => pattern.test(last));
}

/** The country written right after a place name, if any. */
function namedCountry(after: string): string | null {
  const word = RIGHT_AFTER.exec(foldText(after))?.[1];
  if (!word) return null;
  return COUNTRY_WORDS.find(([, pattern]) => pattern.test(word))?.[0] ?? null;
}

/** The populated places the gazetteer holds under a spelling one transcription habit away. */
function spelledOtherwise(name: string, gazetteer: Gazetteer): Place[] {
  if (foldName(name).length < 5) return [];
  for (const variant of spellingVariants(name)) {
    const places = gazetteer.lookup(variant).filter((p) => p.featureClass === 'P');
    if (places.length > 0) return places;
  }
  return [];
}

/**
 * The readings of a name the gazetteer knows, and after them the villages it spells one
 * transcription habit away (« Missirah » and the many « Missira »): the text's other places then
 * choose among them all.
 */
function withOtherSpellings(name: string, places: Place[], gazetteer: Gazetteer): Place[] {
  if (places.length === 0 || places.some((p) => p.featureClass !== 'P')) return places;
  const known = new Set(places);
  return [...places, ...spelledOtherwise(name, gazetteer).filter((p) => !known.has(p))];
}

// The mechanism's nations, whose gazetteer holds every village. The neighbours' gazetteer holds
// the villages near the border too, but a village name recurs across the Sahel (Dimbo, Tassia are
// villages of Mali and Niger as well as of Burkina Faso): a neighbour's village is read only in a
// text about its country; its towns and the seats of its divisions are read in any text.
const NATIONS = new Set(['ML', 'SN', 'MR']);
const SEAT = /^PPL(?:A\d?|C)$/;

function isNeighbourVillage(place: Place): boolean {
  return !NATIONS.has(place.country) && place.featureClass === 'P' && place.population < 1000 && !SEAT.test(place.featureCode);
}

/** The gazetteer as a text about `country` reads it: without the other neighbours' villages. */
function readableIn(gazetteer: Gazetteer, country: string | null): Gazetteer {
  return {
    size: gazetteer.size,
    search: (query, options) => gazetteer.search(query, options),
    byId: (id) => gazetteer.byId(id),
    lookup: (name, options) => gazetteer.lookup(name, options).filter((place) => !isNeighbourVillage(place) || place.country === country),
  };
}

function distanceKm(a: Place, b: Place): number {
  return haversineKm(a.lon, a.lat, b.lon, b.lat);
}

function candidatesIn(text: string, gazetteer: Gazetteer): Candidate[] {
  const found: Candidate[] = [];
  const personNames = new Set<string>();
  // A name's readings, looked up once however often the text writes it (its other spellings cost
  // a dozen lookups).
  const readings = new Map<string, Place[]>();
  for (const match of text.matchAll(NAME)) {
    // Hyphens join words of one name ("Nioro-du-Sahel") and names of an axis ("Sévaré-Bandiagara").
    const tokens = match[0].split(/[ -]/);
    // "Ogossagou : …" opening a headline, "Ogossagou, localité peule du centre…": a place named as such.
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const labelled =
      (/(?:^|\n)$/.test(text.slice(Math.max(0, match.index - 1), match.index)) && /^\s*[:–—]\s/.test(after)) ||
      /^,\s*(?:une?\s+|la\s+|le\s+|a\s+|the\s+)?(?:petite\s+|grande\s+|small\s+|border\s+)?(?:localité|village|ville|commune|bourg|hameau|town|city|locality)\b/iu.test(
        after,
      ) ||
      // "in Kerr Gumalo village": English names a village before the word.
      /^ village\b/u.test(after);
    const cued = labelled || CUE.test(text.slice(Math.max(0, match.index - 40), match.index));
    // Longest known name first, then shorter ones from the same start ("Nioro du Sahel", "Nioro").
    let known: Candidate[] = [];
    let start = match.index;
    let offset = 0;
    while (offset < tokens.length) {
      let length = Math.min(4, tokens.length - offset);
      for (; length >= 1; length--) {
        const name = match[0].slice(start - match.index, start - match.index + tokens.slice(offset, offset + length).join(' ').length).replace(/[’']$/u, '');
        const folded = foldName(name);
        if (NOT_PLACES.has(folded) || folded.length < 3) continue;
        let places = readings.get(folded);
        if (!places) readings.set(folded, (places = withOtherSpellings(name, gazetteer.lookup(name), gazetteer)));
        if (places.length > 0) {
          const before = text.slice(Math.max(0, start - 40), start);
          known.push({ index: start, end: start + name.length, name, places, cued: CUE.test(before) });
          break;
        }
      }
      const step = Math.max(1, length);
      start += tokens.slice(offset, offset + step).join(' ').length + 1;
      offset += step;
    }
    // « Boffa-Bayotte », « Kamona-Pont »: a hyphenated name of which the gazetteer knows only some
    // parts is one place it lacks, not the town one part is named after (Boffa, in Guinea): its
    // parts are forgotten, and the name is read as any name the gazetteer lacks; inside a longer
    // run (« Tuerie de Boffa-Bayotte »), it is kept when introduced. An axis (« l'axe
    // Kayes-Kamona ») keeps its ends, and « le Nord-Sindian » its Sindian.
    if (known.length > 0 && match[0].includes('-') && !AXIS_WORD.test(text.slice(Math.max(0, match.index - 30), match.index))) {
      for (const compound of match[0].matchAll(COMPOUND)) {
        // « le Nord-Sindian », « Nouakchott-Ouest »: the part of a known place a compass word names is that place.
        if (/^(?:Nord|Sud|Est|Ouest|North|South|East|West)-|-(?:Nord|Sud|Est|Ouest|North|South|East|West)$/u.test(compound[0])) continue;
        const from = match.index + compound.index;
        const to = from + compound[0].length;
        const inside = known.filter((k) => k.index >= from && k.end <= to);
        if (inside.length === 0 || inside.length === compound[0].split('-').length || inside.some((k) => k.index === from && k.end === to)) continue;
        known = known.filter((k) => !inside.includes(k));
        if (compound[0].length === match[0].length) continue;
        const introduced = cued || CUE.test(text.slice(Math.max(0, from - 40), from)) || /\s(?:de|du|d[’'])\s?$/u.test(text.slice(match.index, from));
        if (introduced) found.push({ index: from, end: to, name: compound[0], places: [], cued: true });
      }
    }
    // "Ousmane Sonko", "Moussa Mara": a run of capitalised words of which only some are places is
    // a person's name, unless a preposition of place introduces it ("près de Manidjèl Kolongo").
    const whole = known.length === 1 && known[0]!.end - known[0]!.index === match[0].length;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    // A nickname in quotes (« Naba ») or after "surnommé", "dit", is a person.
    if (/(?:[«"“]\s*|surnomm\p{L}*\s+|\bdit\s+|\bdite\s+|alias\s+)$/u.test(before)) continue;
    // « un berger de 55 ans, Demba Bâ », « le nommé Ali Touré », "Mr Sall": a person, here and
    // wherever the text names him again.
    if (PERSON_BEFORE.test(before)) {
      for (const name of [match[0], ...tokens]) personNames.add(foldName(name));
      continue;
    }
    // « près de Tongo Tongo »: a name saying one word twice is one place (the gazetteer lacks it),
    // not twice the village of that word.
    if (tokens.length === 2 && known.length === 2 && foldName(tokens[0]!) === foldName(tokens[1]!)) {
      found.push({ index: match.index, end: match.index + match[0].length, name: match[0], places: [], cued });
      continue;
    }
    // "le village de Tongo Tongo": the whole name, even when the gazetteer knows a part of it; a
    // name it knows no part of may be a village it spells otherwise ("the village of Toubacoro").
    if (!whole && tokens.length <= 4 && !NOT_PLACES.has(foldName(match[0])) && SETTLEMENT_CUE.test(before.replace(/[’]/g, "'"))) {
      const places = known.length === 0 ? spelledOtherwise(match[0], gazetteer) : [];
      found.push({ index: match.index, end: match.index + match[0].length, name: match[0], places, cued: true });
      continue;
    }
    // "les FAMa de Yélimané", "Massacre de Seytenga": a name followed by a particle and a place
    // names something at that place; the place is kept, not read as part of a person's name.
    const afterParticle = known.filter((k) => /\s(?:de|du|d[’'])\s?$/u.test(text.slice(match.index, k.index)));
    // "à Guiro Yéro Bocar": a name introduced as a place that goes on past the known name it
    // starts with is a place of its own, kept whole ("Manidjèl Kolongo" keeps its known Kolongo,
    // "North Bignona" its Bignona).
    // « Rosso Sénégal », facing « Rosso Mauritanie »: a town named with its country is that town.
    const extended =
      known[0]?.index === match.index &&
      known[known.length - 1]!.end < match.index + match[0].length &&
      !DIRECTION_WORD.test(tokens[0]!) &&
      !endsWithCountry(tokens);
    if (cued && !whole && extended && tokens.length <= 4 && /^[\p{Lu}][\p{L}\p{M}]+(?: \p{Lu}[\p{L}\p{M}]+)+$/u.test(match[0])) {
      found.push({ index: match.index, end: match.index + match[0].length, name: match[0], places: [], cued: true });
      continue;
    }
    if (known.length > 0 && (whole || cued || tokens.length === 1 || (known.length === tokens.length && match[0].includes('-')) || isShoutedRun(match[0])))
      found.push(...known.map((k) => ({ ...k, cued: k.cued || cued })));
    else if (afterParticle.length > 0) found.push(...afterParticle.map((k) => ({ ...k, cued: true })));
    // …but a run holding a place of several words (« Nioro du Sahel Infos », a publisher) names
    // no person: its words stay places elsewhere in the text.
    // So does a publisher or an account named after its town (« Menaka Voices », « Kidal Infos »).
    else if (known.length > 0 && !known.some((k) => k.name.includes(' ')) && !MEDIA_WORD.test(tokens[tokens.length - 1]!))
      for (const token of tokens) personNames.add(foldName(token));
    else if (
      cued &&
      tokens.length <= 3 &&
      !NOT_PLACES.has(foldName(tokens[0]!)) &&
      !/^\p{Lu}+$/u.test(match[0]) &&
      // Adjectives of nationality ("Gambian", "Ivoirienne") name no place.
      !/(?:ien|ienne|ian|ais|aise|ois|oise|ese|ain|aine|ain)s?$/u.test(match[0])
    ) {
      // Not in the gazetteer (a place abroad, a hamlet GeoNames lacks): kept by name, with the
      // town the gazetteer spells a little otherwise if there is one.
      found.push({ index: match.index, end: match.index + match[0].length, name: match[0], places: spelledOtherwise(match[0], gazetteer), cued });
    }
  }
  // A surname seen in a full name is not a place elsewhere in the text either.
  return found.filter((c) => c.cued || !personNames.has(foldName(c.name)));
}

/**
 * Bounds on the disambiguation's work. Every reading of a name is compared with the places of the
 * text's other names, so the work grows with the square of the names; a news report names a few
 * dozen places, and a text naming more (a list, or a hostile input) is read for its first ones:
 * without these bounds, 20 kB of repeated ambiguous names held the node for a minute and a half.
 */
const MAX_NAMES = 200;
const MAX_ANCHORS = 200;
const MAX_NEIGHBOUR_NAMES = 100;

/** Every place mention of `text`, in order, each with its chosen gazetteer entry (or none). */
export function findPlaces(text: string, gazetteer: Gazetteer): PlaceMention[] {
  const keyOf = new Map<Candidate, string>();
  const firstOf = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  const countries = countryContext(text);
  const about = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  for (const candidate of candidatesIn(text, readableIn(gazetteer, about))) {
    const key = foldName(candidate.name);
    if (!firstOf.has(key)) {
      if (firstOf.size >= MAX_NAMES) continue;
      firstOf.set(key, candidate);
    }
    keyOf.set(candidate, key);
    candidates.push(candidate);
  }
  const regions = new Set<string>();
  for (const c of firstOf.values()) for (const p of c.places) if (p.featureCode === 'ADM1') regions.add(`${p.country}.${p.admin1Code}`);
  // Anchors: names with a single reading, against which the others are placed. The gazetteer
  // hands out one object per place, so a place is never its own anchor.
  const anchors = [...new Set([...firstOf.values()].filter((c) => c.places.length === 1).map((c) => c.places[0]!))].slice(0, MAX_ANCHORS);
  const neighbourNames = [...firstOf.entries()].slice(0, MAX_NEIGHBOUR_NAMES);
  // How well each reading of a name fits the rest of the text, the same for all its mentions.
  const fits = new Map<string, { place: Place; score: number }[]>();
  const fitsOf = (key: string, places: Place[]) => {
    const known = fits.get(key);
    if (known) return known;
    // A district named after its town stands for the town.
    const towns = places.filter((p) => p.featureClass === 'P');
    const readings = places.filter(
      (p) => !(p.featureClass === 'A' && p.featureCode !== 'ADM1' && towns.some((t) => t.country === p.country && t.admin1Code === p.admin1Code)),
    );
    let others: Place[] | undefined;
    const scored = readings.slice(0, 60).map((place) => {
      let score = -featureRank(place.featureClass, place.featureCode);
      score += Math.min(3, countries.get(place.country) ?? 0) * 1.5;
      if (countries.size > 0 && !countries.has(place.country)) score -= 2;
      if (regions.has(`${place.country}.${place.admin1Code}`)) score += 2;
      // Old duplicate rows without a region are the weaker copy of the same place.
      if (place.admin1 === '') score -= 0.5;
      const near = anchors.filter((anchor) => anchor !== place).map((anchor) => distanceKm(anchor, place));
      if (near.length > 0) {
        const closest = Math.min(...near);
        score += closest < 50 ? 3 : closest < 150 ? 1.5 : 0;
      } else {
        // No other name with a single reading: the readings of two ambiguous names that lie close
        // together (Kidira and Falémé on either bank of the river) explain each other.
        others ??= neighbourNames.filter(([other]) => other !== key).flatMap(([, c]) => c.places.slice(0, 20));
        const closest = others.length > 0 ? Math.min(...others.map((other) => distanceKm(other, place))) : Infinity;
        score += closest < 50 ? 1.5 : 0;
      }
      return { place, score };
    });
    fits.set(key, scored);
    return scored;
  };
  const ranked = candidates.map((candidate) => {
    let best: Place | null = null;
    let bestScore = -Infinity;
    // "à Kidira, au Sénégal", "Kidira (Mali)", "Kidira, côté sénégalais": the text says which one.
    const named = namedCountry(text.slice(candidate.end, candidate.end + 40));
    for (const { place, score: fit } of fitsOf(keyOf.get(candidate)!, candidate.places)) {
      const score = fit + (named === null ? 0 : place.country === named ? 6 : -6);
      if (score > bestScore) {
        bestScore = score;
        best = place;
      }
    }
    return { ...candidate, place: best, score: bestScore };
  });
  return ranked.filter((c) => c.place !== null || c.cued).map(({ index, end, name, place, cued }) => ({ index, end, name, place, cued }));
}
