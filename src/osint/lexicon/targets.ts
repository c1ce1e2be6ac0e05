/**
 * Who or what an act was aimed at, by class: the class decides the ACLED sub-event type of an
 * attack or a killing (an attack on a post is a battle, on a village an attack on civilians).
 * Words are folded lemmas; nouns match their plural too (see inflect.ts). A phrase of several
 * words matches as written, its last word inflected.
 */
export type TargetClass = 'military' | 'post' | 'convoy' | 'civilians' | 'market' | 'worship' | 'village' | 'militants' | 'property';

// biome-ignore format: word lists, several words a line.
export const TARGETS: Record<TargetClass, { fr: string[]; en: string[] }> = {
  military: {
    fr: [
      'camp militaire', 'camp', 'base militaire', 'base', 'caserne', 'garnison', 'soldat', 'militaire', 'armee', 'fama', 'troupe',
      'patrouille', 'position', 'detachement', 'escorte', 'unite', 'garde nationale', 'gardes nationaux', 'force armee',
      'forces armees', 'forces de defense', 'forces de defense et de securite', 'fds', 'element', 'poste avance', 'point d appui', 'colonne',
      'emprise', 'camp de la minusma', 'casque bleu', 'minusma', 'barkhane', 'vehicule militaire', 'helicoptere', 'aeroport',
      'aerodrome', 'zone militaire', 'gendarme', 'policier', 'douanier', 'garde', 'dozo', 'chasseurs traditionnels',
    ],
    en: [
      'army', 'military', 'soldier', 'troop', 'base', 'camp', 'barracks', 'garrison', 'patrol', 'position', 'unit', 'escort',
      'armed forces', 'national guard', 'peacekeeper', 'minusma', 'outpost', 'military convoy', 'military vehicle', 'airport',
      'gendarme', 'policeman', 'police officer', 'customs officer', 'guard',
    ],
  },
  post: {
    fr: [
      'poste', 'poste de police', 'poste de douane', 'poste de controle', 'poste de securite', 'poste frontalier',
      'poste de gendarmerie', 'commissariat', 'gendarmerie', 'brigade', 'brigade de gendarmerie', 'douane', 'bureau de douane',
      'checkpoint', 'check point', 'barrage', 'cantonnement', 'prison', 'maison d arret', 'sous prefecture', 'prefecture',
      'mairie', 'installations de la police', 'installations',
    ],
    en: [
      'police station', 'police post', 'customs post', 'customs office', 'checkpoint', 'check point', 'gendarmerie', 'post',
      'border post', 'security post', 'prison', 'jail',
    ],
  },
  convoy: {
    fr: ['convoi', 'citerne', 'camion citerne', 'camions citernes', 'camion', 'vehicule', 'bus', 'minibus', 'cortege', 'delegation'],
    en: ['convoy', 'tanker', 'fuel tanker', 'truck', 'lorry', 'vehicle', 'bus', 'minibus', 'motorcade', 'delegation'],
  },
  civilians: {
    fr: [
      'civil', 'villageois', 'habitant', 'population', 'passager', 'chauffeur', 'routier', 'fidele', 'orpailleur', 'berger',
      'eleveur', 'commercant', 'cultivateur', 'agriculteur', 'paysan', 'pecheur', 'femme', 'enfant', 'personne', 'usager',
      'voyageur', 'forain', 'mariage', 'ceremonie', 'fete', 'bapteme', 'funerailles', 'invite', 'employe', 'ouvrier',
      'travailleur', 'expatrie', 'ressortissant', 'maire', 'chef de village', 'imam', 'elu', 'notable', 'deplace', 'refugie',
      'famille', 'jeune', 'homme', 'membre de la communaute', 'civils', 'victime', 'orpaillage', 'site d orpaillage',
      'site aurifere', 'placer', 'usine', 'site industriel', 'chantier', 'ecole', 'eleve', 'enseignant', 'poste de secours',
      'poste de sante', 'centre de sante',
    ],
    en: [
      'civilian', 'villager', 'resident', 'inhabitant', 'passenger', 'driver', 'worshipper', 'miner', 'prospector', 'herder', 'farmer',
      'trader', 'merchant', 'fisherman', 'fishermen', 'woman', 'women', 'child', 'children', 'people', 'traveller', 'traveler',
      'wedding', 'ceremony', 'guest', 'worker', 'employee', 'mayor', 'village chief', 'imam', 'family', 'families', 'displaced',
      'refugee', 'gold mining site', 'mining site', 'factory', 'plant', 'school', 'pupil', 'teacher', 'man', 'men', 'health post',
      'health centre', 'health center', 'first aid post',
    ],
  },
  market: { fr: ['marche', 'foire', 'marche hebdomadaire', 'gare routiere', 'boutique', 'commerce'], en: ['market', 'fair', 'shop', 'bus station'] },
  worship: { fr: ['mosquee', 'eglise', 'lieu de culte', 'lieu de priere', 'priere'], en: ['mosque', 'church', 'place of worship', 'prayer'] },
  village: { fr: ['village', 'hameau', 'localite', 'campement', 'quartier', 'domicile', 'maison'], en: ['village', 'hamlet', 'settlement', 'home', 'house'] },
  militants: {
    fr: [
      'terroriste', 'jihadiste', 'djihadiste', 'assaillant', 'combattant', 'insurge', 'rebelle', 'homme arme', 'hommes armes',
      'elements terroristes', 'membre du jnim', 'islamiste', 'bandit arme', 'groupe arme terroriste', 'gat', 'hani',
    ],
    en: ['terrorist', 'jihadist', 'militant', 'insurgent', 'rebel', 'fighter', 'gunman', 'gunmen', 'attacker', 'assailant', 'islamist'],
  },
  property: {
    fr: ['drague', 'engin', 'motopompe', 'machine', 'equipement', 'grenier', 'recolte', 'betail', 'boutiques', 'pylone', 'antenne'],
    en: ['dredge', 'machine', 'equipment', 'granary', 'crop', 'livestock', 'mast', 'antenna'],
  },
};
