/**
 * Inflected forms of the lexicon's verbs and nouns, folded (lower case, no accents), so that a
 * table names a lemma once and matches every tense, person and participle the press uses:
 * « attaquer » gives attaque, attaquent, attaquee, attaquees, attaquait, attaquerent…; "attack"
 * gives attacks, attacked, attacking. Irregular verbs are listed with their forms.
 */

// Forms of French verbs the regular rules below would get wrong.
const FRENCH_IRREGULAR: Record<string, string[]> = {
  prendre: ['prend', 'prennent', 'pris', 'prise', 'prises', 'prenant', 'prenait', 'prenaient', 'prit', 'prirent', 'prendre', 'prendront', 'prendra'],
  reprendre: ['reprend', 'reprennent', 'repris', 'reprise', 'reprises', 'reprenant', 'reprit', 'reprirent', 'reprendre'],
  faire: ['fait', 'font', 'faisant', 'faisait', 'faisaient', 'fit', 'firent', 'faire', 'fera', 'feront'],
  abattre: ['abat', 'abattent', 'abattu', 'abattue', 'abattus', 'abattues', 'abattant', 'abattait', 'abattit', 'abattirent', 'abattre'],
  combattre: ['combat', 'combattent', 'combattu', 'combattus', 'combattant', 'combattaient', 'combattre'],
  assaillir: ['assailli', 'assaillie', 'assaillis', 'assaillies', 'assaillent', 'assaillant', 'assaillirent', 'assaillir'],
  detruire: ['detruit', 'detruite', 'detruits', 'detruites', 'detruisent', 'detruisant', 'detruisait', 'detruisirent', 'detruire'],
  ouvrir: ['ouvre', 'ouvrent', 'ouvert', 'ouverte', 'ouvrant', 'ouvrait', 'ouvraient', 'ouvrit', 'ouvrirent', 'ouvrir'],
  mourir: ['meurt', 'meurent', 'mort', 'morte', 'morts', 'mortes', 'mourant', 'mourut', 'moururent', 'mourir'],
  tendre: ['tend', 'tendent', 'tendu', 'tendue', 'tendus', 'tendant', 'tendait', 'tendirent', 'tendre'],
  perdre: ['perd', 'perdent', 'perdu', 'perdue', 'perdus', 'perdant', 'perdait', 'perdirent', 'perdre'],
  conduire: ['conduit', 'conduite', 'conduisent', 'conduisant', 'conduisait', 'conduisirent', 'conduire'],
  extraire: ['extrait', 'extraits', 'extraite', 'extraire'],
  mettre: ['met', 'mettent', 'mis', 'mise', 'mises', 'mettant', 'mettait', 'mirent', 'mettre'],
  battre: ['bat', 'battent', 'battu', 'battue', 'battus', 'battues', 'battant', 'battre'],
  // « La population est descendue dans la rue »: the participle agrees with a feminine subject.
  descendre: [
    'descend',
    'descendent',
    'descendu',
    'descendue',
    'descendus',
    'descendues',
    'descendant',
    'descendait',
    'descendaient',
    'descendirent',
    'descendre',
  ],
  produire: ['produit', 'produite', 'produisent', 'produire'],
  survenir: ['survenu', 'survenue', 'survenus', 'survient', 'surviennent', 'survenir'],
  venir: ['vient', 'viennent', 'venu', 'venue', 'venus', 'venues', 'venant', 'venir'],
  vivre: ['vit', 'vivent', 'vecu', 'vecue', 'vivre'],
  succomber: ['succombe', 'succombent', 'succombes', 'succombant', 'succombait', 'succomberent'],
};

const FRENCH_ER = [
  'e',
  'es',
  'ent',
  'ons',
  'ez',
  'er',
  'ee',
  'ees',
  'ant',
  'ait',
  'aient',
  'ais',
  'a',
  'erent',
  'era',
  'eront',
  'erait',
  'eraient',
  'ions',
  'iez',
];
const FRENCH_IR = ['i', 'is', 'it', 'ie', 'ies', 'issent', 'issant', 'issait', 'issaient', 'ir', 'irent', 'ira', 'iront'];

