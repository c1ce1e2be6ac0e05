/**
 * Words naming the parties of an act, on folded text: the state's forces, armed men, civilians and
 * crowds, and who among them was killed or hurt. Shared by the rules that tell an event's type from
 * who did what to whom (classify-event.ts, story-victims.ts, raid-by-forces.ts).
 */
export const KILLED = /\b(tues?|tuees?|morts?|deces|perdu la vie|succombe|killed|dead|died|deaths?|balles? reelles|shot)\b/;
export const CIVILIANS =
  /\b(civils?|villageois|habitants|populations?|passagers|chauffeurs|routiers|pecheurs|civilians|villagers|residents|passengers|drivers|fishermen|femmes|enfants|women|children)\b/;
export const PARAMILITARIES = /\b(wagner|africa corps|paramilitaires? russes?|russian paramilitar\w*|mercenaires? russes?|russian mercenar\w*)\b/;
// The singular too: « un groupe jihadiste », "a jihadist group"; and the groups of 2012 by name.
export const NON_STATE =
  /\b(d?jihadistes?|terroristes|islamistes?|assaillants|assailants|attackers|gunmen|bandits|rebelles|insurges|groupes? arme|hommes armes|bandes? armees?|jnim|gsim|eigs|csp|fla|mujao|mnla|aqmi|aqim|ansar dine|militants|jihadists?|islamists?|terrorists?|rebels|insurgents|armed groups?|armed gangs?)\b/;
// « une attaque armée », « des bandes armées »: armed, not the army.
export const STATE_FORCES =
  /\b((?<!(?:attaques?|main|bandes?|agressions?|incursions?|violences?|groupes?|hommes|individus|attaque a main) )armee|fama|forces armees|soldats|militaires|army|troops|soldiers|armed forces|gendarmes?|policiers|police|douaniers|garde nationale)\b/;
// A health post, a first-aid post, a post office or a camp of the displaced shelters no armed force.
export const MILITARY_PRESENT =
  /\b(soldats?|militaires?|soldiers?|troops|military|detachement|detachment|fama|escort\w*|army|armee|fds|patrouille|patrol|gendarmes?|policiers|douaniers|garde nationale|camp(?! de (?:deplaces|refugies)| for (?:the )?(?:displaced|refugees))|base|poste(?! de (?:sante|secours))|post(?! office))\b/;
export const SECURITY_FORCES =
  /\b(police|policiers|gendarmes?|forces de l'ordre|forces de (?:defense et de )?securite|security forces|militaires|soldiers|troops|army|armee)\b/;
// « la marche dégénère », "the march turned violent": a march is its crowd (« le marché », a market,
// folds to the same word but takes a masculine article; "March" the month takes none).
export const CROWD =
  /\b((?:la|une|cette|leur|notre|the) marche?|marcheurs|marchers|manifestants|migrant\w*|expulses|emeut\w*|jeunes|foule|population|eleves|etudiants|orpailleurs|grevistes|supporters|protesters|protesting|rioters|youths?|crowds?|mob|demonstrators|students|(?:gold|artisanal) miners|strikers|emeute|riot\w*|unrest|heurts|echauffourees?|colere|angry|anger|rage)\b/;
// Civilians named as the ones killed or wounded, and forces named as the ones wounded or killed.
export const CIVILIAN_VICTIMS =
  /\b(?:civils?|villageois|habitants|passagers|voyageurs|commercants|forains|orpailleurs|bergers|famille|femmes|enfants|jeunes|civilians|villagers|residents|passengers|travellers|travelers|traders|miners|prospectors|herders|family|women|children|young men)\b[^.;:]{0,40}?\b(?:tues?|tuees?|blesses?|morts?|decedee?s?|touchee?s? par balles|abattue?s?|killed|wounded|injured|dead|shot|hit by gunfire)\b|\b(?:tuant|blessant|killing|wounding|injuring|kills|killed)\b[^.;:]{0,30}?\b(?:civils?|villageois|habitants|orpailleurs|bergers|civilians|villagers|residents|miners|prospectors|herders)\b/;
export const FORCES_VICTIMS =
  /\b(?:soldats?|militaires?|gendarmes?|policiers?|douaniers?|gardes?|soldiers?|troops|gendarmes?|policemen|guards?)\b[^.;:]{0,30}?\b(?:tues?|blesses?|morts?|killed|wounded|injured|dead)\b/;
// A crowd as the subject of an act: « la population est sortie pour s'en prendre à ».
export const CROWD_AGENT =
  /\b(?:la population|la foule|des jeunes|les jeunes|des habitants en colere|des compatriotes|des riverains|des villageois en colere|une foule|the crowd|a crowd|an angry crowd|angry youths|residents)\b|\b(?:des|les) [a-z]+ en (?:colere|furie)\b/;
// People who fight the forces as a crowd, not as an armed group: demonstrators, gold miners.
export const POLICE = /\b(police|policiers|gendarmes?|gendarmerie|forces de l'ordre|riot police|commissariat)\b/;
export const RIOTERS =
  /\b(manifestants|protestataires|emeutiers|grevistes|orpailleurs|chercheurs d'or|jeunes|eleves|etudiants|protesters|demonstrators|rioters|strikers|youths?|students|(?:gold|wildcat|artisanal|unlicensed|illegal) miners)\b/;
export const ANGER = /\b(colere|furie|angry|anger|fury)\b/;
export const DEMONSTRATION = /\b(manifs?|manifestations?|manifestants|emeutes?|emeutiers|protests?|protesters|demonstrations?|demonstrators|riots?|rioters)\b/;
// A crowd as the agent after the act: « … par des jeunes », "by angry youths".
export const CROWD_AFTER =
  /^[^.;:]{0,60}?\b(?:par|by) (?:des |les |la |une |the |an? )?(?:jeunes|foule|manifestants|protestataires|orpailleurs|habitants en colere|riverains|youths?|crowds?|mob|protesters|demonstrators|angry residents)\b/;
// Robbers, named where no force is: an ambush they lay waits for travellers, not soldiers.
export const ROBBERS = /\b(?:bandits?|braqueurs?|coupeurs? de route|malfaiteurs|bande de|robbers?|highwaymen|armed gang)\b/;
