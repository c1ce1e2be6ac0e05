/**
 * Trigger words of security events, French and English, by sense. A sense maps to an ACLED
 * sub-event type directly (an ambush is an armed clash) or through its target (an attack on a
 * post is a battle, on a village an attack on civilians: see classify-event.ts).
 *
 * Notation (folded: lower case, no accents, apostrophes and hyphens as spaces):
 * - `verbs`: the first word is a lemma inflected in every tense, person and participle
 *   (« prendre pour cible » matches « a été pris pour cible », « prenant pour cible »); a word
 *   marked `^` is the one inflected instead (« s en ^prendre a »).
 * - `nouns`: every word as written but the last, which takes its plural.
 * - `phrases`: as written.
 * - `~` stands for up to three words of any kind (« sauter sur ~ mine »).
 */
export type Sense =
  | 'attack'
  | 'kill'
  | 'toll'
  | 'clash'
  | 'neutralise'
  | 'abduct'
  | 'ied'
  | 'explosion'
  | 'air'
  | 'suicide'
  | 'shelling'
  | 'grenade'
  | 'arrest'
  | 'loot'
  | 'destroy'
  | 'weapons'
  | 'protest'
  | 'riot'
  | 'mob'
  | 'patrol'
  | 'agreement'
  | 'takeover'
  | 'base'
  | 'cattle'
  | 'smuggling'
  | 'drugs'
  | 'gold'
  | 'displacement'
  | 'crossing'
  | 'sexual';

/** Whether a sense tells people killed or dead (a killing, a toll). */
export function tellsDeaths(sense: Sense): boolean {
  return sense === 'toll' || sense === 'kill';
}

export interface Words {
  verbs?: string[];
  nouns?: string[];
  phrases?: string[];
}

export interface TriggerRow {
  sense: Sense;
  /** How strongly the words point to a concrete event (0–12). */
  weight: number;
  /** Words too common to count alone (« viser », "strike"): only with a target in their clause. */
  needsTarget?: boolean;
  fr: Words;
  en: Words;
}