/** Every form of a French verb (folded lemma: « attaquer », « saisir »). */
export function frenchVerb(lemma: string): string[] {
  const irregular = FRENCH_IRREGULAR[lemma];
  if (irregular) return irregular;
  if (lemma.endsWith('er')) {
    const stem = lemma.slice(0, -2);
    const forms = FRENCH_ER.map((ending) => stem + ending);
    // « démanteler » → « démantèle », folded « demantele »: the stem already covers it. « jeter »,
    // « appeler » double their consonant before a silent e.
    if (/[lt]$/.test(stem)) forms.push(`${stem}${stem.at(-1)}e`, `${stem}${stem.at(-1)}ent`);
    return forms;
  }
  if (lemma.endsWith('ir')) return FRENCH_IR.map((ending) => lemma.slice(0, -2) + ending);
  return [lemma];
}

const ENGLISH_IRREGULAR: Record<string, string[]> = {
  shoot: ['shoot', 'shoots', 'shot', 'shooting'],
  take: ['take', 'takes', 'took', 'taken', 'taking'],
  retake: ['retake', 'retakes', 'retook', 'retaken', 'retaking'],
  seize: ['seize', 'seizes', 'seized', 'seizing'],
  blow: ['blow', 'blows', 'blew', 'blown', 'blowing'],
  set: ['set', 'sets', 'setting'],
  break: ['break', 'breaks', 'broke', 'broken', 'breaking'],
  fight: ['fight', 'fights', 'fought', 'fighting'],
  lose: ['lose', 'loses', 'lost', 'losing'],
  die: ['die', 'dies', 'died', 'dying'],
  hit: ['hit', 'hits', 'hitting'],
  strike: ['strike', 'strikes', 'struck', 'striking'],
  run: ['run', 'runs', 'ran', 'running'],
  drive: ['drive', 'drives', 'drove', 'driven', 'driving'],
  overrun: ['overrun', 'overruns', 'overran', 'overrunning'],
  sign: ['sign', 'signs', 'signed', 'signing'],
  hold: ['hold', 'holds', 'held', 'holding'],
  burn: ['burn', 'burns', 'burned', 'burnt', 'burning'],
  steal: ['steal', 'steals', 'stole', 'stolen', 'stealing'],
  kidnap: ['kidnap', 'kidnaps', 'kidnapped', 'kidnapping'],
  rob: ['rob', 'robs', 'robbed', 'robbing'],
  stop: ['stop', 'stops', 'stopped', 'stopping'],
  patrol: ['patrol', 'patrols', 'patrolled', 'patroled', 'patrolling', 'patroling'],
  round: ['round', 'rounds', 'rounded', 'rounding'],
  come: ['come', 'comes', 'came', 'coming'],
  fall: ['fall', 'falls', 'fell', 'fallen', 'falling'],
};

/** Every form of an English verb ("attack", "seize", "kidnap"). */
export function englishVerb(lemma: string): string[] {
  const irregular = ENGLISH_IRREGULAR[lemma];
  if (irregular) return irregular;
  if (lemma.endsWith('e')) return [lemma, `${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`, `${lemma}ing`];
  if (/(?:s|sh|ch|x)$/.test(lemma)) return [lemma, `${lemma}es`, `${lemma}ed`, `${lemma}ing`];
  return [lemma, `${lemma}s`, `${lemma}ed`, `${lemma}ing`];
}

/** Singular and plural of a noun or adjective, French or English ("embuscade", "convoi", "attack"). */
export function nounForms(lemma: string): string[] {
  if (/(?:s|x|z)$/.test(lemma)) return [lemma];
  if (lemma.endsWith('al')) return [lemma, `${lemma.slice(0, -2)}aux`, `${lemma}s`];
  if (lemma.endsWith('eau') || lemma.endsWith('eu')) return [lemma, `${lemma}x`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  if (/(?:sh|ch)$/.test(lemma)) return [lemma, `${lemma}es`];
  return [lemma, `${lemma}s`, `${lemma}e`, `${lemma}es`];
}