// biome-ignore format: a table, one trigger a line.
export const TRIGGERS: TriggerRow[] = [
  {
    sense: 'suicide', weight: 11,
    fr: { nouns: ['kamikaze', 'attentat suicide', 'attentats suicides', 'vehicule piege', 'voiture piegee', 'camion piege', 'vehicules piegees', 'vbied', 'vehicule kamikaze', 'moto piegee', 'motos piegees'] },
    en: { nouns: ['suicide bomber', 'suicide bombing', 'suicide attack', 'car bomb', 'vehicle bomb', 'truck bomb', 'vbied', 'suicide vehicle', 'suicide car', 'suicide truck'], phrases: ['packed with explosives', 'laden with explosives'] },
  },
  {
    sense: 'air', weight: 10,
    fr: {
      nouns: ['frappe aerienne', 'frappes aeriennes', 'frappe de drone', 'frappes de drones', 'bombardement aerien', 'bombardements aeriens', 'raid aerien', 'raids aeriens', 'frappe d aviation', 'frappe ciblee', 'frappes ciblees', 'vecteur aerien', 'vecteurs aeriens'],
      // « les FAMa ont conduit des frappes contre des positions »: strikes an army conducts are from the air.
      verbs: ['bombarder', 'conduire ~ frappes', 'mener ~ frappes', 'effectuer ~ frappes', 'proceder a ~ frappes'],
      phrases: ['drone a frappe', 'drones ont frappe', 'aviation a frappe', 'aviation militaire a frappe', 'par des drones', 'par l aviation', 'par un drone', 'moyens aeriens', 'appui aerien', 'des frappes contre', 'des frappes sur'],
    },
    en: { nouns: ['airstrike', 'air strike', 'air raid', 'drone strike', 'drone attack', 'aerial bombardment', 'helicopter strike'], phrases: ['fighter jets', 'by drones', 'by a drone', 'drones struck', 'drone struck'] },
  },
  {
    sense: 'ied', weight: 10,
    fr: {
      nouns: ['engin explosif', 'engins explosifs', 'engin explosif improvise', 'eei', 'mine artisanale', 'mines artisanales', 'mine antichar', 'mines antichars', 'mine anti char', 'mine antipersonnel', 'bombe artisanale', 'engin de fabrication artisanale', 'bombe de fabrication artisanale', 'explosif artisanal', 'charge explosive'],
      verbs: ['sauter sur ~ mine', 'sauter sur ~ engin', 'heurter ~ mine', 'heurter ~ engin', 'rouler sur ~ mine', 'rouler sur ~ engin', 'toucher ~ mine'],
      phrases: ['explosion d une mine', 'explosion d un engin', 'mine a explose', 'engin a explose', 'passage ~ sur une mine', 'passage ~ sur un engin', 'saute sur une mine', 'sautes sur une mine', 'par une mine', 'par des mines'],
    },
    en: {
      nouns: ['improvised explosive device', 'ied', 'roadside bomb', 'landmine', 'land mine', 'anti tank mine', 'antitank mine', 'explosive device', 'mine blast', 'mine explosion', 'homemade bomb', 'home made bomb', 'makeshift bomb', 'improvised bomb', 'improvised mine', 'artisanal mine', 'roadside mine'],
      verbs: ['hit ~ mine', 'strike ~ mine', 'run over ~ mine', 'drive over ~ mine', 'hit ~ explosive', 'strike ~ explosive', 'hit ~ ied', 'strike ~ ied'],
      phrases: ['by a mine', 'by mines'],
    },
  },
  { sense: 'explosion', weight: 7, fr: { nouns: ['explosion', 'deflagration'], verbs: ['exploser'] }, en: { nouns: ['blast', 'explosion'], verbs: ['explode'] } },
  {
    sense: 'shelling', weight: 9,
    fr: { nouns: ['obus', 'tir de mortier', 'tirs de mortiers', 'tirs d obus', 'roquette', 'tir de roquette', 'tirs indirects', 'pilonnage', 'mortier', 'obus de mortier'], verbs: ['pilonner'] },
    en: { nouns: ['shelling', 'mortar fire', 'mortar round', 'mortar shell', 'mortar attack', 'rocket attack', 'rocket fire', 'artillery fire', 'indirect fire', 'shell', 'rocket', 'mortar'], verbs: ['shell'] },
  },
  { sense: 'grenade', weight: 8, fr: { nouns: ['grenade'] }, en: { nouns: ['grenade'] } },
  {
    sense: 'takeover', weight: 9,
    fr: {
      verbs: ['prendre le controle', 'reprendre le controle', 'prendre position a', 'prendre position ~ dans', 'reoccuper', 'reconquerir', 'reinvestir', 'entrer dans la ville', 'hisser le drapeau', 'installer ~ dans la ville', 'controler la ville', 'tomber aux mains', 'tomber entre les mains', 's ^emparer de la ville', 's ^emparer du camp', 's ^emparer de la localite', 'conquerir ~ base', 'conquerir ~ bases', 'raser ~ base', 'raser ~ bases', 'demanteler ~ base', 'demanteler ~ bases', 'reprendre ~ base', 'reprendre ~ bases', 'prendre possession du camp', 'prendre possession de la base', 'liberer ~ village', 'liberer ~ villages'],
      nouns: ['base rebelle conquise', 'bases rebelles conquises', 'base rebelle detruite', 'bases rebelles detruites', 'base rebelle occupee', 'bases rebelles occupees', 'demantelement des bases', 'prise de controle', 'reprise de controle', 'reprise de la ville', 'reconquete', 'chute de la ville', 'chute du camp'],
      phrases: ['reconquis', 'reconquise', 'reconquirent', 'conquis ~ base', 'conquis ~ bases', 'conquis ~ camp'],
    },
    en: { verbs: ['take control of', 'retake control of', 'fall into the hands of', 'regain control of', 'seize control of', 'retake', 'recapture', 'overrun', 'fall to', 'reoccupy', 'enter the town', 'capture the town', 'capture the camp', 'seize the town', 'seize the camp', 'capture ~ camps', 'capture ~ bases', 'capture ~ base', 'capture the ~ town', 'seize the ~ town', 'capture the ~ city', 'seize the ~ city', 'overrun ~ camps', 'overrun ~ bases', 'take over ~ base', 'take over ~ camp', 'destroy ~ rebel bases', 'destroy or occupy ~ bases', 'occupy ~ bases', 'capture ~ positions'], nouns: ['takeover', 'capture of'] },
  },
  {
    sense: 'clash', weight: 9,
    fr: {
      nouns: ['embuscade', 'affrontement', 'accrochage', 'heurts entre', 'echange de tirs', 'echanges de tirs', 'echange de coups de feu', 'echanges de coups de feu', 'heurts intercommunautaires', 'attaque complexe', 'fusillade', 'contre attaque',
        // « des tirs d'armes automatiques depuis bientôt deux heures » at a camp: a fight, told
        // before anyone says who fired.
        'tirs nourris', 'tirs d armes automatiques', 'tirs d armes lourdes'],
      verbs: ['tendre une embuscade', 'tomber dans une embuscade', 'repousser', 'affronter', 'accrocher', 'engager le combat', 's ^affronter', 'tirer sur les militaires', 'mettre en deroute', 'mettre en fuite', 'echanger des tirs', 'echanger des coups de feu', 'decrocher', 'fondre sur'],
      phrases: ['ont riposte', 'a riposte', 'riposterent', 'ripostant', 'riposte vigoureusement', 'combats', 'de violents combats'],
    },
    en: {
      nouns: ['ambush', 'clash', 'firefight', 'gunfight', 'gun battle', 'exchange of fire', 'heavy fighting', 'counterattack', 'counter attack', 'shootout'],
      verbs: ['ambush', 'clash', 'repel', 'repulse', 'fight off', 'exchange fire', 'come under attack', 'come under fire', 'return fire'],
    },
  },
  {
    sense: 'attack', weight: 8,
    fr: {
      nouns: ['attaque', 'assaut', 'incursion', 'raid', 'attentat', 'attaque terroriste', 'attaque jihadiste', 'attaque armee', 'attaque a main armee', 'operation de represailles', 'represailles', 'agression', 'assaut coordonne', 'attaques coordonnees', 'vague d attaques', 'attaques simultanees', 'tuerie'],
      verbs: [
        'attaquer', 'prendre pour cible', 'prendre d assaut', 'faire irruption', 'assaillir', 's en ^prendre a', 'ouvrir le feu',
        'faire une incursion', 'mener une attaque', 'perpetrer une attaque', 'revendiquer l attaque', 'revendiquer ~ attaque',
      ],
      // The compound tenses put the auxiliary inside the phrase, and a time may part it from its
      // target (« s'en sont pris, aux premières heures de ce jeudi, au poste »).
      phrases: ['s en sont pris', 's en sont prises', 's en est pris', 's en est prise', 's en etaient pris', 's en etait pris', 's en etant pris'],
    },
    en: {
      nouns: ['attack', 'assault', 'raid', 'incursion', 'armed attack', 'terrorist attack', 'jihadist attack', 'onslaught', 'coordinated attacks', 'massacre'],
      verbs: ['attack', 'storm', 'raid', 'open fire', 'assault', 'besiege', 'overrun', 'claim responsibility'],
      // A beating told in the passive ("was badly beaten by armed men"); "X beat Y 2-1" is sport.
      phrases: ['beaten by', 'badly beaten', 'beaten up', 'beaten to death', 'severely beaten'],
    },
  },
  {
    sense: 'attack', weight: 7, needsTarget: true,
    fr: { verbs: ['viser', 'cibler', 'investir', 'encercler', 'harceler', 'frapper', 'tirer sur'] },
    en: { verbs: ['target', 'strike', 'hit', 'fire on', 'shoot at'] },
  },
  {
    sense: 'kill', weight: 8,
    fr: {
      verbs: ['tuer', 'abattre', 'assassiner', 'executer', 'massacrer', 'egorger', 'decapiter', 'liquider', 'exterminer', 'fusiller', 'achever', 'cribler de balles'],
      nouns: ['massacre', 'assassinat', 'execution sommaire', 'executions sommaires', 'tuerie', 'carnage', 'boucherie'],
    },
    en: { verbs: ['kill', 'shoot dead', 'gun down', 'execute', 'massacre', 'murder', 'slaughter', 'behead', 'slay'], nouns: ['killing', 'execution', 'massacre', 'murder', 'bloodbath'] },
  },
  {
    sense: 'toll', weight: 6,
    fr: {
      verbs: ['perdre la vie', 'succomber', 'mourir', 'blesser', 'faire ~ morts', 'faire ~ victimes', 'faire ~ blesses'],
      nouns: ['bilan', 'bilan humain', 'bilan provisoire', 'bilan officiel', 'pertes en vies humaines', 'perte en vie humaine', 'corps sans vie', 'cadavre', 'blesse', 'victimes civiles', 'mort'],
    },
    en: { verbs: ['die', 'lose their lives', 'wound', 'injure', 'leave ~ dead'], nouns: ['death toll', 'toll', 'casualties', 'dead', 'wounded', 'bodies', 'fatalities'] },
  },
  {
    sense: 'neutralise', weight: 8,
    fr: { verbs: ['neutraliser', 'mettre hors d etat de nuire', 'eliminer', 'detruire ~ base', 'detruire ~ refuge'], nouns: ['terroristes neutralises', 'neutralisation'] },
    en: { verbs: ['neutralise', 'neutralize', 'eliminate'] },
  },
  {
    sense: 'abduct', weight: 9,
    fr: {
      verbs: ['enlever', 'kidnapper', 'sequestrer', 'prendre en otage', 'emmener vers une destination inconnue', 'enlever ~ force', 'rapter'],
      nouns: ['enlevement', 'rapt', 'prise d otage', 'prises d otages', 'otage', 'disparition forcee', 'sequestration', 'kidnapping', 'ravisseur'],
    },
    en: { verbs: ['abduct', 'kidnap', 'take hostage', 'seize ~ hostage', 'hold hostage', 'carry off', 'seize ~ women', 'seize ~ ~ women'], nouns: ['abduction', 'kidnapping', 'hostage', 'kidnapper', 'abductor', 'enforced disappearance'] },
  },
  { sense: 'sexual', weight: 8, fr: { verbs: ['violer'], nouns: ['viol', 'violences sexuelles', 'violence sexuelle'] }, en: { verbs: ['rape'], nouns: ['rape', 'sexual violence', 'sexual assault'] } },
  {
    sense: 'protest', weight: 6,
    fr: {
      // « une marche », « notre marche »: a march; « un marché » (a market) folds to the same word
      // but takes a masculine article.
      nouns: ['manifestation', 'manifestant', 'marche pacifique', 'marche de protestation', 'dans la rue contre', 'dans la rue pour', 'dans les rues contre', 'dans les rues pour', 'une marche', 'cette marche', 'notre marche', 'leur marche', 'marcheur', 'sit in', 'rassemblement', 'protestation', 'greve', 'colere des'],
      verbs: ['manifester', 'protester', 'marcher contre', 'marcher pour', 'marcher jusqu a', 'descendre dans la rue', 'battre le pave', 'prendre part a une marche', 'participer a une marche', 'defiler pacifiquement', 'marcher pacifiquement', 'defiler dans les rues', 'marcher dans les rues', 'marcher apres la mort', 'marcher en hommage', 'marcher en memoire'],
    },
    en: { nouns: ['protest', 'protester', 'demonstration', 'demonstrator', 'rally', 'sit in', 'a march', 'marcher', 'marched in', 'marched through', 'marching in', 'marching through', 'rallied'], verbs: ['protest', 'demonstrate', 'take to the streets', 'march against', 'march to'] },
  },
  // Tear gas is fired at a gathering: « des orpailleurs en colère dispersés au gaz lacrymogène ».
  { sense: 'protest', weight: 6, fr: { nouns: ['gaz lacrymogene', 'gaz lacrymogenes', 'grenades lacrymogenes'] }, en: { nouns: ['tear gas', 'teargas'] } },
  {
    sense: 'riot', weight: 8,
    fr: {
      // « Nuit de colère à Gao », « une journée de colère »: a town's unrest named by its day or night.
      nouns: ['emeute', 'emeutier', 'heurts', 'saccage', 'casse', 'pneus brules', 'jets de pierres', 'barricade', 'vandalisme', 'violences urbaines', 'echauffouree', 'nuit de colere', 'journee de colere'],
      verbs: ['saccager', 'vandaliser', 'mettre le feu', 'incendier', 'caillasser', 'lancer des pierres', 'jeter des pierres', 'barricader', 'bruler des pneus', 'tout casser', 's ^embraser'],
    },
    en: { nouns: ['riot', 'rioter', 'unrest', 'violent protest', 'violent demonstration', 'scuffle', 'day of rage', 'night of rage', 'day of anger', 'night of anger'], verbs: ['riot', 'ransack', 'vandalise', 'vandalize', 'set fire to', 'torch', 'hurl stones', 'throw stones', 'loot'] },
  },
  { sense: 'mob', weight: 8, fr: { verbs: ['lyncher'], nouns: ['lynchage', 'vindicte populaire', 'justice populaire', 'foule en colere'] }, en: { verbs: ['lynch'], nouns: ['lynching', 'mob violence', 'mob justice', 'angry mob', 'mob'] } },
  // Forces dismantling a gold-panning site or its dredges destroy property: « démanteler » here
  // is not the breaking up of a gang. Set before the arrests so that it wins where both start at
  // one word; an arrest told before it (« seize personnes interpellées lors du démantèlement »)
  // still comes first.
  {
    sense: 'destroy', weight: 7,
    fr: {
      verbs: ['demanteler ~ site d orpaillage', 'demanteler ~ sites d orpaillage', 'demanteler ~ site aurifere', 'demanteler ~ sites auriferes', 'demanteler ~ dragues', 'detruire ~ dragues', 'detruire ~ drague'],
      nouns: ['demantelement ~ site', 'demantelement ~ site d orpaillage', 'destruction ~ drague'],
    },
    en: {
      // "dismantled an illegal gold-panning site": the site, with up to two words before it.
      verbs: [
        'dismantle ~ mining site', 'dismantle ~ mining sites', 'dismantle ~ gold site', 'dismantle ~ gold sites', 'dismantle ~ dredges', 'destroy ~ dredges',
        'dismantle gold panning site', 'dismantle ~ gold panning site', 'dismantle ~ ~ gold panning site', 'dismantle gold panning sites', 'dismantle ~ gold panning sites', 'dismantle ~ ~ gold panning sites', 'dismantle ~ ~ mining site', 'dismantle ~ ~ mining sites',
      ],
    },
  },
  {
    sense: 'arrest', weight: 7,
    fr: {
      verbs: ['arreter', 'interpeller', 'apprehender', 'demanteler', 'mettre aux arrets', 'placer en garde a vue', 'mettre la main sur', 'mettre la main ~ ~ sur', 'deferer', 'capturer', 'alpaguer', 'cueillir', 'ecrouer', 'incarcerer', 'retenir', 'detenir', 'mettre a la disposition'],
      nouns: ['arrestation', 'interpellation', 'garde a vue', 'demantelement', 'coup de filet', 'capture', 'detention', 'mandat de depot', 'suspect', 'presume terroriste', 'presumes terroristes'],
    },
    en: {
      verbs: ['arrest', 'detain', 'apprehend', 'dismantle', 'break up', 'round up', 'capture', 'take into custody', 'nab'],
      nouns: ['arrest', 'detention', 'custody', 'crackdown', 'suspect'],
      // "The man was picked up shortly after six o'clock": police English for an arrest.
      phrases: ['was picked up', 'were picked up'],
    },
  },
  {
    sense: 'loot', weight: 7,
    fr: {
      nouns: ['braquage', 'braqueur', 'coupeur de route', 'coupeurs de routes', 'vol a main armee', 'vols a main armee', 'butin', 'pillage', 'attaque a main armee', 'bandit', 'bandits armes', 'banditisme', 'rancon', 'racket'],
      verbs: ['braquer', 'depouiller', 'piller', 'voler', 'derober', 'emporter', 'ranconner', 'extorquer', 's ^emparer de'],
    },
    en: { nouns: ['robbery', 'armed robbery', 'highway robbery', 'robber', 'bandit', 'looting', 'loot', 'holdup', 'hold up', 'banditry', 'ransom'], verbs: ['rob', 'loot', 'steal', 'plunder', 'make off with'] },
  },
  {
    sense: 'destroy', weight: 7,
    fr: {
      verbs: ['detruire', 'incendier', 'bruler', 'reduire en cendres', 'calciner', 'saboter', 'endommager', 'raser', 'devaster', 'demolir', 'mettre hors d usage'],
      nouns: ['destruction', 'incendie', 'degats materiels', 'sabotage', 'orpaillage clandestin', 'dragues'],
    },
    en: { verbs: ['destroy', 'burn', 'torch', 'set ablaze', 'sabotage', 'damage', 'raze', 'demolish', 'dismantle'], nouns: ['destruction', 'arson', 'sabotage', 'dredges'] },
  },
  // Demining a land (« déminage », "demining") clears old mines for farmers: a programme, not an
  // event; a device defused is one.
  {
    sense: 'weapons', weight: 6,
    fr: {
      verbs: ['desamorcer', 'saisir ~ armes', 'saisir ~ munitions', 'saisir ~ explosifs', 'decouvrir ~ cache', 'neutraliser ~ engin', 'neutraliser ~ mine', 'detruire ~ engin'],
      nouns: ['cache d armes', 'caches d armes', 'saisie d armes', 'saisie de munitions', 'stock d armes', 'depot d armes', 'munitions', 'detonateurs', 'explosifs', 'artificiers'],
    },
    en: { verbs: ['defuse', 'seize ~ weapons', 'seize ~ ammunition', 'seize ~ explosives', 'find ~ cache'], nouns: ['weapons cache', 'arms cache', 'ammunition', 'explosives', 'bomb disposal'] },
  },
  {
    sense: 'patrol', weight: 6,
    fr: {
      nouns: ['patrouille conjointe', 'patrouilles conjointes', 'patrouille mixte', 'patrouilles mixtes', 'patrouille fluviale', 'patrouille transfrontaliere', 'operation conjointe', 'exercice conjoint', 'exercice militaire', 'deploiement', 'lancement des patrouilles', 'lancement de l operation', 'operation militaire', 'operation de ratissage', 'ratissage', 'operation de securisation', 'operation antiterroriste', 'couvre feu'],
      verbs: ['patrouiller', 'deployer', 'lancer ~ operation', 'lancer ~ patrouille', 'lancer ~ patrouilles', 'sillonner', 'ratisser', 'instaurer un couvre feu', 'decreter un couvre feu', 'fermer la frontiere', 'renforcer le dispositif', 'mener ~ operation', 'conduire ~ operation', 'conduire ~ patrouille'],
    },
    en: { nouns: ['joint patrol', 'joint patrols', 'river patrol', 'joint operation', 'joint exercise', 'military operation', 'deployment', 'curfew', 'sweep'], verbs: ['patrol', 'deploy', 'launch ~ operation', 'launch ~ patrols', 'impose a curfew', 'close the border', 'conduct ~ operation', 'carry out ~ operation'] },
  },
  {
    sense: 'agreement', weight: 6,
    fr: {
      nouns: ['accord de', 'accord sur', 'accord signe', 'accord de paix', 'protocole d accord', 'memorandum', 'convention', 'cessez le feu', 'accord de cooperation', 'accord de defense', 'traite', 'feuille de route', 'reddition', 'depot des armes'],
      verbs: ['signer ~ accord', 'signer ~ protocole', 'signer ~ convention', 'signer ~ memorandum', 'parapher', 'conclure un accord', 'deposer les armes', 'ratifier'],
    },
    en: { nouns: ['agreement', 'peace deal', 'peace agreement', 'accord', 'memorandum', 'ceasefire', 'cease fire', 'treaty', 'surrender'], verbs: ['sign ~ agreement', 'sign ~ accord', 'sign ~ deal', 'sign ~ memorandum', 'conclude ~ agreement', 'lay down ~ arms', 'ratify', 'agree to', 'agree on'] },
  },
  {
    sense: 'base', weight: 5,
    fr: {
      verbs: ['installer ~ base', 'installer ~ camp', 'installer ~ quartier general', 'etablir ~ base', 'ouvrir ~ base', 'inaugurer ~ camp', 'inaugurer ~ base', 'inaugurer ~ caserne', 'inaugurer ~ legion', 'inaugurer ~ brigade', 'inaugurer ~ poste'],
      nouns: ['nouvelle base', 'nouveau camp', 'nouveau camp militaire', 'nouvelle base militaire', 'nouvelle caserne', 'nouvelle brigade', 'nouvelle legion'],
    },
    en: {
      verbs: ['set up ~ base', 'establish ~ base', 'open ~ base', 'open ~ camp', 'open ~ barracks', 'inaugurate ~ base', 'inaugurate ~ camp', 'inaugurate ~ barracks'],
      nouns: ['new base', 'new army camp', 'new military camp', 'new military base', 'new barracks'],
    },
  },
  { sense: 'cattle', weight: 6, fr: { nouns: ['vol de betail', 'vols de betail', 'vol de boeufs', 'vol de bovins', 'enlevement de betail', 'voleurs de betail', 'betail emporte'] }, en: { nouns: ['cattle rustling', 'cattle theft', 'cattle raid', 'livestock theft', 'rustler'] } },
  { sense: 'smuggling', weight: 5, fr: { nouns: ['contrebande', 'contrebandier', 'trafic de', 'trafiquant', 'fraude', 'marchandises prohibees'] }, en: { nouns: ['smuggling', 'smuggler', 'trafficking', 'trafficker', 'contraband'] } },
  // A quantity of drugs is what a seizure is told by (« 300 kilogrammes de cocaïne », "a tonne of cocaine").
  {
    sense: 'drugs', weight: 7,
    fr: { nouns: ['kilogrammes de cocaine', 'kilos de cocaine', 'kg de cocaine', 'tonne de cocaine', 'kilogrammes de chanvre', 'kilos de chanvre', 'kg de chanvre', 'tonne de chanvre', 'kilogrammes de cannabis', 'kg de cannabis', 'kilogrammes de resine', 'kg de resine', 'kilogrammes d heroine', 'kg d heroine', 'kilogrammes de drogue', 'kg de drogue', 'tonne de drogue', 'plaquettes de chanvre', 'plaquettes de cannabis', 'briques de chanvre', 'cornets de chanvre'] },
    en: { nouns: ['kilograms of cocaine', 'kilogrammes of cocaine', 'kilos of cocaine', 'kg of cocaine', 'tonne of cocaine', 'ton of cocaine', 'pounds of cocaine', 'kilograms of cannabis', 'kg of cannabis', 'tonne of cannabis', 'kilograms of hashish', 'kg of hashish', 'kilograms of heroin', 'kg of heroin', 'kilograms of drugs', 'kg of drugs', 'tonne of drugs', 'bricks of cannabis', 'bricks of hashish', 'blocks of cannabis', 'packets of cannabis'] },
  },
  // The forces' own words for a seizure of goods, whatever the goods (« ont procédé à la saisie d'un chargement de bois »).
  // …and the seizure named as such (« saisie de 62 kg », "double seizure of 15,400 cartons").
  { sense: 'drugs', weight: 6, fr: { verbs: ['proceder a la saisie', 'proceder a ~ saisie'], nouns: ['saisie de', 'saisies de', 'saisie d'] }, en: { verbs: ['make ~ seizure'], nouns: ['seizure of', 'seizures of'] } },
  { sense: 'gold', weight: 4, fr: { nouns: ['orpaillage clandestin', 'orpailleurs clandestins', 'site d orpaillage illegal', 'sites d orpaillage clandestins', 'exploitation illegale'] }, en: { nouns: ['illegal mining', 'illegal gold mining', 'artisanal mining site'] } },
  { sense: 'displacement', weight: 4, fr: { nouns: ['deplaces internes', 'deplacement massif'], verbs: ['fuir ~ village', 'fuir ~ villages'] }, en: { nouns: ['displaced people', 'displaced persons', 'displaced families'], verbs: ['flee ~ village', 'flee ~ villages'] } },
  // Refugees arriving across a border (« afflux de réfugiés », "new arrivals reach Mbera camp") are
  // the event the corpus codes as displacement, not the fighting they flee.
  {
    sense: 'displacement', weight: 8,
    fr: {
      nouns: ['afflux de refugies', 'afflux ~ de refugies', 'afflux ~ ~ de refugies', 'afflux de deplaces', 'arrivee de refugies', 'arrivees de refugies', 'vague de refugies', 'flux de refugies', 'refugies affluent', 'deplacements massifs', 'nouveaux refugies', 'nouveaux arrivants', 'convoi de refugies'],
      verbs: ['affluer a', 'affluer vers'],
    },
    en: { nouns: ['influx of refugees', 'refugee influx', 'new arrivals', 'refugees arriving', 'families fleeing', 'refugees fleeing', 'newly arrived refugees', 'newly arrived ~ refugees', 'new refugees', 'new ~ refugees', 'convoy of refugees', 'refugee convoy'], verbs: ['seek safety', 'seek refuge', 'cross back into'] },
  },
  { sense: 'crossing', weight: 4, fr: { nouns: ['passage clandestin', 'franchissement illegal', 'migrants irreguliers', 'migrants interceptes'] }, en: { nouns: ['illegal crossing', 'illegal migrants'] } },
  // A boat of migrants stopped at sea, or migrants stopped on their way, is the event itself; so
  // are people turned back at a border (« refoulés à la frontière », "sent back by the police").
  {
    sense: 'crossing', weight: 7,
    fr: {
      verbs: ['intercepter ~ pirogue', 'intercepter ~ embarcation', 'intercepter ~ migrants', 'intercepter ~ candidats', 'arraisonner ~ pirogue', 'arraisonner ~ embarcation'],
      nouns: ['interception d une pirogue', 'interception d une embarcation', 'interception de migrants', 'refoules a la frontiere'],
    },
    en: {
      verbs: ['intercept ~ boat', 'intercept ~ pirogue', 'intercept ~ migrants', 'intercept ~ ~ migrants', 'intercept ~ ~ ~ migrants', 'stop ~ boat', 'stop ~ boats', 'intercept ~ boats', 'intercept ~ pirogues', 'halt ~ boat', 'halt ~ boats', 'halt ~ pirogue', 'halt ~ pirogues', 'halt ~ migrants', 'stop ~ migrants', 'board ~ pirogue', 'board ~ boat carrying', 'pick up ~ migrants'],
      phrases: ['migrants picked up', 'migrants intercepted', 'migrants were intercepted', 'migrants were picked up', 'sent back by', 'turned back at the border', 'turned back by'],
    },
  },
];
